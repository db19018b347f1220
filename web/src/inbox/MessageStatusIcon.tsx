import clsx from 'clsx';
import { Check, CheckCheck, CircleAlert, Clock3 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { MessageStatus } from '../lib/types';

type Shown = MessageStatus | 'PENDING';

/** WhatsApp's ticks: a clock while on its way, ✓ sent, ✓✓ delivered, blue ✓✓ read, red when it failed. */
export function MessageStatusIcon({ status, className }: { status: Shown; className?: string }) {
  const { t } = useTranslation();
  const label = t(`inbox.ticks.${status}`);
  const icon = (() => {
    switch (status) {
      case 'PENDING':
      case 'QUEUED':
        return <Clock3 aria-hidden="true" className="size-3.5 text-[#667781]" />;
      case 'SENT':
        return <Check aria-hidden="true" className="size-4 text-[#667781]" />;
      case 'DELIVERED':
        return <CheckCheck aria-hidden="true" className="size-4 text-[#667781]" />;
      case 'READ':
        return <CheckCheck aria-hidden="true" className="size-4 text-[#53bdeb]" />;
      case 'FAILED':
        return <CircleAlert aria-hidden="true" className="size-3.5 text-red-600" />;
      default:
        return <Clock3 aria-hidden="true" className="size-3.5 text-amber-600" />;
    }
  })();
  return (
    <span role="img" aria-label={label} title={label} data-status={status} className={clsx('inline-flex shrink-0', className)}>
      {icon}
    </span>
  );
}
