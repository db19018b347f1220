import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EndNode as EndNodeType } from '../../types';
import { NodeShell } from '../shared/NodeShell';
import { TextPreview } from '../shared/TextPreview';
import { endValidity } from './validity';

function EndNodeView({ id, data, selected }: NodeProps<EndNodeType>) {
  const { t } = useTranslation();
  return (
    <NodeShell id={id} type="end" selected={selected} issues={endValidity(data.config)}>
      <TextPreview text={data.config.text} empty={t('flows.nodes.end.summary')} lines={2} />
    </NodeShell>
  );
}

export const EndNode = memo(EndNodeView);
