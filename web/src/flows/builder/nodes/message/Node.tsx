import type { NodeProps } from '@xyflow/react';
import { Timer } from 'lucide-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageNode as MessageNodeType } from '../../types';
import { NextHandle } from '../shared/ExitHandle';
import { NodeShell } from '../shared/NodeShell';
import { TextPreview } from '../shared/TextPreview';
import { messageValidity } from './validity';

function MessageNodeView({ id, data, selected }: NodeProps<MessageNodeType>) {
  const { t } = useTranslation();
  const delay = Number(data.config.delaySeconds) || 0;
  return (
    <NodeShell id={id} type="message" selected={selected} issues={messageValidity(data.config)}>
      <TextPreview text={data.config.text} empty={t('flows.nodes.message.empty')} />
      {delay > 0 && (
        <p className="flex items-center gap-1 text-[11px] text-zinc-500">
          <Timer aria-hidden="true" className="size-3" />
          {t('flows.nodes.message.delay', { count: delay })}
        </p>
      )}
      <NextHandle />
    </NodeShell>
  );
}

export const MessageNode = memo(MessageNodeView);
