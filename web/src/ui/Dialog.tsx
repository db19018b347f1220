import clsx from 'clsx';
import { X } from 'lucide-react';
import type { FormEvent, ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

interface DialogProps {
  title: string;
  description?: string;
  onClose: () => void;
  /** When given, body and footer form one <form>, so Enter in a field submits it. */
  onSubmit?: () => void;
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  children?: ReactNode;
}

const widths = { sm: 'max-w-md', md: 'max-w-lg', lg: 'max-w-2xl' };
const LAYOUT = 'flex max-h-[85dvh] flex-col';

/**
 * A modal on the native <dialog>: showModal() makes the page behind it inert (focus stays inside)
 * and Esc fires `cancel`, which we turn into onClose so the parent stays in charge. Mount it to
 * open it; unmount it to close it.
 */
export function Dialog({ title, description, onClose, onSubmit, footer, size = 'md', children }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previouslyFocused = document.activeElement as HTMLElement | null;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      dialog.close();
      previouslyFocused?.focus();
    };
  }, []);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.();
  };

  const content = (
    <>
      <header className="flex items-start justify-between gap-4 border-b border-zinc-100 px-6 pt-5 pb-4">
        <div>
          <h2 id={titleId} className="text-base font-semibold text-zinc-900">
            {title}
          </h2>
          {description && (
            <p id={descriptionId} className="mt-1 text-sm text-zinc-500">
              {description}
            </p>
          )}
        </div>
        <Button variant="ghost" size="icon" onClick={onClose} aria-label={t('common.close')} className="-mt-1 -mr-2">
          <X className="size-4" aria-hidden="true" />
        </Button>
      </header>
      <div className="overflow-y-auto px-6 py-5">{children}</div>
      {footer && <footer className="flex flex-wrap items-center justify-end gap-2 border-t border-zinc-100 rounded-b-2xl bg-zinc-50/60 px-6 py-4">{footer}</footer>}
    </>
  );

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={clsx('m-auto w-[calc(100%-2rem)] rounded-2xl bg-white p-0 text-zinc-900 shadow-2xl ring-1 ring-zinc-900/10', widths[size])}
    >
      {onSubmit ? (
        <form onSubmit={handleSubmit} noValidate className={LAYOUT}>
          {content}
        </form>
      ) : (
        <div className={LAYOUT}>{content}</div>
      )}
    </dialog>
  );
}
