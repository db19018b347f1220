import { zodResolver } from '@hookform/resolvers/zod';
import clsx from 'clsx';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { createNumberSchema, providers, THROUGHPUT_MAX } from '../../../../api/whatsappNumbers/schemas';
import type { FlowSummary } from '../../flows/flowsApi';
import { formErrorsFrom, sentence } from '../../lib/formErrors';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { FormDialogFooter } from '../../ui/FormDialogFooter';
import { Input } from '../../ui/Input';
import { Select } from '../../ui/Select';
import { Switch } from '../../ui/Switch';
import { toast } from '../../ui/toastStore';
import { defaultFlowLabel, flowLabel } from './flowLabels';
import { initialValues, NUMBER_FIELDS, toChanges, type NumberFormOutput } from './numberForm';
import { useSaveNumber, type WhatsAppNumber } from './useWhatsAppNumbers';

interface NumberFormDialogProps {
  /** null registers a new number. */
  number: WhatsAppNumber | null;
  flows: FlowSummary[];
  onClose: () => void;
}

/** The schema's messages are the API's, in lower case after a field name; under a field they read as a sentence. */
const messageOf = (error: { message?: string } | undefined) => (error?.message ? sentence(error.message) : null);

export function NumberFormDialog({ number, flows, onClose }: NumberFormDialogProps) {
  const { t } = useTranslation();
  const creating = number === null;
  const form = useForm({ resolver: zodResolver(createNumberSchema), defaultValues: initialValues(number) });
  const { errors } = form.formState;
  const [formError, setFormError] = useState<string | null>(null);
  const save = useSaveNumber();
  const provider = form.watch('provider');

  const submit = form.handleSubmit((values: NumberFormOutput) => {
    setFormError(null);
    const changes = toChanges(values, number);
    if (!creating && Object.keys(changes).length === 0) return onClose();
    save.mutate(
      { id: number?.id ?? null, changes },
      {
        onSuccess: (saved) => {
          toast(t(creating ? 'whatsappNumbers.toast.created' : 'whatsappNumbers.toast.updated', { name: saved.name }));
          onClose();
        },
        onError: (error) => {
          const placed = formErrorsFrom(error, NUMBER_FIELDS);
          for (const [field, message] of Object.entries(placed.fields)) form.setError(field as (typeof NUMBER_FIELDS)[number], { message });
          setFormError(placed.form);
        },
      },
    );
  });

  // A flow set before it was published (through the API) stays visible rather than silently replaced.
  const choices = flows.filter((f) => f.publishedVersionId || f.id === number?.flowId);

  return (
    <Dialog
      title={creating ? t('whatsappNumbers.form.createTitle') : t('whatsappNumbers.form.editTitle', { name: number.name })}
      description={t('whatsappNumbers.form.description')}
      size="lg"
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={<FormDialogFooter onCancel={onClose} submitLabel={creating ? t('whatsappNumbers.form.create') : t('common.save')} pending={save.isPending} />}
    >
      <div className="grid gap-5 sm:grid-cols-2">
        {formError && <FormAlert className="sm:col-span-2">{formError}</FormAlert>}
        <fieldset className="sm:col-span-2">
          <legend className="mb-1.5 text-sm font-medium text-zinc-800">{t('whatsappNumbers.form.provider')}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {providers.map((p) => (
              <label
                key={p}
                className={clsx(
                  'flex cursor-pointer items-start gap-3 rounded-lg border px-3.5 py-3 transition-colors',
                  provider === p ? 'border-emerald-500 bg-emerald-50/60 ring-1 ring-emerald-500' : 'border-zinc-200 hover:bg-zinc-50',
                )}
              >
                <input type="radio" value={p} className="mt-0.5 accent-emerald-600" {...form.register('provider')} />
                <span>
                  <span className="block text-sm font-medium text-zinc-900">{t(`whatsappNumbers.providers.${p}.name`)}</span>
                  <span className="block text-xs text-zinc-500">{t(`whatsappNumbers.providers.${p}.text`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t('whatsappNumbers.form.name')} error={messageOf(errors.name)} hint={t('whatsappNumbers.form.nameHint')}>
          {(control) => <Input {...control} data-autofocus maxLength={80} placeholder={t('whatsappNumbers.form.namePlaceholder')} {...form.register('name')} />}
        </Field>
        <Field label={t('whatsappNumbers.form.displayPhoneNumber')} error={messageOf(errors.displayPhoneNumber)} hint={t('whatsappNumbers.form.displayPhoneNumberHint')}>
          {(control) => <Input {...control} inputMode="tel" maxLength={24} placeholder="+55 11 3000-0000" {...form.register('displayPhoneNumber')} />}
        </Field>
        <Field
          label={t(provider === 'WAHA' ? 'whatsappNumbers.form.sessionName' : 'whatsappNumbers.form.phoneNumberId')}
          error={messageOf(errors.phoneNumberId)}
          hint={t(provider === 'WAHA' ? 'whatsappNumbers.form.sessionNameHint' : 'whatsappNumbers.form.phoneNumberIdHint')}
        >
          {(control) => <Input {...control} autoComplete="off" spellCheck={false} maxLength={64} className="font-mono" placeholder={provider === 'WAHA' ? 'default' : '106540352242922'} {...form.register('phoneNumberId')} />}
        </Field>
        {provider === 'META' ? (
          <Field label={t('whatsappNumbers.form.wabaId')} error={messageOf(errors.wabaId)} hint={t('whatsappNumbers.form.wabaIdHint')}>
            {(control) => <Input {...control} autoComplete="off" spellCheck={false} inputMode="numeric" maxLength={32} className="font-mono" placeholder="102290129340398" {...form.register('wabaId')} />}
          </Field>
        ) : (
          <p className="self-end rounded-lg bg-zinc-50 px-3 py-2.5 text-xs text-zinc-500">{t('whatsappNumbers.form.wahaNoWaba')}</p>
        )}
        <Field label={t('whatsappNumbers.form.flow')} error={messageOf(errors.flowId)} hint={t('whatsappNumbers.form.flowHint')}>
          {(control) => (
            <Select {...control} {...form.register('flowId')}>
              <option value="">{defaultFlowLabel(flows)}</option>
              {choices.map((f) => (
                <option key={f.id} value={f.id}>
                  {flowLabel(f)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('whatsappNumbers.form.throughput')} error={messageOf(errors.throughputPerSecond)} hint={t('whatsappNumbers.form.throughputHint')}>
          {(control) => <Input {...control} type="number" min={1} max={THROUGHPUT_MAX} {...form.register('throughputPerSecond', { valueAsNumber: true })} />}
        </Field>
        <div className="flex items-start justify-between gap-4 rounded-lg border border-zinc-200 px-3.5 py-3 sm:col-span-2">
          <div>
            <p className="text-sm font-medium text-zinc-900">{t('whatsappNumbers.form.active')}</p>
            <p className="text-xs text-zinc-500">{t('whatsappNumbers.form.activeHint')}</p>
          </div>
          <Controller control={form.control} name="active" render={({ field }) => <Switch checked={field.value ?? true} onChange={field.onChange} label={t('whatsappNumbers.form.active')} />} />
        </div>
      </div>
    </Dialog>
  );
}
