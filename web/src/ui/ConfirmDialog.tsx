import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { FormAlert } from './FormAlert';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending?: boolean;
  error?: string | null;
  tone?: 'danger' | 'primary';
}

export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onClose, pending, error, tone = 'danger' }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={title}
      size="sm"
      onClose={onClose}
      onSubmit={onConfirm}
      footer={
        <>
          {/* Destructive choices start on Cancel so a stray Enter does not confirm them. */}
          <Button variant="secondary" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant={tone} loading={pending}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <p className="text-sm leading-relaxed text-zinc-600">{message}</p>
      {error && <FormAlert className="mt-4">{error}</FormAlert>}
    </Dialog>
  );
}
