import type { ReactNode } from 'react';
import { get, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../../ui/Field';
import { Input } from '../../../../ui/Input';

/** Errors from the zod resolver, which speaks pt-BR like the rest of the flow schema. */
export function errorOf(error: { message?: string } | undefined): string | null {
  return error?.message ?? null;
}

export function PanelSection({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <section className="space-y-4">
      {title && <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{title}</h3>}
      {children}
    </section>
  );
}

export function VariablesHint() {
  const { t } = useTranslation();
  return (
    <p className="text-xs text-zinc-500">
      {t('flows.panel.variablesHint')} <code className="rounded bg-zinc-100 px-1 font-mono text-[11px]">{'{{contact.name}}'}</code>
    </p>
  );
}

/** An emptied number field falls back to the schema's default instead of being saved as NaN. */
export const toNumber = (value: unknown) => (value === '' || value === null || value === undefined ? undefined : Number(value));

/** How many wrong answers a block takes and how long it waits for one: the same two limits on menus and questions. */
export function RetryLimitFields<T extends FieldValues & { maxAttempts?: unknown; timeoutMinutes?: unknown }, O>({ form }: { form: UseFormReturn<T, unknown, O> }) {
  const { t } = useTranslation();
  const { errors } = form.formState;
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field label={t('flows.panel.menu.maxAttempts')} error={errorOf(get(errors, 'maxAttempts'))}>
        {(control) => <Input {...control} type="number" min={1} max={10} {...form.register('maxAttempts' as Path<T>, { setValueAs: toNumber })} />}
      </Field>
      <Field label={t('flows.panel.menu.timeoutMinutes')} hint={t('flows.panel.menu.timeoutHint')} error={errorOf(get(errors, 'timeoutMinutes'))}>
        {(control) => <Input {...control} type="number" min={0} max={10080} {...form.register('timeoutMinutes' as Path<T>, { setValueAs: toNumber })} />}
      </Field>
    </div>
  );
}
