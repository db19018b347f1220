import { ArrowLeft, BadgeCheck, CheckCheck, Store } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../ui/Spinner';
import type { HostedNumber } from './sandboxApi';

interface ChatHeaderProps {
  business: HostedNumber;
  typing: boolean;
  unread: number;
  onMarkRead: () => void;
  marking: boolean;
}

export function ChatHeader({ business, typing, unread, onMarkRead, marking }: ChatHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="flex h-15 shrink-0 items-center gap-2 bg-[#008069] pr-2 pl-1.5 text-white">
      <ArrowLeft aria-hidden="true" className="size-5 shrink-0 opacity-90" />
      <span aria-hidden="true" className="flex size-10 shrink-0 items-center justify-center rounded-full bg-[#dfe5e7] text-[#8696a0]">
        <Store className="size-5" />
      </span>
      <div className="min-w-0 flex-1">
        <h2 className="flex items-center gap-1 text-[15px] leading-5 font-medium">
          <span className="truncate">{business.verified_name}</span>
          <BadgeCheck role="img" aria-label={t('phone.chat.verified')} className="size-4 shrink-0 fill-[#25d366] text-[#008069]" />
        </h2>
        <p aria-live="polite" className="truncate text-xs leading-4 text-white/80">
          {typing ? t('phone.chat.typing') : business.display_phone_number}
        </p>
      </div>
      <button
        type="button"
        onClick={onMarkRead}
        disabled={unread === 0 || marking}
        aria-label={unread === 0 ? `${t('phone.chat.markRead')} (${t('phone.chat.nothingUnread')})` : `${t('phone.chat.markRead')} (${t('phone.chat.unread', { count: unread })})`}
        title={unread === 0 ? t('phone.chat.nothingUnread') : t('phone.chat.markReadHint')}
        className="relative flex size-10 shrink-0 items-center justify-center rounded-full transition-colors hover:bg-white/15 disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:bg-transparent"
      >
        {marking ? <Spinner className="size-5" /> : <CheckCheck aria-hidden="true" className="size-5" />}
        {unread > 0 && (
          <span aria-hidden="true" className="absolute top-0.5 right-0 min-w-4.5 rounded-full bg-[#25d366] px-1 text-center text-[11px] leading-4.5 font-semibold text-[#0b3d2e]">
            {unread}
          </span>
        )}
      </button>
    </header>
  );
}
