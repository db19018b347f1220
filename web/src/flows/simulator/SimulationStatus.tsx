import clsx from 'clsx';
import { useTranslation } from 'react-i18next';
import { useBuilderStore } from '../builder/store';
import type { SimulationState } from './simulatorApi';

/** One line on where the bot is: waiting for the first message, on a block, with people, or done. */
export function SimulationStatus({ state }: { state: SimulationState | undefined }) {
  const { t } = useTranslation();
  const node = useBuilderStore((s) => (state?.nodeId ? s.nodes.find((n) => n.id === state.nodeId) : undefined));
  const running = state?.status === 'BOT' && node;
  const text = !state?.conversationId
    ? t('flows.simulator.status.waiting')
    : state.status === 'RESOLVED'
      ? t('flows.simulator.status.ended')
      : state.status === 'QUEUED' || state.status === 'ASSIGNED'
        ? t('flows.simulator.status.withPeople')
        : node
          ? t('flows.simulator.status.running', { block: t(`flows.nodes.${node.type}.title`) })
          : t('flows.simulator.status.starting');
  return (
    <p role="status" data-sim-node={running ? node.id : undefined} className="flex items-start gap-2 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-xs leading-snug text-zinc-700">
      <span aria-hidden="true" className={clsx('mt-1 size-2 shrink-0 rounded-full', running ? 'animate-pulse bg-sky-500' : 'bg-zinc-300')} />
      <span className="min-w-0 flex-1">{text}</span>
      {running && <span className="shrink-0 font-mono text-[11px] text-zinc-400">{node.id}</span>}
    </p>
  );
}
