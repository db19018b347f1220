import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlowList } from '../../../flowsApi';
import type { JumpNode as JumpNodeType } from '../../types';
import { NodeShell } from '../shared/NodeShell';
import { jumpValidity } from './validity';

function JumpNodeView({ id, data, selected }: NodeProps<JumpNodeType>) {
  const { t } = useTranslation();
  const flows = useFlowList();
  const target = flows.data?.find((f) => f.id === data.config.flowId);
  return (
    <NodeShell id={id} type="jump" selected={selected} issues={jumpValidity(data.config)}>
      <div className="flex items-center justify-between gap-2 text-[12px] text-zinc-500">
        <span className="shrink-0">{t('flows.nodes.jump.to')}</span>
        {target ? <span className="truncate font-medium text-zinc-800">{target.name}</span> : <span className="text-zinc-400 italic">{t('flows.nodes.jump.noFlow')}</span>}
      </div>
      {target && !target.publishedVersionId && <p className="text-[11px] font-medium text-amber-700">{t('flows.nodes.jump.notPublished')}</p>}
    </NodeShell>
  );
}

export const JumpNode = memo(JumpNodeView);
