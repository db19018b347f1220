import { Braces } from 'lucide-react';
import { useTranslation } from 'react-i18next';

/** What the flow's blocks captured so far, as the bot reads them: {{vars.name}}. */
export function VariablesList({ variables }: { variables: Record<string, string> }) {
  const { t } = useTranslation();
  const entries = Object.entries(variables);
  return (
    <section aria-label={t('flows.simulator.variables')} className="shrink-0 rounded-lg border border-zinc-200 bg-white">
      <h3 className="flex items-center gap-1.5 border-b border-zinc-100 px-3 py-2 text-xs font-semibold text-zinc-700">
        <Braces aria-hidden="true" className="size-3.5 text-zinc-400" />
        {t('flows.simulator.variables')}
      </h3>
      {entries.length === 0 ? (
        <p className="px-3 py-2 text-xs text-zinc-500">{t('flows.simulator.noVariables')}</p>
      ) : (
        <dl className="max-h-32 divide-y divide-zinc-100 overflow-y-auto">
          {entries.map(([name, value]) => (
            <div key={name} className="flex gap-3 px-3 py-1.5 text-xs">
              <dt className="shrink-0 font-mono text-sky-700">{`vars.${name}`}</dt>
              <dd className="min-w-0 flex-1 truncate text-right text-zinc-800" title={value}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
