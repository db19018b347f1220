import type { UseMutationResult } from '@tanstack/react-query';
import { errorMessage } from '../lib/errorMessage';
import { ConfirmDialog } from './ConfirmDialog';

interface ConfirmMutationDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  /** The action being confirmed: its progress and failure are shown in the dialog. */
  mutation: Pick<UseMutationResult<unknown, Error, never>, 'isPending' | 'isError' | 'error' | 'reset'>;
  onConfirm: () => void;
  onClose: () => void;
}

/** A ConfirmDialog for one mutation; closing it also resets the mutation, so the next dialog does not open on the last one's error. */
export function ConfirmMutationDialog({ title, message, confirmLabel, mutation, onConfirm, onClose }: ConfirmMutationDialogProps) {
  return (
    <ConfirmDialog
      title={title}
      message={message}
      confirmLabel={confirmLabel}
      onConfirm={onConfirm}
      onClose={() => {
        onClose();
        mutation.reset();
      }}
      pending={mutation.isPending}
      error={mutation.isError ? errorMessage(mutation.error) : null}
    />
  );
}
