import type { NodeProps } from '@xyflow/react';
import { Hourglass } from 'lucide-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { exitsOfView } from '../../exits';
import type { WaitNode as WaitNodeType } from '../../types';
import { ExitRows } from '../shared/ExitRows';
import { NodeShell } from '../shared/NodeShell';
import { waitValidity } from './validity';

function WaitNodeView(props: NodeProps<WaitNodeType>) {
  const { id, data, selected } = props;
  const { t } = useTranslation();
  const amount = Number(data.config.amount) || 0;
  return (
    <NodeShell id={id} type="wait" selected={selected} issues={waitValidity(data.config)}>
      <p className="flex items-center gap-1.5 text-[13px] font-medium text-zinc-800">
        <Hourglass aria-hidden="true" className="size-3.5 text-cyan-600" />
        {t(`flows.nodes.wait.duration.${data.config.unit ?? 'minutes'}`, { count: amount })}
      </p>
      <p className="text-[11px] text-zinc-500">{t(`flows.nodes.wait.onReply.${data.config.onReply ?? 'continue'}`)}</p>
      <ExitRows exits={exitsOfView(props)} label={(exit) => t(exit.kind === 'replied' ? 'flows.nodes.wait.replied' : 'flows.nodes.wait.after')} />
    </NodeShell>
  );
}

export const WaitNode = memo(WaitNodeView);
