import clsx from 'clsx';
import { CircleCheck, CircleExclamationPoint, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useToastStore } from './toastStore';

export function Toaster() {
  const { t } = useTranslation();
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <div aria-live="polite" className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-full max-w-sm flex-col gap-2">
      {toasts.map((toast) => (
        <div key={toast.id} role="status" className="pointer-events-auto flex items-start gap-3 rounded-xl border border-zinc-200 bg-white px-4 py-3 text-sm text-zinc-800 shadow-lg">
          {toast.tone === 'success' ? (
            <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-emerald-600" />
          ) : (
            <CircleExclamationPoint aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-red-600" />
          )}
          <span className="flex-1">{toast.message}</span>
          <button type="button" onClick={() => dismiss(toast.id)} aria-label={t('common.close')} className={clsx('-m-1 rounded p-1 text-zinc-400 hover:text-zinc-700')}>
            <X aria-hidden="true" className="size-4" />
          </button>
        </div>
      ))}
    </div>
  );
}
