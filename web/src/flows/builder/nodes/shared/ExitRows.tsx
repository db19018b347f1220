import type { ReactNode } from 'react';
import type { Exit } from '../../exits';
import { ExitRow, type ExitTone } from './ExitHandle';

const toneOf: Record<Exit['kind'], ExitTone> = {
  next: 'neutral',
  option: 'neutral',
  branch: 'neutral',
  else: 'neutral',
  replied: 'sky',
  invalid: 'amber',
  timeout: 'sky',
  success: 'emerald',
  error: 'red',
};

/** A node's exits as labelled rows, each with its handle, coloured by what it means. */
export function ExitRows({ exits, label }: { exits: Exit[]; label: (exit: Exit) => ReactNode }) {
  return (
    <div className="space-y-1.5">
      {exits.map((exit) => (
        <ExitRow key={exit.handle} handle={exit.handle} tone={toneOf[exit.kind]}>
          {label(exit)}
        </ExitRow>
      ))}
    </div>
  );
}
