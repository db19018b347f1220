import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../lib/types';
import { useFormErrors } from '../../lib/useFormErrors';
import { Dialog } from '../../ui/Dialog';
import { FormDialogFooter } from '../../ui/FormDialogFooter';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { Input } from '../../ui/Input';
import { Switch } from '../../ui/Switch';
import { Textarea } from '../../ui/Textarea';
import { toast } from '../../ui/toastStore';
import { BusinessHoursEditor } from './BusinessHoursEditor';
import { DEPARTMENT_FIELDS, initialValues, toChanges, validate, type DepartmentFormValues } from './departmentForm';
import { MembersPicker } from './MembersPicker';
import { RoutingSection } from './RoutingSection';
import { useSaveDepartment } from './useDepartments';

interface DepartmentFormDialogProps {
  /** null creates a new department. */
  department: Department | null;
  onClose: () => void;
}

export function DepartmentFormDialog({ department, onClose }: DepartmentFormDialogProps) {
  const { t } = useTranslation();
  const creating = department === null;
  const [values, setValues] = useState<DepartmentFormValues>(() => initialValues(department));
  const errors = useFormErrors(DEPARTMENT_FIELDS);
  const save = useSaveDepartment();

  const set = <K extends keyof DepartmentFormValues>(key: K, value: DepartmentFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    errors.clear(key);
  };

  const submit = () => {
    if (!errors.check(validate(values))) return;
    const changes = toChanges(values, department);
    if (!creating && Object.keys(changes).length === 0) return onClose();
    save.mutate(
      { id: department?.id ?? null, changes },
      {
        onSuccess: (saved) => {
          toast(t(creating ? 'departments.toast.created' : 'departments.toast.updated', { name: saved.name }));
          onClose();
        },
        onError: errors.fromServer,
      },
    );
  };

  return (
    <Dialog
      title={creating ? t('departments.form.createTitle') : t('departments.form.editTitle')}
      description={creating ? t('departments.form.createDescription') : department.name}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      footer={<FormDialogFooter onCancel={onClose} submitLabel={creating ? t('departments.form.create') : t('common.save')} pending={save.isPending} />}
    >
      <div className="flex flex-col gap-6">
        {errors.form && <FormAlert>{errors.form}</FormAlert>}
        <div className="grid gap-5 sm:grid-cols-[1fr_auto_auto]">
          {/* The slug is derived from the name, so a slug clash is reported on the name. */}
          <Field label={t('departments.form.name')} error={errors.fields.name ?? errors.fields.slug}>
            {(control) => <Input {...control} data-autofocus placeholder={t('departments.form.namePlaceholder')} value={values.name} onChange={(e) => set('name', e.target.value)} />}
          </Field>
          <Field label={t('departments.form.color')} error={errors.fields.color}>
            {(control) => (
              <div className="flex h-10 items-center gap-2 rounded-lg border border-zinc-300 bg-white pr-3 pl-1 shadow-xs focus-within:border-emerald-600 focus-within:ring-3 focus-within:ring-emerald-600/15">
                <input {...control} type="color" value={values.color} onChange={(e) => set('color', e.target.value)} className="h-8 w-10 cursor-pointer rounded-md border-0 bg-transparent p-0 focus:outline-none" />
                <span className="font-mono text-sm text-zinc-600 uppercase">{values.color}</span>
              </div>
            )}
          </Field>
          <div className="flex flex-col gap-1.5">
            <span className="text-sm font-medium text-zinc-800">{t('departments.form.status')}</span>
            <div className="flex h-10 items-center gap-3">
              <Switch checked={values.active} onChange={(v) => set('active', v)} label={t('departments.form.active')} />
              <span className="text-sm text-zinc-700">{values.active ? t('departments.form.active') : t('departments.inactive')}</span>
            </div>
          </div>
        </div>

        <Field label={t('departments.form.greeting')} error={errors.fields.greeting} hint={t('departments.form.greetingHint')}>
          {(control) => <Textarea {...control} rows={3} maxLength={1000} placeholder={t('departments.form.greetingPlaceholder')} value={values.greeting} onChange={(e) => set('greeting', e.target.value)} />}
        </Field>

        <RoutingSection departmentId={department?.id ?? null} values={values} onChange={set} errors={errors.fields} />

        <BusinessHoursEditor week={values.week} timezone={department?.businessHours.timezone ?? 'America/Sao_Paulo'} onChange={(week) => set('week', week)} errors={errors.fields} />

        <MembersPicker selected={values.memberIds} onChange={(ids) => set('memberIds', ids)} error={errors.fields.memberIds} />
      </div>
    </Dialog>
  );
}
