import { Check, Copy, TriangleExclamationPoint } from 'lucide-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';

interface TemporaryPasswordDialogProps {
  name: string;
  password: string;
  onClose: () => void;
}

export function TemporaryPasswordDialog({ name, password, onClose }: TemporaryPasswordDialogProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      // Without clipboard access (an insecure origin), selecting the text lets the admin copy it by hand.
      inputRef.current?.select();
    }
  };

  return (
    <Dialog
      title={t('passwordResets.temporary.title')}
      description={t('passwordResets.temporary.description', { name })}
      size="sm"
      onClose={onClose}
      footer={
        <Button onClick={onClose} data-autofocus>
          {t('passwordResets.temporary.done')}
        </Button>
      }
    >
      <label htmlFor="temporary-password" className="text-sm font-medium text-zinc-800">
        {t('passwordResets.temporary.label')}
      </label>
      <div className="mt-1.5 flex gap-2">
        <input
          ref={inputRef}
          id="temporary-password"
          data-testid="temporary-password"
          readOnly
          value={password}
          onFocus={(e) => e.target.select()}
          className="h-10 min-w-0 flex-1 rounded-lg border border-zinc-300 bg-zinc-50 px-3 font-mono text-lg tracking-wider text-zinc-900"
        />
        <Button variant="secondary" onClick={() => void copy()}>
          {copied ? <Check aria-hidden="true" className="size-4 text-emerald-600" /> : <Copy aria-hidden="true" className="size-4" />}
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      </div>
      <p role="note" className="mt-4 flex items-start gap-2 rounded-lg bg-amber-50 px-3 py-2.5 text-sm text-amber-900">
        <TriangleExclamationPoint aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-600" />
        {t('passwordResets.temporary.warning', { name })}
      </p>
      <span aria-live="polite" className="sr-only">
        {copied ? t('common.copied') : ''}
      </span>
    </Dialog>
  );
}
