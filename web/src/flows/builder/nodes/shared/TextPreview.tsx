import { Fragment } from 'react';
import { VariableChip } from './VariableChip';

const VARIABLE = /(\{\{\s*[\w.]+\s*\}\})/g;

/** Message text as the customer will read it, with {{variables}} marked so they stand out. */
export function TextPreview({ text, empty, lines = 4 }: { text: string | undefined; empty: string; lines?: 2 | 3 | 4 }) {
  if (!text?.trim()) return <p className="text-[13px] text-zinc-400 italic">{empty}</p>;
  const clamp = { 2: 'line-clamp-2', 3: 'line-clamp-3', 4: 'line-clamp-4' }[lines];
  return (
    <p className={`${clamp} text-[13px] leading-snug break-words whitespace-pre-line text-zinc-700`}>
      {text.split(VARIABLE).map((part, i) =>
        i % 2 === 1 ? (
          <VariableChip key={i} name={part.replace(/[{}\s]/g, '')} />
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </p>
  );
}
