import clsx from 'clsx';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/apiError';
import { errorMessage } from '../lib/errorMessage';
import { toast } from '../ui/toastStore';
import { ChatHeader } from './ChatHeader';
import { needsTemplates, toChat, type ChatMessage } from './chatMessage';
import { ChatTimeline } from './ChatTimeline';
import { Composer } from './Composer';
import { PHONE_FRAME_SIZE } from './phoneFrame';
import { PhoneStatusBar } from './PhoneStatusBar';
import type { HostedNumber } from './sandboxApi';
import { useConversation, useMarkRead, usePendingMessages, useSendAsCustomer, useTemplates, type ChatTarget, type OutgoingMessage } from './useSandbox';

interface PhoneChatProps {
  target: ChatTarget;
  business: HostedNumber;
  live: boolean;
  typing: boolean;
  /** Size classes of the phone; the flow simulator fits it into its panel. */
  size?: string;
}

// The sandbox explains its refusals (in English) better than a generic message could.
const reasonOf = (error: unknown) => (error instanceof ApiError && error.code !== 'SANDBOX_UNAVAILABLE' ? error.message : errorMessage(error));

/** The customer's phone: one WhatsApp chat with the business number, as the sandbox delivers it. */
export function PhoneChat({ target, business, live, typing, size = PHONE_FRAME_SIZE }: PhoneChatProps) {
  const { t } = useTranslation();
  const conversation = useConversation(target, live);
  const messages = useMemo(() => conversation.data?.messages ?? [], [conversation.data]);
  const templates = useTemplates(needsTemplates(messages));
  const chat = useMemo(() => toChat(messages, templates.data), [messages, templates.data]);
  const pending = usePendingMessages(target);
  const send = useSendAsCustomer(target);
  const markRead = useMarkRead(target);

  const bubbles = useMemo<ChatMessage[]>(() => {
    // The event stream can bring the recorded message before the send itself settles: show it once.
    const recorded = (preview: string, since: number) => chat.bubbles.some((b) => b.side === 'customer' && b.text === preview && Date.parse(b.at) >= since - 1_000);
    const now = new Date().toISOString();
    const outgoing = pending
      .filter((p) => !recorded(p.preview, p.submittedAt))
      .map((p, index): ChatMessage => ({ id: `pending-${index}`, side: 'customer', at: now, text: p.preview, read: false, pending: true }));
    return [...chat.bubbles, ...outgoing];
  }, [chat.bubbles, pending]);
  const unread = chat.bubbles.filter((b) => b.side === 'business' && !b.read).length;

  const deliver = async (outgoing: OutgoingMessage): Promise<boolean> => {
    try {
      await send.mutateAsync(outgoing);
      return true;
    } catch (error) {
      toast(t('phone.chat.sendFailed', { reason: reasonOf(error) }), 'error');
      return false;
    }
  };

  const readAll = () =>
    markRead.mutate(undefined, {
      onSuccess: ({ read }) => toast(t('phone.chat.markedRead', { count: read })),
      onError: (error) => toast(reasonOf(error), 'error'),
    });

  return (
    <section
      aria-label={t('phone.chat.phoneLabel')}
      className={clsx(size, 'flex flex-col overflow-hidden rounded-[2.75rem] border-[10px] border-zinc-900 bg-zinc-900 shadow-2xl shadow-zinc-900/25')}
    >
      <PhoneStatusBar />
      <ChatHeader business={business} typing={typing} unread={unread} onMarkRead={readAll} marking={markRead.isPending} />
      <ChatTimeline
        bubbles={bubbles}
        reactions={chat.reactions}
        businessName={business.verified_name}
        typing={typing}
        state={conversation.isPending ? 'loading' : conversation.isError && !conversation.data ? 'error' : 'ready'}
        onRetry={() => void conversation.refetch()}
        onChoose={(reply) => void deliver(reply)}
      />
      <Composer onSend={(text) => deliver({ message: { type: 'text', text }, preview: text })} />
      <div aria-hidden="true" className="flex h-5 shrink-0 items-start justify-center bg-[#f0f2f5]">
        <span className="h-1 w-28 rounded-full bg-zinc-900/80" />
      </div>
    </section>
  );
}
