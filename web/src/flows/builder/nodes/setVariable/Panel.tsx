import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { NodeConfig } from '../../types';
import { PanelSection, VariablesHint } from '../shared/fields';
import { PairListEditor } from '../shared/PairListEditor';
import { useSyncConfig } from '../shared/useSyncConfig';
import { emptyAssignment } from './defaults';
import { setVariableConfigSchema } from './validity';

export function SetVariablePanel({ id, config }: { id: string; config: NodeConfig<'setVariable'> }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(setVariableConfigSchema), defaultValues: config, mode: 'onChange' });
  useSyncConfig(id, form);
  return (
    <PanelSection>
      <p className="text-xs leading-relaxed text-zinc-500">{t('flows.panel.setVariable.intro')}</p>
      <PairListEditor
        form={form}
        name="assignments"
        columns={[
          { key: 'variable', label: t('flows.panel.setVariable.variable'), placeholder: 'plano' },
          { key: 'value', label: t('flows.panel.setVariable.value'), placeholder: '{{vars.resposta}}' },
        ]}
        joiner="="
        empty={emptyAssignment}
        max={20}
        addLabel={t('flows.panel.setVariable.add')}
        removeLabel={(n) => t('flows.panel.setVariable.remove', { n })}
      />
      <VariablesHint />
    </PanelSection>
  );
}
