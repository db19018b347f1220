import clsx from 'clsx';
import { ArrowLeft, ArrowRightLeft, CircleCheck, FileUp, Hand, PanelRight, RefreshCw, RotateCcw } from 'lucide-react';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useCurrentUser } from '../auth/sessionStore';
import { errorMessage } from '../lib/errorMessage';
import type { Conversation, Message } from '../lib/types';
import { Avatar } from '../ui/Avatar';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Skeleton } from '../ui/Skeleton';
import { attachmentKind } from './attachments';
import { Composer, offerAttachment, WindowClosedNotice } from './Composer';
import { contactName, formatPhone, windowOpen } from './display';
import { bubbleText } from './MessageMedia';
import { MessageTimeline } from './MessageTimeline';
import { useSendMessage, type PendingMessage } from './outbox';
import { markRead, mayMarkRead, tabVisible } from './readReceipts';
import { useTypist } from './realtime';
import { TemplateDialog } from './TemplateDialog';
import { TransferDialog } from './TransferDialog';
import { useConversationActions } from './useConversationActions';
import { useConversation } from './useInboxQueries';
import { useNow } from './useNow';
import { personName, usePeople } from './usePeople';

interface ChatPaneProps {
  conversationId: string;
  panelOpen: boolean;
  onTogglePanel: () => void;
  onBack: () => void;
}

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

const statusTone = { BOT: 'violet', QUEUED: 'amber', ASSIGNED: 'emerald', RESOLVED: 'neutral' } as const;

export function ChatPane({ conversationId, panelOpen, onTogglePanel, onBack }: ChatPaneProps) {
  const { t } = useTranslation();
  const query = useConversation(conversationId);
  if (query.isPending) return <ChatSkeleton />;
  if (query.isError || !query.data) {
    return (
      <div role="alert" className="flex h-full flex-col items-center justify-center gap-3 bg-[#f0f2f5] px-8 text-center">
        <p className="text-sm font-semibold text-zinc-900">{t('inbox.chat.conversationFailed')}</p>
        <p className="text-xs text-zinc-500">{errorMessage(query.error)}</p>
        <Button variant="secondary" size="sm" onClick={() => void query.refetch()} loading={query.isRefetching}>
          {!query.isRefetching && <RefreshCw aria-hidden="true" className="size-3.5" />}
          {t('common.retry')}
        </Button>
      </div>
    );
  }
  return <Chat key={conversationId} conversation={query.data} panelOpen={panelOpen} onTogglePanel={onTogglePanel} onBack={onBack} />;
}

function Chat({ conversation, panelOpen, onTogglePanel, onBack }: { conversation: Conversation } & Omit<ChatPaneProps, 'conversationId'>) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const people = usePeople();
  const { departmentsById } = people;
  const actions = useConversationActions(conversation.id);
  const send = useSendMessage(conversation.id);
  const typist = useTypist(conversation.id);
  useNow();
  const [dialog, setDialog] = useState<'transfer' | 'close' | 'template' | null>(null);
  const [windowRefused, setWindowRefused] = useState(false);
  const [dragging, setDragging] = useState(false);

  // Opening a conversation reads it; one that gathered messages while the tab was hidden is read on return.
  const mayRead = mayMarkRead(conversation, me);
  const hasUnread = conversation.unreadCount > 0;
  useEffect(() => {
    if (!hasUnread || !mayRead) return;
    const readIfVisible = () => {
      if (tabVisible()) markRead(queryClient, conversation.id);
    };
    readIfVisible();
    document.addEventListener('visibilitychange', readIfVisible);
    return () => document.removeEventListener('visibilitychange', readIfVisible);
  }, [conversation.id, hasUnread, mayRead, queryClient]);

  const name = contactName(conversation.contact);
  const department = conversation.departmentId ? departmentsById.get(conversation.departmentId) : undefined;
  const assigneeName = conversation.assigneeId ? personName(people, conversation.assigneeId) : t('inbox.sender.agent');
  const mine = conversation.assigneeId === me.id;
  const supervisor = me.role === 'ADMIN' || me.role === 'SUPERVISOR';
  const canAct = me.role !== 'VIEWER';
  const canReply = conversation.status === 'ASSIGNED' && (mine || supervisor) && canAct;
  const windowClosed = windowRefused || !windowOpen(conversation);

  const replyBlocked = (() => {
    if (!canAct) return <BlockedText>{t('inbox.composer.viewer')}</BlockedText>;
    if (conversation.status === 'RESOLVED') return <BlockedText>{t('inbox.composer.resolved')}</BlockedText>;
    if (conversation.status === 'BOT') return <BlockedText>{t('inbox.composer.bot')}</BlockedText>;
    if (conversation.status === 'QUEUED')
      return (
        <div className="flex items-center gap-3">
          <BlockedText>{t('inbox.composer.acceptFirst')}</BlockedText>
          <Button size="sm" className="ml-auto" onClick={() => actions.accept.mutate()} loading={actions.accept.isPending}>
            {t('inbox.actions.accept')}
          </Button>
        </div>
      );
    if (!canReply) return <BlockedText>{t('inbox.composer.notYours', { name: assigneeName })}</BlockedText>;
    if (windowClosed) return <WindowClosedNotice onTemplate={() => setDialog('template')} />;
    return null;
  })();

  // Stable, so the memoised bubbles do not all re-render each time the chat does.
  const sendRef = useRef(send);
  sendRef.current = send;
  const retry = useCallback((message: Message, pending?: PendingMessage) => {
    if (pending) void sendRef.current(pending.text, pending.id, pending.attachment);
    else if (message.media) {
      const { media } = message;
      const attachment = { kind: attachmentKind(media.mimeType), name: media.fileName ?? '', mimeType: media.mimeType, size: media.sizeBytes ?? 0, media, progress: 1 };
      void sendRef.current(bubbleText(message) ?? '', undefined, attachment);
    } else if (message.body) void sendRef.current(message.body);
  }, []);

  const canAttach = replyBlocked === null;
  // Files dropped anywhere on the chat must never reach the browser, which would open them in place of the inbox.
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = canAttach ? 'copy' : 'none';
    setDragging(true);
  };
  const onDragLeave = (event: DragEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && canAttach) offerAttachment(conversation.id, file);
  };

  useEffect(() => {
    setWindowRefused(false);
  }, [conversation.lastInboundAt]);

  // Closed elsewhere (another tab, a supervisor, or our own request whose answer was lost): the question is moot.
  useEffect(() => {
    if (conversation.status === 'RESOLVED') setDialog((d) => (d === 'close' ? null : d));
  }, [conversation.status]);

  return (
    <section
      aria-label={t('inbox.chat.sectionLabel', { name })}
      className="@container relative flex h-full min-h-0 flex-col bg-[#efeae2]"
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      onPaste={(event) => {
        const file = event.clipboardData.files[0];
        // A copy from a spreadsheet carries its text and a picture of it: the agent meant the text.
        if (!file || !canAttach || event.clipboardData.types.includes('text/plain')) return;
        event.preventDefault();
        offerAttachment(conversation.id, file);
      }}
    >
      {dragging && (
        <div
          aria-hidden="true"
          className={clsx(
            'pointer-events-none absolute inset-2 z-30 flex flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed text-center',
            canAttach ? 'border-[#00a884] bg-[#f0f2f5]/95 text-[#3b4a54]' : 'border-zinc-300 bg-zinc-100/95 text-zinc-500',
          )}
        >
          <FileUp className="size-10" />
          <p className="text-base font-semibold">{canAttach ? t('inbox.attach.drop', { name }) : t('inbox.attach.dropBlocked')}</p>
          {canAttach && <p className="text-xs text-[#667781]">{t('inbox.attach.dropHint')}</p>}
        </div>
      )}
      <header className="flex h-16 shrink-0 items-center gap-3 border-b border-zinc-200 bg-[#f0f2f5] px-4">
        <Button variant="ghost" size="icon" onClick={onBack} aria-label={t('inbox.chat.back')} className="-ml-2 lg:hidden">
          <ArrowLeft aria-hidden="true" className="size-5" />
        </Button>
        <button type="button" onClick={onTogglePanel} className="flex min-w-0 flex-1 items-center gap-3 rounded-lg text-left" title={t('inbox.panel.toggle')}>
          <Avatar name={name} size="lg" className="size-10! text-sm!" />
          <span className="min-w-0 flex-1">
            <span className="flex min-w-0 items-center gap-2">
              <span data-testid="chat-contact-name" className="truncate text-[15px] font-semibold text-zinc-900">
                {name}
              </span>
              <Badge tone={statusTone[conversation.status]} className="hidden shrink-0 py-0! text-[11px]! @md:inline-flex">
                {t(`inbox.status.${conversation.status}`)}
              </Badge>
            </span>
            <span className="flex items-center gap-1.5 truncate text-xs text-zinc-500">
              {typist ? (
                <span className="text-emerald-700">{t('inbox.chat.typing', { name: typist.name })}</span>
              ) : (
                <>
                  <span>{formatPhone(conversation.contact.phone || conversation.contact.waId)}</span>
                  {department && (
                    <>
                      <span aria-hidden="true">·</span>
                      <span className="inline-flex items-center gap-1">
                        <span aria-hidden="true" className="size-1.5 rounded-full" style={{ backgroundColor: department.color }} />
                        {department.name}
                      </span>
                    </>
                  )}
                  {conversation.status === 'ASSIGNED' && (
                    <>
                      <span aria-hidden="true">·</span>
                      <span>{mine ? t('inbox.chat.withYou') : t('inbox.chat.with', { name: assigneeName })}</span>
                    </>
                  )}
                </>
              )}
            </span>
          </span>
        </button>
        <div className="flex shrink-0 items-center gap-1.5">
          {canAct && conversation.status === 'QUEUED' && (
            <Button size="sm" onClick={() => actions.accept.mutate()} loading={actions.accept.isPending}>
              {!actions.accept.isPending && <Hand aria-hidden="true" className="size-4" />}
              {t('inbox.actions.accept')}
            </Button>
          )}
          {canAct && (conversation.status === 'ASSIGNED' || conversation.status === 'QUEUED') && (mine || supervisor || conversation.status === 'QUEUED') && (
            <Button variant="secondary" size="sm" onClick={() => setDialog('transfer')} aria-label={t('inbox.actions.transfer')} title={t('inbox.actions.transfer')}>
              <ArrowRightLeft aria-hidden="true" className="size-4" />
              <span className="hidden @2xl:inline">{t('inbox.actions.transfer')}</span>
            </Button>
          )}
          {canAct && conversation.status !== 'RESOLVED' && (mine || supervisor) && (
            <Button variant="secondary" size="sm" onClick={() => setDialog('close')} aria-label={t('inbox.actions.close')} title={t('inbox.actions.close')}>
              <CircleCheck aria-hidden="true" className="size-4 text-emerald-600" />
              <span className="hidden @2xl:inline">{t('inbox.actions.close')}</span>
            </Button>
          )}
          {canAct && conversation.status === 'RESOLVED' && (
            <Button variant="secondary" size="sm" onClick={() => actions.reopen.mutate()} loading={actions.reopen.isPending} aria-label={t('inbox.actions.reopen')} title={t('inbox.actions.reopen')}>
              {!actions.reopen.isPending && <RotateCcw aria-hidden="true" className="size-4" />}
              <span className="hidden @2xl:inline">{t('inbox.actions.reopen')}</span>
            </Button>
          )}
          <Button
            variant={panelOpen ? 'accentGhost' : 'ghost'}
            size="icon"
            onClick={onTogglePanel}
            aria-pressed={panelOpen}
            aria-label={t('inbox.panel.toggle')}
            title={t('inbox.panel.toggle')}
            className={clsx('size-9')}
          >
            <PanelRight aria-hidden="true" className="size-4.5" />
          </Button>
        </div>
      </header>

      <MessageTimeline conversation={conversation} people={people} typist={typist} onRetry={retry} />

      <Composer
        conversation={conversation}
        replyBlocked={replyBlocked}
        onSend={(text, file) => send(text, undefined, file)}
        onWindowClosed={() => {
          setWindowRefused(true);
        }}
      />

      {dialog === 'template' && <TemplateDialog conversation={conversation} onClose={() => setDialog(null)} />}
      {dialog === 'transfer' && (
        <TransferDialog conversation={conversation} pending={actions.transfer.isPending} onClose={() => setDialog(null)} onTransfer={(input) => actions.transfer.mutateAsync(input)} />
      )}
      {dialog === 'close' && (
        <ConfirmDialog
          title={t('inbox.closeDialog.title')}
          message={t('inbox.closeDialog.message', { name })}
          confirmLabel={t('inbox.closeDialog.confirm')}
          tone="primary"
          pending={actions.close.isPending}
          error={actions.close.error ? errorMessage(actions.close.error) : null}
          onClose={() => {
            actions.close.reset();
            setDialog(null);
          }}
          onConfirm={() => actions.close.mutate(undefined, { onSuccess: () => setDialog(null) })}
        />
      )}
    </section>
  );
}

function BlockedText({ children }: { children: React.ReactNode }) {
  return <p className="text-sm text-zinc-600">{children}</p>;
}

function ChatSkeleton() {
  return (
    <div aria-hidden="true" className="flex h-full flex-col bg-[#efeae2]">
      <div className="flex h-16 items-center gap-3 border-b border-zinc-200 bg-[#f0f2f5] px-4">
        <Skeleton className="size-10 rounded-full" />
        <div className="space-y-2">
          <Skeleton className="h-3.5 w-40" />
          <Skeleton className="h-3 w-28" />
        </div>
      </div>
      <div className="flex-1 space-y-3 p-8">
        <Skeleton className="h-10 w-1/3 rounded-lg bg-white/70" />
        <Skeleton className="ml-auto h-10 w-2/5 rounded-lg bg-white/70" />
        <Skeleton className="h-14 w-1/2 rounded-lg bg-white/70" />
      </div>
    </div>
  );
}
