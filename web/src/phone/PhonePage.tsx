import clsx from 'clsx';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/apiError';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { Badge } from '../ui/Badge';
import { Page } from '../ui/Page';
import { PageHeader } from '../ui/PageHeader';
import { Skeleton } from '../ui/Skeleton';
import { toast } from '../ui/toastStore';
import { PhoneChat } from './PhoneChat';
import { PHONE_FRAME_SIZE } from './phoneFrame';
import { PhoneGuide } from './PhoneGuide';
import { PhoneIdentityForm } from './PhoneIdentityForm';
import { usePhoneIdentity, type PhoneIdentity } from './phoneIdentity';
import { SandboxUnavailable } from './SandboxUnavailable';
import { useSandboxInfo, type ChatTarget } from './useSandbox';
import { useSandboxEvents } from './useSandboxEvents';

/**
 * "Telefone de teste": the signed-in person plays a WhatsApp customer against the local Cloud API
 * sandbox, so the whole system can be tried without a Meta account.
 */
export default function PhonePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('phone.title'));
  const info = useSandboxInfo();
  const waId = usePhoneIdentity((s) => s.waId);
  const name = usePhoneIdentity((s) => s.name);
  const chosenNumber = usePhoneIdentity((s) => s.phoneNumberId);
  const apply = usePhoneIdentity((s) => s.apply);

  const numbers = info.data?.numbers ?? [];
  // A number saved in this browser may no longer be hosted after the sandbox's configuration changed.
  const business = numbers.find((n) => n.phone_number_id === chosenNumber) ?? numbers[0];
  const target: ChatTarget = { waId, name, phoneNumberId: business?.phone_number_id ?? '' };
  const events = useSandboxEvents(target, Boolean(business));

  const onApply = (identity: PhoneIdentity) => {
    apply(identity);
    toast(t('phone.identity.applied'));
  };

  return (
    <Page>
      <PageHeader title={t('phone.title')} description={t('phone.description')} actions={<Badge tone="amber">{t('phone.badge')}</Badge>} />
      {info.isError ? (
        <SandboxUnavailable
          detail={info.error instanceof ApiError && info.error.status > 0 ? `HTTP ${info.error.status}` : t('phone.unavailable.noAnswer')}
          onRetry={() => void info.refetch()}
          retrying={info.isRefetching}
        />
      ) : (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[24rem_minmax(0,1fr)] lg:items-start">
          <div className="flex flex-col gap-6">
            {business ? (
              <>
                <PhoneIdentityForm key={`${waId}:${name}:${business.phone_number_id}`} numbers={numbers} current={target} onApply={onApply} />
                <PhoneGuide target={target} stream={events.state} />
              </>
            ) : (
              <>
                <Skeleton className="h-96 rounded-xl" />
                <Skeleton className="h-72 rounded-xl" />
              </>
            )}
          </div>
          <div className="order-first flex justify-center sm:rounded-2xl sm:border sm:border-zinc-200 sm:bg-zinc-100/60 sm:bg-[radial-gradient(circle_at_top,var(--color-emerald-50),transparent_70%)] sm:px-4 sm:py-6 lg:order-none">
            {business ? <PhoneChat key={`${business.phone_number_id}:${waId}`} target={target} business={business} live={events.state === 'live'} typing={events.typing} /> : <Skeleton className={clsx(PHONE_FRAME_SIZE, 'rounded-[2.75rem]')} />}
          </div>
        </div>
      )}
    </Page>
  );
}
