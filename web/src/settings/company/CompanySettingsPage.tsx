import { Clock, DoorClosed, MessageSquareQuote, Repeat, Sparkles } from 'lucide-react';
import { Link } from 'react-router';
import type { LucideIcon } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../i18n';
import { canManageCompanySettings } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/sessionStore';
import type { CompanySettings } from '../../lib/types';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormErrors } from '../../lib/useFormErrors';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ErrorState } from '../../ui/ErrorState';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { Input } from '../../ui/Input';
import { Select } from '../../ui/Select';
import { Page } from '../../ui/Page';
import { PageHeader } from '../../ui/PageHeader';
import { Skeleton } from '../../ui/Skeleton';
import { Switch } from '../../ui/Switch';
import { Textarea } from '../../ui/Textarea';
import { toast } from '../../ui/toastStore';
import { COMPANY_SETTINGS_FIELDS, TEXT_MAX, initialValues, toChanges, validate, type CompanySettingsFormValues } from './companySettingsForm';
import { useSecrets } from '../secrets/useSecrets';
import { useCompanySettings, useSaveCompanySettings } from './useCompanySettings';

/** How the company attends: agent signature, inactivity close, out-of-hours answer, returning customers. */
export default function CompanySettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('companySettings.title'));
  const me = useCurrentUser();
  const canManage = canManageCompanySettings(me.role);
  const settings = useCompanySettings();
  return (
    <Page className="max-w-4xl">
      <PageHeader title={t('companySettings.title')} description={t('companySettings.description')} actions={canManage ? undefined : <Badge>{t('common.readOnly')}</Badge>} />
      {settings.isPending ? (
        <div aria-busy="true" className="space-y-4">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} className="h-40 w-full rounded-xl" />
          ))}
        </div>
      ) : settings.isError ? (
        <Card>
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} retrying={settings.isRefetching} />
        </Card>
      ) : (
        <SettingsForm settings={settings.data} readOnly={!canManage} />
      )}
    </Page>
  );
}

function SettingsForm({ settings, readOnly }: { settings: CompanySettings; readOnly: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [values, setValues] = useState<CompanySettingsFormValues>(() => initialValues(settings));
  const errors = useFormErrors(COMPANY_SETTINGS_FIELDS);
  const save = useSaveCompanySettings();
  const secrets = useSecrets(!readOnly);
  const secretNames = secrets.data?.map((s) => s.name) ?? [];
  const missingSecret = secrets.data && values.aiApiKeySecret && !secretNames.includes(values.aiApiKeySecret) ? values.aiApiKeySecret : null;
  const changes = toChanges(values, settings);
  const dirty = Object.keys(changes).length > 0;

  const set = <K extends keyof CompanySettingsFormValues>(key: K, value: CompanySettingsFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    errors.clear(key);
  };

  const submit = () => {
    if (!errors.check(validate(values)) || !dirty) return;
    save.mutate(changes, {
      onSuccess: (saved) => {
        setValues(initialValues(saved));
        toast(t('companySettings.toast.saved'));
      },
      onError: errors.fromServer,
    });
  };

  const minutes = Number(values.inactivityCloseMinutes);
  const days = Number(values.returningCustomerDays);
  const department = me.departments[0]?.name ?? t('companySettings.prefix.exampleDepartment');

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <fieldset disabled={readOnly} className="space-y-4">
        {errors.form && <FormAlert>{errors.form}</FormAlert>}

        <Section icon={MessageSquareQuote} title={t('companySettings.prefix.title')} description={t('companySettings.prefix.description')}>
          <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
            <div className="flex items-center gap-3">
              <Switch checked={values.agentMessagePrefix} onChange={(v) => set('agentMessagePrefix', v)} label={t('companySettings.prefix.label')} disabled={readOnly} />
              <span className="text-sm font-medium text-zinc-800">{t('companySettings.prefix.label')}</span>
            </div>
            <div aria-label={t('companySettings.prefix.preview')} className="w-full max-w-xs rounded-lg rounded-tr-none bg-[#d9fdd3] px-3 py-2 text-sm text-zinc-900 shadow-xs sm:w-72">
              {values.agentMessagePrefix && <p className="font-semibold">{`${me.name} - ${department}:`}</p>}
              <p>{t('companySettings.prefix.exampleMessage')}</p>
            </div>
          </div>
        </Section>

        <Section icon={DoorClosed} title={t('companySettings.inactivity.title')} description={t('companySettings.inactivity.description')}>
          <div className="grid gap-5 sm:grid-cols-[14rem_1fr]">
            <Field
              label={t('companySettings.inactivity.minutes')}
              error={errors.fields.inactivityCloseMinutes}
              hint={values.inactivityCloseMinutes.trim() !== '' && minutes === 0 ? t('companySettings.inactivity.never') : t('companySettings.inactivity.minutesHint', { duration: formatMinutes(minutes) })}
            >
              {(control) => (
                <div className="relative">
                  <Input {...control} type="number" inputMode="numeric" min={0} max={10080} value={values.inactivityCloseMinutes} onChange={(e) => set('inactivityCloseMinutes', e.target.value)} className="pr-14" />
                  <span aria-hidden="true" className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-zinc-400">
                    {t('departments.minutesUnit')}
                  </span>
                </div>
              )}
            </Field>
            <Field label={t('companySettings.inactivity.text')} error={errors.fields.inactivityCloseText} hint={minutes === 0 ? t('companySettings.inactivity.textUnused') : t('companySettings.inactivity.textHint')}>
              {(control) => <Textarea {...control} rows={3} maxLength={TEXT_MAX} value={values.inactivityCloseText} onChange={(e) => set('inactivityCloseText', e.target.value)} />}
            </Field>
          </div>
        </Section>

        <Section icon={Clock} title={t('companySettings.outOfHours.title')} description={t('companySettings.outOfHours.description')}>
          <Field label={t('companySettings.outOfHours.text')} error={errors.fields.outOfHoursText} hint={t('companySettings.outOfHours.hint')}>
            {(control) => <Textarea {...control} rows={3} maxLength={TEXT_MAX} value={values.outOfHoursText} onChange={(e) => set('outOfHoursText', e.target.value)} />}
          </Field>
        </Section>

        <Section icon={Repeat} title={t('companySettings.returning.title')} description={t('companySettings.returning.description')}>
          <div className="sm:w-56">
            <Field
              label={t('companySettings.returning.days')}
              error={errors.fields.returningCustomerDays}
              hint={values.returningCustomerDays.trim() !== '' && days === 0 ? t('companySettings.returning.never') : t('companySettings.returning.daysHint', { count: days })}
            >
              {(control) => (
                <div className="relative">
                  <Input {...control} type="number" inputMode="numeric" min={0} max={365} value={values.returningCustomerDays} onChange={(e) => set('returningCustomerDays', e.target.value)} className="pr-12" />
                  <span aria-hidden="true" className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-zinc-400">
                    {t('companySettings.returning.unit')}
                  </span>
                </div>
              )}
            </Field>
          </div>
        </Section>

        <Section icon={Sparkles} title={t('companySettings.ai.title')} description={t('companySettings.ai.description')}>
          <div className="grid gap-5 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <Field label={t('companySettings.ai.baseUrl')} error={errors.fields.aiBaseUrl} hint={t('companySettings.ai.baseUrlHint')}>
                {(control) => <Input {...control} type="url" inputMode="url" placeholder="https://api.openai.com/v1" spellCheck={false} value={values.aiBaseUrl} onChange={(e) => set('aiBaseUrl', e.target.value)} />}
              </Field>
            </div>
            <Field label={t('companySettings.ai.model')} error={errors.fields.aiModel} hint={t('companySettings.ai.modelHint')}>
              {(control) => <Input {...control} maxLength={100} spellCheck={false} value={values.aiModel} onChange={(e) => set('aiModel', e.target.value)} />}
            </Field>
            <Field
              label={t('companySettings.ai.secret')}
              error={errors.fields.aiApiKeySecret ?? (missingSecret ? t('companySettings.ai.missingSecret', { name: missingSecret }) : undefined)}
              hint={t('companySettings.ai.secretHint')}
              aside={
                !readOnly && (
                  <Link to="/settings/secrets" className="text-xs font-medium text-emerald-700 hover:underline">
                    {t('companySettings.ai.manageSecrets')}
                  </Link>
                )
              }
            >
              {(control) => (
                <Select {...control} value={values.aiApiKeySecret} onChange={(e) => set('aiApiKeySecret', e.target.value)}>
                  <option value="">{t('companySettings.ai.noSecret')}</option>
                  {[...new Set([...secretNames, ...(values.aiApiKeySecret ? [values.aiApiKeySecret] : [])])].map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
        </Section>
      </fieldset>

      {!readOnly && (
        <div className="sticky bottom-0 z-10 -mx-4 mt-6 flex items-center justify-end gap-2 border-t border-zinc-200 bg-zinc-50/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border">
          {dirty && <span className="mr-auto text-sm text-zinc-500">{t('companySettings.unsaved')}</span>}
          <Button variant="secondary" disabled={!dirty || save.isPending} onClick={() => (setValues(initialValues(settings)), errors.check({}))}>
            {t('companySettings.discard')}
          </Button>
          <Button type="submit" disabled={!dirty} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </div>
      )}
    </form>
  );
}

function Section({ icon: Icon, title, description, children }: { icon: LucideIcon; title: string; description: string; children: ReactNode }) {
  return (
    <Card className="p-6">
      <div className="mb-5 flex items-start gap-3">
        <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-emerald-50 text-emerald-700">
          <Icon aria-hidden="true" className="size-4.5" />
        </span>
        <div>
          <h2 className="text-base font-semibold text-zinc-900">{title}</h2>
          <p className="mt-0.5 text-sm text-zinc-500">{description}</p>
        </div>
      </div>
      {children}
    </Card>
  );
}

/** 90 → "1 h 30 min": long silences read better in hours. */
function formatMinutes(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes <= 0) return '—';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return i18n.t('companySettings.duration.minutes', { minutes: rest });
  return rest === 0 ? i18n.t('companySettings.duration.hours', { hours }) : i18n.t('companySettings.duration.hoursMinutes', { hours, minutes: rest });
}
