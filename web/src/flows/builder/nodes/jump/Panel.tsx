import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Field } from '../../../../ui/Field';
import { Select } from '../../../../ui/Select';
import { useFlowList } from '../../../flowsApi';
import type { NodeConfig } from '../../types';
import { errorOf, PanelSection } from '../shared/fields';
import { useSyncConfig } from '../shared/useSyncConfig';
import { jumpConfigSchema } from './validity';

export function JumpPanel({ id, config }: { id: string; config: NodeConfig<'jump'> }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(jumpConfigSchema), defaultValues: config, mode: 'onChange' });
  useSyncConfig(id, form);
  const { flowId: currentFlowId } = useParams();
  const flows = useFlowList();
  // Jumping into the flow being edited would restart it from its published version: a loop better drawn with an edge.
  const others = (flows.data ?? []).filter((f) => f.id !== currentFlowId);
  return (
    <PanelSection>
      <Field label={t('flows.panel.jump.flow')} hint={t('flows.panel.jump.flowHint')} error={errorOf(form.formState.errors.flowId)}>
        {(control) => (
          <Select {...control} {...form.register('flowId')}>
            <option value="">{flows.isPending ? t('common.loading') : t('flows.panel.jump.pick')}</option>
            {others.map((f) => (
              <option key={f.id} value={f.id} disabled={!f.publishedVersionId}>
                {f.publishedVersionId ? f.name : t('flows.panel.jump.unpublished', { name: f.name })}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {flows.isSuccess && others.length === 0 && <p className="text-xs text-zinc-500">{t('flows.panel.jump.none')}</p>}
    </PanelSection>
  );
}
