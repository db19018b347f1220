import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../../ui/Field';
import { Input } from '../../../../ui/Input';
import { Select } from '../../../../ui/Select';
import { Textarea } from '../../../../ui/Textarea';
import type { NodeConfig } from '../../types';
import { emptyToUndefined } from '../shared/DepartmentSelect';
import { errorOf, PanelSection, toNumber, VariablesHint } from '../shared/fields';
import { useSyncConfig } from '../shared/useSyncConfig';
import { messageDefaults } from './defaults';
import { messageConfigSchema } from './validity';

const mediaKinds = ['image', 'video', 'audio', 'document'] as const;
type MediaKind = (typeof mediaKinds)[number];

export function MessagePanel({ id, config }: { id: string; config: NodeConfig<'message'> }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(messageConfigSchema), defaultValues: { ...messageDefaults, ...config }, mode: 'onChange' });
  useSyncConfig(id, form);
  const { errors } = form.formState;
  const media = form.watch('media');
  const pickMedia = (kind: MediaKind | '') =>
    form.setValue('media', kind ? { kind, url: media?.url ?? '', ...(kind === 'document' && media?.fileName ? { fileName: media.fileName } : {}) } : undefined, { shouldValidate: true, shouldDirty: true });
  return (
    <div className="space-y-6">
      <PanelSection>
        <Field label={t('flows.panel.message.text')} hint={media ? t('flows.panel.message.captionHint') : undefined} error={errorOf(errors.text)}>
          {(control) => <Textarea {...control} rows={6} placeholder={t('flows.panel.message.textPlaceholder')} {...form.register('text')} />}
        </Field>
        <VariablesHint />
        <Field label={t('flows.panel.message.delay')} hint={t('flows.panel.message.delayHint')} error={errorOf(errors.delaySeconds)}>
          {(control) => <Input {...control} type="number" min={0} max={300} {...form.register('delaySeconds', { setValueAs: toNumber })} />}
        </Field>
      </PanelSection>
      <PanelSection title={t('flows.panel.message.media')}>
        <Field label={t('flows.panel.message.mediaKind')}>
          {(control) => (
            <Select {...control} value={media?.kind ?? ''} onChange={(e) => pickMedia(e.target.value as MediaKind | '')}>
              <option value="">{t('flows.panel.message.noMedia')}</option>
              {mediaKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`flows.nodes.message.media.${kind}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {media && (
          <>
            <Field label={t('flows.panel.message.mediaUrl')} hint={t('flows.panel.message.mediaUrlHint')} error={errorOf(errors.media?.url)}>
              {(control) => <Input {...control} type="url" placeholder="https://" {...form.register('media.url')} />}
            </Field>
            {media.kind === 'document' && (
              <Field label={t('flows.panel.message.fileName')} hint={t('flows.panel.message.fileNameHint')} error={errorOf(errors.media?.fileName)}>
                {(control) => <Input {...control} maxLength={240} placeholder={t('flows.panel.message.fileNamePlaceholder')} {...form.register('media.fileName', { setValueAs: emptyToUndefined })} />}
              </Field>
            )}
          </>
        )}
      </PanelSection>
    </div>
  );
}
