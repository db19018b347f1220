import { useQuery } from '@tanstack/react-query';
import clsx from 'clsx';
import { Download, FileText, ImageOff, MapPin, UserRound, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaRef, Message } from '../lib/types';
import { Spinner } from '../ui/Spinner';
import { formatSize } from './attachments';
import { fetchMediaBlob } from './inboxApi';
import type { PendingMessage } from './outbox';

type Node = Record<string, unknown>;
const node = (value: unknown): Node | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The bytes are cached by media id (scrolling back does not download again); each bubble makes its
 * own object URL from them and revokes it when it unmounts, so the page does not keep every blob alive.
 */
function useMediaUrl(media: MediaRef | null) {
  const blob = useQuery({
    queryKey: ['media', media?.id],
    queryFn: ({ signal }) => fetchMediaBlob(media!.id, signal),
    enabled: Boolean(media),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: false,
  });
  const [url, setUrl] = useState<string | undefined>();
  useEffect(() => {
    if (!blob.data) return;
    const objectUrl = URL.createObjectURL(blob.data);
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(undefined);
    };
  }, [blob.data]);
  return { data: url, isError: blob.isError, isPending: blob.isPending || (Boolean(blob.data) && !url), isFetching: blob.isFetching };
}

function Unavailable({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <span className="flex h-24 w-56 max-w-full flex-col items-center justify-center gap-1 rounded-md bg-black/5 text-xs text-[#667781]">
      <ImageOff aria-hidden="true" className="size-5" />
      <span>{label}</span>
      <span className="text-[11px]">{t('inbox.media.unavailable')}</span>
    </span>
  );
}

function Lightbox({ src, alt, onClose }: { src: string; alt: string; onClose: () => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div role="dialog" aria-modal="true" aria-label={alt} className="fixed inset-0 z-50 flex items-center justify-center bg-zinc-950/85 p-8" onClick={onClose}>
      <button type="button" autoFocus onClick={onClose} aria-label={t('common.close')} className="absolute top-4 right-4 rounded-full p-2 text-white/80 hover:bg-white/10 hover:text-white">
        <X aria-hidden="true" className="size-6" />
      </button>
      <img src={src} alt={alt} className="max-h-full max-w-full rounded-md object-contain shadow-2xl" onClick={(e) => e.stopPropagation()} />
    </div>
  );
}

function ImageMedia({ media, alt, sticker }: { media: MediaRef | null; alt: string; sticker: boolean }) {
  const { t } = useTranslation();
  const url = useMediaUrl(media);
  const [open, setOpen] = useState(false);
  if (!media || url.isError) return <Unavailable label={sticker ? t('inbox.media.sticker') : t('inbox.media.image')} />;
  if (url.isPending)
    return (
      <span className="flex h-40 w-60 items-center justify-center rounded-md bg-black/5">
        <Spinner className="size-5 text-[#667781]" />
      </span>
    );
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-label={t('inbox.media.openImage')} className="block overflow-hidden rounded-md">
        <img src={url.data} alt={alt} className={sticker ? 'size-32 object-contain' : 'max-h-72 w-full max-w-72 object-cover'} />
      </button>
      {open && url.data && <Lightbox src={url.data} alt={alt} onClose={() => setOpen(false)} />}
    </>
  );
}

function PlayableMedia({ media, kind }: { media: MediaRef | null; kind: 'audio' | 'video' }) {
  const { t } = useTranslation();
  const url = useMediaUrl(media);
  if (!media || url.isError) return <Unavailable label={t(`inbox.media.${kind}`)} />;
  if (url.isPending) return <Spinner className="m-3 size-5 text-[#667781]" />;
  return kind === 'audio' ? <audio controls src={url.data} className="h-10 w-64 max-w-full" /> : <video controls src={url.data} className="max-h-72 w-72 max-w-full rounded-md bg-black" />;
}

function DocumentMedia({ media, fallbackName }: { media: MediaRef | null; fallbackName: string }) {
  const { t } = useTranslation();
  const url = useMediaUrl(media);
  const name = media?.fileName ?? fallbackName;
  return (
    <span className="flex w-64 max-w-full items-center gap-3 rounded-md bg-black/5 px-3 py-2.5">
      <FileText aria-hidden="true" className="size-8 shrink-0 text-[#54656f]" />
      <span className="min-w-0 flex-1">
        <span className="block truncate text-sm font-medium">{name}</span>
        <span className="block text-[11px] text-[#667781]">
          {[media?.mimeType.split('/')[1]?.toUpperCase(), formatSize(media?.sizeBytes ?? null)].filter(Boolean).join(' · ') || t('inbox.media.unavailable')}
        </span>
      </span>
      {url.data && (
        <a href={url.data} download={name} aria-label={t('inbox.media.download', { name })} className="rounded-full p-1.5 text-[#54656f] hover:bg-black/10">
          <Download aria-hidden="true" className="size-5" />
        </a>
      )}
      {url.isFetching && <Spinner className="size-4 text-[#667781]" />}
    </span>
  );
}

function LocationCard({ content }: { content: Node }) {
  const { t } = useTranslation();
  const latitude = typeof content.latitude === 'number' ? content.latitude : undefined;
  const longitude = typeof content.longitude === 'number' ? content.longitude : undefined;
  const name = text(content.name);
  const address = text(content.address);
  const href = latitude !== undefined && longitude !== undefined ? `https://www.google.com/maps?q=${latitude},${longitude}` : text(content.url);
  return (
    <a href={href} target="_blank" rel="noreferrer" className="flex w-64 max-w-full items-start gap-3 rounded-md bg-black/5 px-3 py-2.5 hover:bg-black/10">
      <MapPin aria-hidden="true" className="mt-0.5 size-6 shrink-0 text-red-500" />
      <span className="min-w-0">
        <span className="block text-sm font-medium">{name ?? t('inbox.media.location')}</span>
        {address && <span className="block text-xs text-[#54656f]">{address}</span>}
        {latitude !== undefined && <span className="block text-[11px] text-[#667781] tabular-nums">{`${latitude.toFixed(5)}, ${longitude?.toFixed(5)}`}</span>}
        <span className="mt-1 block text-xs font-medium text-[#027eb5]">{t('inbox.media.openMap')}</span>
      </span>
    </a>
  );
}

function ContactCards({ content }: { content: Node }) {
  const contacts = Array.isArray(content.contacts) ? content.contacts.map(node).filter((c): c is Node => Boolean(c)) : [];
  return (
    <span className="flex flex-col gap-1.5">
      {contacts.map((contact, index) => {
        const phones = Array.isArray(contact.phones) ? contact.phones.map((p) => text(node(p)?.phone)).filter(Boolean) : [];
        return (
          <span key={index} className="flex w-60 max-w-full items-center gap-3 rounded-md bg-black/5 px-3 py-2">
            <UserRound aria-hidden="true" className="size-8 shrink-0 rounded-full bg-[#dfe5e7] p-1.5 text-[#8696a0]" />
            <span className="min-w-0">
              <span className="block truncate text-sm font-medium">{text(node(contact.name)?.formatted_name) ?? '—'}</span>
              {phones.map((phone) => (
                <span key={phone} className="block text-xs text-[#54656f]">
                  {phone}
                </span>
              ))}
            </span>
          </span>
        );
      })}
    </span>
  );
}

/** The options a bot message offered (buttons or a list), shown as the customer saw them. */
function InteractiveOptions({ content }: { content: Node }) {
  const interactive = node(node(content.message)?.interactive);
  const action = node(interactive?.action);
  const buttons = Array.isArray(action?.buttons) ? action.buttons.map((b) => text(node(node(b)?.reply)?.title)).filter(Boolean) : [];
  const rows = Array.isArray(action?.sections)
    ? action.sections.flatMap((s) => (Array.isArray(node(s)?.rows) ? (node(s)!.rows as unknown[]).map((r) => text(node(r)?.title)).filter(Boolean) : []))
    : [];
  const options = [...buttons, ...rows];
  if (options.length === 0) return null;
  return (
    <span className="mt-1.5 -mx-2 -mb-1 flex flex-col border-t border-black/5">
      {options.map((option) => (
        <span key={option} className="border-b border-black/5 px-2 py-1.5 text-center text-[13px] font-medium text-[#027eb5] last:border-0">
          {option}
        </span>
      ))}
    </span>
  );
}

/** The caption: inbound media carry it in content; ours keep what the agent typed as the body (the caption sent may bear their signature). */
function captionOf(message: Message): string | undefined {
  const content = message.content ?? {};
  if (message.direction === 'OUTBOUND' && text(node(content.message)?.caption)) return message.body ?? undefined;
  return text(content.caption);
}

/** A file still on its way: the agent's own copy, with how much of it has reached the server. */
export function PendingMedia({ pending }: { pending: PendingMessage }) {
  const { t } = useTranslation();
  const attachment = pending.attachment!;
  const uploading = pending.state === 'sending' && !attachment.media;
  const percent = Math.round(attachment.progress * 100);
  const bar = uploading && (
    <span
      role="progressbar"
      aria-label={t('inbox.attach.uploading', { name: attachment.name })}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      data-testid="upload-progress"
      className="block h-1 w-full overflow-hidden rounded-full bg-black/15"
    >
      <span className="block h-full rounded-full bg-[#00a884] transition-[width] duration-150" style={{ width: `${Math.max(percent, 3)}%` }} />
    </span>
  );
  if (attachment.previewUrl && (attachment.kind === 'image' || attachment.kind === 'video')) {
    return (
      <span className="relative block max-w-72 overflow-hidden rounded-md">
        {attachment.kind === 'image' ? (
          <img src={attachment.previewUrl} alt={pending.text || attachment.name} className={clsx('block max-h-72 w-full object-cover', uploading && 'brightness-75')} />
        ) : (
          <video src={attachment.previewUrl} muted className={clsx('block max-h-72 w-72 max-w-full bg-black', uploading && 'brightness-75')} />
        )}
        {uploading && (
          <span className="absolute inset-x-2 bottom-2 flex flex-col gap-1 rounded-md bg-black/45 px-2 py-1.5 text-[11px] font-medium text-white">
            <span className="tabular-nums">{t('inbox.attach.progress', { percent, size: formatSize(attachment.size) })}</span>
            {bar}
          </span>
        )}
      </span>
    );
  }
  return (
    <span className="flex w-64 max-w-full flex-col gap-2 rounded-md bg-black/5 px-3 py-2.5">
      <span className="flex items-center gap-3">
        <FileText aria-hidden="true" className="size-8 shrink-0 text-[#54656f]" />
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium">{attachment.name}</span>
          <span className="block text-[11px] text-[#667781] tabular-nums">
            {uploading ? t('inbox.attach.progress', { percent, size: formatSize(attachment.size) }) : [attachment.mimeType.split('/')[1]?.toUpperCase(), formatSize(attachment.size)].filter(Boolean).join(' · ')}
          </span>
        </span>
      </span>
      {bar}
    </span>
  );
}

/** Whatever the message carries besides its text. Returns null for plain text. */
export function MessageMedia({ message }: { message: Message }) {
  const content = message.content ?? {};
  const caption = captionOf(message) ?? message.body ?? '';
  switch (message.type) {
    case 'image':
    case 'sticker':
      return <ImageMedia media={message.media} alt={caption} sticker={message.type === 'sticker'} />;
    case 'audio':
    case 'video':
      return <PlayableMedia media={message.media} kind={message.type} />;
    case 'document':
      return <DocumentMedia media={message.media} fallbackName={caption || 'documento'} />;
    case 'location':
      return <LocationCard content={content} />;
    case 'contacts':
      return <ContactCards content={content} />;
    default:
      return null;
  }
}

export function MessageOptions({ message }: { message: Message }) {
  if (message.direction !== 'OUTBOUND' || message.type !== 'interactive') return null;
  return <InteractiveOptions content={message.content ?? {}} />;
}

/** The text a bubble shows under its media; media types with a card of their own show none. */
export function bubbleText(message: Message): string | null {
  if (message.type === 'location' || message.type === 'contacts') return null;
  if (['image', 'video', 'audio', 'document', 'sticker'].includes(message.type)) return captionOf(message) ?? null;
  return message.body;
}
