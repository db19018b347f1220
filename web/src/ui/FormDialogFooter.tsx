import { useTranslation } from 'react-i18next';
import { Button } from './Button';

/** Cancel and submit for a Dialog with onSubmit: the submit button is the form's, so Enter in a field presses it. */
export function FormDialogFooter({ onCancel, submitLabel, pending }: { onCancel: () => void; submitLabel: string; pending: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Button variant="secondary" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
    </>
  );
}
