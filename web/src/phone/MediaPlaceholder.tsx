import { Contact, File, Image, MapPin, Mic, Sticker, Video, type LucideIcon } from 'lucide-react';
import { mediaLabel } from './chatMessage';

const icons: Record<string, LucideIcon> = { image: Image, video: Video, audio: Mic, document: File, sticker: Sticker, location: MapPin, contacts: Contact };

/** The phone does not download media: it shows what kind of file arrived, and its name. */
export function MediaPlaceholder({ kind, filename }: { kind: string; filename?: string }) {
  const Icon = icons[kind] ?? File;
  const large = kind === 'image' || kind === 'video' || kind === 'location' || kind === 'sticker';
  return large ? (
    <div className="mb-1 flex h-36 w-60 max-w-full flex-col items-center justify-center gap-1.5 rounded-md bg-[#e9edef] text-[#54656f]">
      <Icon aria-hidden="true" className="size-8" strokeWidth={1.5} />
      <span className="text-xs font-medium">{mediaLabel(kind)}</span>
    </div>
  ) : (
    <div className="mb-1 flex w-60 max-w-full items-center gap-3 rounded-md bg-black/5 px-3 py-2.5 text-[#54656f]">
      <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-white/80">
        <Icon aria-hidden="true" className="size-4.5" />
      </span>
      <span className="min-w-0">
        <span className="block text-xs font-medium">{mediaLabel(kind)}</span>
        {filename && <span className="block truncate text-[13px] text-zinc-800">{filename}</span>}
      </span>
    </div>
  );
}
