import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../../../lib/directory';
import type { HandoffNode as HandoffNodeType } from '../../types';
import { DepartmentLine } from '../shared/DepartmentLine';
import { NodeShell } from '../shared/NodeShell';
import { TextPreview } from '../shared/TextPreview';
import { handoffValidity } from './validity';

function HandoffNodeView({ id, data, selected }: NodeProps<HandoffNodeType>) {
  const { t } = useTranslation();
  const users = useUserDirectory();
  const agent = users.data?.find((u) => u.id === data.config.agentId);
  return (
    <NodeShell id={id} type="handoff" selected={selected} issues={handoffValidity(data.config)}>
      <DepartmentLine departmentId={data.config.departmentId} label={t('flows.nodes.handoff.department')} />
      <div className="flex items-center justify-between gap-2 text-[12px] text-zinc-500">
        <span>{t('flows.nodes.handoff.agent')}</span>
        <span className="truncate font-medium text-zinc-700">{agent?.name ?? t('flows.nodes.handoff.anyAgent')}</span>
      </div>
      {data.config.text && <TextPreview text={data.config.text} empty="" lines={2} />}
    </NodeShell>
  );
}

export const HandoffNode = memo(HandoffNodeView);
