import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

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
