import { UserRound } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { requiredText } from '../lib/validation';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';
import { Field } from '../ui/Field';
import { Input } from '../ui/Input';
import { Select } from '../ui/Select';
import { WA_ID, type PhoneIdentity } from './phoneIdentity';
import type { HostedNumber } from './sandboxApi';
import type { ChatTarget } from './useSandbox';

interface PhoneIdentityFormProps {
  numbers: HostedNumber[];
  /** The identity in use; the form edits a copy and applies it on submit. */
  current: ChatTarget;
  onApply: (identity: PhoneIdentity) => void;
}

type Errors = Partial<Record<'waId' | 'name', string>>;

export function PhoneIdentityForm({ numbers, current, onApply }: PhoneIdentityFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ChatTarget>(current);
  const [errors, setErrors] = useState<Errors>({});
  const changed = draft.waId !== current.waId || draft.name.trim() !== current.name || draft.phoneNumberId !== current.phoneNumberId;

  const set = <K extends keyof ChatTarget>(key: K, value: ChatTarget[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!WA_ID.test(draft.waId)) found.waId = t('phone.identity.waIdInvalid');
    const nameError = requiredText(draft.name, 1, 100);
    if (nameError) found.name = nameError;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    onApply({ waId: draft.waId, name: draft.name.trim(), phoneNumberId: draft.phoneNumberId });
  };

  return (
    <Card>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4 p-5">
        <div className="flex items-start gap-3">
          <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-emerald-50 text-emerald-700">
            <UserRound aria-hidden="true" className="size-4.5" />
          </span>
          <div>
            <h2 className="text-sm font-semibold text-zinc-900">{t('phone.identity.title')}</h2>
            <p className="mt-0.5 text-xs text-zinc-500">{t('phone.identity.description')}</p>
          </div>
        </div>
        <Field label={t('phone.identity.waId')} error={errors.waId} hint={t('phone.identity.waIdHint')}>
          {(control) => (
            <Input
              {...control}
              inputMode="numeric"
              autoComplete="off"
              value={draft.waId}
              // People paste numbers as "+55 (11) 99999-0000"; Meta's wa_id is the bare digits.
              onChange={(e) => set('waId', e.target.value.replace(/\D/g, '').slice(0, 15))}
            />
          )}
        </Field>
        <Field label={t('phone.identity.name')} error={errors.name} hint={t('phone.identity.nameHint')}>
          {(control) => <Input {...control} autoComplete="off" maxLength={100} value={draft.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field label={t('phone.identity.business')}>
          {(control) => (
            <Select {...control} value={draft.phoneNumberId} onChange={(e) => set('phoneNumberId', e.target.value)}>
              {numbers.map((number) => (
                <option key={number.phone_number_id} value={number.phone_number_id}>
                  {number.verified_name} · {number.display_phone_number}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" variant="secondary" disabled={!changed} className="self-start">
          {t('phone.identity.apply')}
        </Button>
      </form>
    </Card>
  );
}
