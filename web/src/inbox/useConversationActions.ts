import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errorMessage';
import { queryKeys } from '../lib/queryKeys';
import type { Conversation } from '../lib/types';
import { toast } from '../ui/toastStore';
import { patchConversation } from './conversationCache';
import { acceptConversation, closeConversation, reopenConversation, transferConversation, type TransferInput } from './inboxApi';

/**
 * Every action answers with the conversation as it now is: the screen takes it at once, lists follow.
 * The header and composer show the new state, so only a transfer (the chat leaves the agent) gets a toast;
 * toasts would otherwise sit over the send button.
 */
export function useConversationActions(id: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();

  const settle = (conversation: Conversation) => {
    queryClient.setQueryData(queryKeys.conversation(id), conversation);
    patchConversation(queryClient, id, conversation);
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversationLists });
    void queryClient.invalidateQueries({ queryKey: queryKeys.assignments(id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.messages(id) });
  };
  /** A conflict means the conversation moved under us (someone else accepted): show the news and reload it. */
  const fail = (error: unknown) => {
    toast(errorMessage(error), 'error');
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversationLists });
  };

  const accept = useMutation({
    mutationFn: () => acceptConversation(id),
    onSuccess: settle,
    onError: fail,
  });
  const close = useMutation({
    mutationFn: () => closeConversation(id),
    onSuccess: settle,
  });
  const reopen = useMutation({
    mutationFn: () => reopenConversation(id),
    onSuccess: settle,
    onError: fail,
  });
  const transfer = useMutation({
    mutationFn: (input: TransferInput) => transferConversation(id, input),
    onSuccess: (c) => {
      settle(c);
      toast(t('inbox.actions.transferred'));
    },
  });
  return { accept, close, reopen, transfer };
}
