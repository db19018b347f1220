import clsx from 'clsx';
import { CheckCheck, Clock3 } from 'lucide-react';
import { useTranslation } from 'react-i18next';

/**
 * The customer's own ticks. The sandbox records a customer message at once (the business number has
 * it, so two grey ticks) and reports only whether the business read it (blue).
 */
export function MessageTicks({ pending, read }: { pending?: boolean; read: boolean }) {
  const { t } = useTranslation();
  const label = pending ? t('phone.message.pending') : read ? t('phone.message.read') : t('phone.message.delivered');
  return (
    <span role="img" aria-label={label} title={label} className="inline-flex">
      {pending ? (
        <Clock3 aria-hidden="true" className="size-3.5 text-[#667781]" />
      ) : (
        <CheckCheck aria-hidden="true" className={clsx('size-4', read ? 'text-[#53bdeb]' : 'text-[#8696a0]')} />
      )}
    </span>
  );
}
