import { zodResolver } from '@hookform/resolvers/zod';
import { KeyRound } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../../ui/Field';
import { Input } from '../../../../ui/Input';
import { Select } from '../../../../ui/Select';
import { Textarea } from '../../../../ui/Textarea';
import type { NodeConfig } from '../../types';
import { emptyToUndefined } from '../shared/DepartmentSelect';
import { errorOf, PanelSection, toNumber } from '../shared/fields';
import { PairListEditor } from '../shared/PairListEditor';
import { useSyncConfig } from '../shared/useSyncConfig';
import { emptyHeader, emptySavedField, httpDefaults } from './defaults';
import { httpConfigSchema } from './validity';

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function Code({ children }: { children: string }) {
  return <code className="rounded bg-white px-1 font-mono text-[11px] whitespace-nowrap text-zinc-800 ring-1 ring-zinc-200">{children}</code>;
}

export function HttpPanel({ id, config }: { id: string; config: NodeConfig<'http'> }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(httpConfigSchema), defaultValues: { ...httpDefaults(), ...config }, mode: 'onChange' });
  useSyncConfig(id, form);
  const { errors } = form.formState;
  const method = form.watch('method');
  return (
    <div className="space-y-6">
      <PanelSection>
        <div className="grid grid-cols-[6.5rem_1fr] gap-2">
          <Field label={t('flows.panel.http.method')}>
            {(control) => (
              <Select {...control} {...form.register('method')}>
                {methods.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t('flows.panel.http.url')} error={errorOf(errors.url)}>
            {(control) => <Input {...control} className="font-mono text-[13px]" placeholder="https://api.exemplo.com.br/clientes/{{vars.cpf}}" spellCheck={false} {...form.register('url')} />}
          </Field>
        </div>
        <div className="space-y-1.5 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2.5 text-xs leading-relaxed text-zinc-600">
          <p>
            {t('flows.panel.http.variablesHint')} <Code>{'{{vars.cpf}}'}</Code> <Code>{'{{contact.name}}'}</Code>
          </p>
          <p className="flex gap-1.5">
            <KeyRound aria-hidden="true" className="mt-0.5 size-3.5 shrink-0 text-amber-600" />
            <span>
              <Code>{`{{secrets.${t('flows.panel.http.secretExample')}}}`}</Code> {t('flows.panel.http.secretsHint')}
            </span>
          </p>
        </div>
      </PanelSection>

      <PanelSection title={t('flows.panel.http.headers')}>
        <PairListEditor
          form={form}
          name="headers"
          columns={[
            { key: 'name', label: t('flows.panel.http.headerName'), placeholder: 'Authorization' },
            { key: 'value', label: t('flows.panel.http.headerValue'), placeholder: 'Bearer {{secrets.API_TOKEN}}' },
          ]}
          joiner=":"
          empty={emptyHeader}
          max={20}
          addLabel={t('flows.panel.http.addHeader')}
          removeLabel={(n) => t('flows.panel.http.removeHeader', { n })}
          emptyText={t('flows.panel.http.noHeaders')}
        />
      </PanelSection>

      {method !== 'GET' && (
        <PanelSection title={t('flows.panel.http.body')}>
          <Field label={t('flows.panel.http.bodyJson')} hint={t('flows.panel.http.bodyHint')} error={errorOf(errors.body)}>
            {(control) => <Textarea {...control} rows={6} className="font-mono text-[12px]" spellCheck={false} placeholder={'{\n  "cpf": "{{vars.cpf}}"\n}'} {...form.register('body', { setValueAs: emptyToUndefined })} />}
          </Field>
        </PanelSection>
      )}

      <PanelSection title={t('flows.panel.http.response')}>
        <p className="text-xs leading-relaxed text-zinc-500">{t('flows.panel.http.saveHint')}</p>
        <PairListEditor
          form={form}
          name="saveResponse"
          columns={[
            { key: 'variable', label: t('flows.panel.http.saveVariable'), placeholder: 'nome' },
            { key: 'path', label: t('flows.panel.http.savePath'), placeholder: 'data.customer.name' },
          ]}
          joiner="←"
          empty={emptySavedField}
          max={20}
          addLabel={t('flows.panel.http.addSave')}
          removeLabel={(n) => t('flows.panel.http.removeSave', { n })}
          emptyText={t('flows.panel.http.noSaves')}
        />
      </PanelSection>

      <PanelSection title={t('flows.panel.http.limits')}>
        <div className="grid grid-cols-2 gap-3">
          <Field label={t('flows.panel.http.timeout')} error={errorOf(errors.timeoutSeconds)}>
            {(control) => <Input {...control} type="number" min={1} max={30} {...form.register('timeoutSeconds', { setValueAs: toNumber })} />}
          </Field>
          <Field label={t('flows.panel.http.retries')} hint={t('flows.panel.http.retriesHint')} error={errorOf(errors.retries)}>
            {(control) => <Input {...control} type="number" min={0} max={5} {...form.register('retries', { setValueAs: toNumber })} />}
          </Field>
        </div>
      </PanelSection>
    </div>
  );
}
