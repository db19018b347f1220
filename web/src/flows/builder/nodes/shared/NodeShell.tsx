import { Handle, Position } from '@xyflow/react';
import clsx from 'clsx';
import { CircleAlert, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowNodeType } from '../../../../../../workflows/flow/schema';
import { useBuilderStore } from '../../store';
import { nodeLooks } from '../looks';
import { useReadOnly } from './ReadOnlyContext';

const EMPTY: string[] = [];

interface NodeShellProps {
  id: string;
  type: FlowNodeType;
  selected: boolean | undefined;
  /** Local config checks (the schema's messages), shown until the server has spoken. */
  issues: string[];
  children?: ReactNode;
  footer?: ReactNode;
}

/** The frame every node shares: accent header, input handle, body, problems. */
export function NodeShell({ id, type, selected, issues, children, footer }: NodeShellProps) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const problems = useBuilderStore((s) => (readOnly ? EMPTY : (s.problems[id] ?? EMPTY)));
  const look = nodeLooks[type];
  const Icon = look.icon;
  const hasProblems = problems.length > 0;
  const pending = !hasProblems && !readOnly ? issues : EMPTY;
  return (
    <div
      data-node-type={type}
      data-has-problems={hasProblems || undefined}
      className={clsx(
        'w-64 rounded-xl border bg-white shadow-sm transition-shadow',
        hasProblems ? 'border-red-400 ring-2 ring-red-500/70' : selected ? 'border-emerald-500 ring-2 ring-emerald-500/40' : 'border-zinc-200 hover:shadow-md',
      )}
    >
      {type !== 'start' && <Handle type="target" position={Position.Top} className="!h-2 !w-8 !rounded-full !border-2 !border-white !bg-zinc-400" />}
      <div className="flex items-center gap-2 border-b border-zinc-100 px-3 py-2">
        <span className={clsx('flex size-6 items-center justify-center rounded-md', look.tile)}>
          <Icon aria-hidden="true" className="size-3.5" />
        </span>
        <span className="text-xs font-semibold tracking-wide text-zinc-800">{t(`flows.nodes.${type}.title`)}</span>
        {hasProblems && <CircleAlert aria-label={t('flows.builder.hasProblems')} className="ml-auto size-4 text-red-500" />}
        {!hasProblems && pending.length > 0 && <TriangleAlert aria-label={t('flows.builder.incomplete')} className="ml-auto size-4 text-amber-500" />}
      </div>
      {children && <div className="space-y-2 px-3 py-2.5">{children}</div>}
      {footer}
      {(hasProblems || pending.length > 0) && (
        <ul className={clsx('space-y-1 rounded-b-xl border-t px-3 py-2 text-[11px] leading-snug font-medium', hasProblems ? 'border-red-100 bg-red-50 text-red-700' : 'border-amber-100 bg-amber-50 text-amber-800')}>
          {(hasProblems ? problems : pending).map((message) => (
            <li key={message} data-problem={hasProblems || undefined}>
              {message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
