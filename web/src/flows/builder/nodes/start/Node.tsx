import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StartNode as StartNodeType } from '../../types';
import { NextHandle } from '../shared/ExitHandle';
import { NodeShell } from '../shared/NodeShell';

function StartNodeView({ id, selected }: NodeProps<StartNodeType>) {
  const { t } = useTranslation();
  return (
    <NodeShell id={id} type="start" selected={selected} issues={[]}>
      <p className="text-[13px] text-zinc-600">{t('flows.nodes.start.summary')}</p>
      <NextHandle />
    </NodeShell>
  );
}

export const StartNode = memo(StartNodeView);
