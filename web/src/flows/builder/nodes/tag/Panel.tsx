import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../../ui/Field';
import type { NodeConfig } from '../../types';
import { errorOf, PanelSection } from '../shared/fields';
import { TagsInput } from '../shared/TagsInput';
import { useSyncConfig } from '../shared/useSyncConfig';
import { tagDefaults } from './defaults';
import { tagConfigSchema } from './validity';

export function TagPanel({ id, config }: { id: string; config: NodeConfig<'tag'> }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(tagConfigSchema), defaultValues: { ...tagDefaults, ...config }, mode: 'onChange' });
  useSyncConfig(id, form);
  const { errors } = form.formState;
  return (
    <PanelSection>
      {(['add', 'remove'] as const).map((name) => (
        <Field key={name} label={t(`flows.panel.tag.${name}`)} hint={t(`flows.panel.tag.${name}Hint`)} error={name === 'add' ? errorOf(errors.add) : errorOf(errors.remove)}>
          {() => (
            <Controller control={form.control} name={name} render={({ field }) => <TagsInput value={field.value ?? []} onChange={field.onChange} label={t(`flows.panel.tag.${name}`)} placeholder={t('flows.panel.tag.placeholder')} />} />
          )}
        </Field>
      ))}
    </PanelSection>
  );
}
