import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { exitsOfView } from '../../exits';
import type { HttpNode as HttpNodeType } from '../../types';
import { ExitRows } from '../shared/ExitRows';
import { NodeShell } from '../shared/NodeShell';
import { VariableChip } from '../shared/VariableChip';
import { httpValidity } from './validity';

function HttpNodeView(props: NodeProps<HttpNodeType>) {
  const { id, data, selected } = props;
  const { t } = useTranslation();
  const config = data.config;
  const saved = Array.isArray(config.saveResponse) ? config.saveResponse.filter((s) => s.variable) : [];
  return (
    <NodeShell id={id} type="http" selected={selected} issues={httpValidity(config)}>
      <div className="flex min-w-0 items-start gap-1.5">
        <span className="shrink-0 rounded bg-slate-800 px-1.5 py-0.5 font-mono text-[10px] font-bold tracking-wide text-white">{config.method ?? 'GET'}</span>
        {config.url ? <span className="line-clamp-2 min-w-0 font-mono text-[11px] leading-snug break-all text-zinc-700">{config.url}</span> : <span className="text-[12px] text-zinc-400 italic">{t('flows.nodes.http.noUrl')}</span>}
      </div>
      {saved.length > 0 && (
        <div className="flex flex-wrap items-center gap-1 text-[11px] text-zinc-500">
          <span>{t('flows.nodes.http.saves')}</span>
          {saved.map((s) => (
            <VariableChip key={s.variable} name={`vars.${s.variable}`} />
          ))}
        </div>
      )}
      <ExitRows exits={exitsOfView(props)} label={(exit) => t(exit.kind === 'error' ? 'flows.nodes.http.error' : 'flows.nodes.http.success')} />
    </NodeShell>
  );
}

export const HttpNode = memo(HttpNodeView);
