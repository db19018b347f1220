import type { NodeProps } from '@xyflow/react';
import { FileText, Image as ImageIcon, Music, Timer, Video } from 'lucide-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageNode as MessageNodeType } from '../../types';
import { NextHandle } from '../shared/ExitHandle';
import { NodeShell } from '../shared/NodeShell';
import { TextPreview } from '../shared/TextPreview';
import { messageValidity } from './validity';

const mediaIcons = { image: ImageIcon, video: Video, audio: Music, document: FileText };

function MediaLine({ media }: { media: NonNullable<MessageNodeType['data']['config']['media']> }) {
  const { t } = useTranslation();
  const Icon = mediaIcons[media.kind] ?? FileText;
  return (
    <p className="flex min-w-0 items-center gap-1.5 rounded-md bg-sky-50 px-2 py-1 text-[11px] text-sky-800 ring-1 ring-sky-100" data-media={media.kind}>
      <Icon aria-hidden="true" className="size-3.5 shrink-0" />
      <span className="shrink-0 font-medium">{t(`flows.nodes.message.media.${media.kind}`)}</span>
      <span className="truncate text-sky-700/80">{media.fileName || media.url}</span>
    </p>
  );
}

function MessageNodeView({ id, data, selected }: NodeProps<MessageNodeType>) {
  const { t } = useTranslation();
  const delay = Number(data.config.delaySeconds) || 0;
  return (
    <NodeShell id={id} type="message" selected={selected} issues={messageValidity(data.config)}>
      {data.config.media?.kind && <MediaLine media={data.config.media} />}
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
