import clsx from 'clsx';
import type { LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';

interface OptionItemProps {
  icon: LucideIcon;
  label: string;
  /** A reply the customer sends by tapping. */
  onClick?: () => void;
  /** A link that opens outside the phone. */
  href?: string;
}

const base = 'flex min-h-10 w-full items-center justify-center gap-1.5 rounded-lg bg-white px-3 py-2 text-center text-sm font-medium text-[#027eb5] shadow-[0_1px_0.5px_rgba(11,20,26,0.13)] transition-colors';
const active = 'hover:bg-[#f5f6f6] active:bg-[#e9edef]';

/** One button under a business message, WhatsApp style. With neither onClick nor href it is shown but inert. */
export function OptionItem({ icon: Icon, label, onClick, href }: OptionItemProps) {
  const { t } = useTranslation();
  const content = (
    <>
      <Icon aria-hidden="true" className="size-4 shrink-0" />
      <span className="truncate">{label}</span>
    </>
  );
  if (href) {
    return (
      <a href={href} target="_blank" rel="noreferrer" aria-label={t('phone.options.openLink', { label })} className={clsx(base, active)}>
        {content}
      </a>
    );
  }
  if (onClick) {
    return (
      <button type="button" onClick={onClick} className={clsx(base, active)}>
        {content}
      </button>
    );
  }
  return <span className={clsx(base, 'cursor-default opacity-70')}>{content}</span>;
}
