import { useMutation, useQueryClient } from '@tanstack/react-query';
import clsx from 'clsx';
import { Clock4, FileAudio, FileText, FileVideo, Lock, MessageSquareText, Paperclip, SendHorizontal, Smile, StickyNote, X } from 'lucide-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { errorMessage } from '../lib/errorMessage';
import type { Conversation, QuickReply } from '../lib/types';
import { Button } from '../ui/Button';
import { toast } from '../ui/toastStore';
import { ATTACHMENT_ACCEPT, attachmentKind, attachmentProblem, formatSize, MAX_CAPTION, normalisedType } from './attachments';
import { addNoteToCache } from './conversationCache';
import { addNote, sendTyping } from './inboxApi';
import { QuickReplyPopup, useQuickReplies } from './QuickReplyPopup';

interface DraftState {
  drafts: Record<string, string>;
  /** The file waiting in the tray, and why the last one offered was refused. */
  files: Record<string, File | undefined>;
  problems: Record<string, string | undefined>;
  set: (id: string, text: string) => void;
  setFile: (id: string, file: File | undefined) => void;
  setProblem: (id: string, problem: string | undefined) => void;
}

/** What the agent was writing (and attaching) in each conversation, kept while they hop between chats. */
const useDrafts = create<DraftState>()((set) => ({
  drafts: {},
  files: {},
  problems: {},
  set: (id, text) => set((s) => ({ drafts: { ...s.drafts, [id]: text } })),
  setFile: (id, file) => set((s) => ({ files: { ...s.files, [id]: file }, problems: { ...s.problems, [id]: undefined } })),
  setProblem: (id, problem) => set((s) => ({ problems: { ...s.problems, [id]: problem } })),
}));

/**
 * Puts a file in the conversation's tray (from the clip, a drop or a paste), or says why WhatsApp
 * would refuse it without uploading anything.
 */
export function offerAttachment(conversationId: string, file: File) {
  const problem = attachmentProblem(file);
  if (problem) useDrafts.getState().setProblem(conversationId, problem);
  else useDrafts.getState().setFile(conversationId, file);
}

/** WhatsApp's limit for a text message. */
const MAX_LENGTH = 4096;
const TYPING_EVERY_MS = 4_000;
const EMOJI = ['😀', '😊', '😉', '🙂', '😅', '🙏', '👍', '👏', '🎉', '✅', '❤️', '🤝', '📦', '💳', '📄', '⏳', '📞', '📍', '🙌', '😔', '🚚', '💬', '⭐', '👋'];

export type ComposerMode = 'reply' | 'note';

interface ComposerProps {
  conversation: Conversation;
  /** Why a reply cannot be written now (shown above the box); null when it can. Notes are always possible. */
  replyBlocked: ReactNode | null;
  /** With a file, the text is its caption and may be empty. */
  onSend: (text: string, file?: File) => Promise<'sent' | 'windowClosed' | 'failed'>;
  onWindowClosed: () => void;
}

export function Composer({ conversation, replyBlocked, onSend, onWindowClosed }: ComposerProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<ComposerMode>(replyBlocked ? 'note' : 'reply');
  const [text, setTextState] = useState(() => useDrafts.getState().drafts[conversation.id] ?? '');
  const setDraft = useDrafts((s) => s.set);
  const setText = (value: string | ((current: string) => string)) =>
    setTextState((current) => {
      const next = typeof value === 'function' ? value(current) : value;
      setDraft(conversation.id, next);
      return next;
    });
  const file = useDrafts((s) => s.files[conversation.id]);
  const problem = useDrafts((s) => s.problems[conversation.id]);
  const setFile = useDrafts((s) => s.setFile);
  const setProblem = useDrafts((s) => s.setProblem);
  const fileInput = useRef<HTMLInputElement>(null);
  const [emojiOpen, setEmojiOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [dismissedSlash, setDismissedSlash] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const lastTyping = useRef(0);
  const typingBroken = useRef(false);
  const hintId = useId();
  const popupId = useId();

  const replying = mode === 'reply' && !replyBlocked;
  const attached = replying ? file : undefined;
  const captionTooLong = Boolean(attached) && text.trim().length > MAX_CAPTION;
  const slash = replying && !dismissedSlash ? /^\/(\S*)$/.exec(text) : null;
  const term = slash ? (slash[1] ?? '') : null;
  const quickReplies = useQuickReplies(term, conversation.departmentId);
  const results = quickReplies.data ?? [];

  useEffect(() => {
    setMode(replyBlocked ? 'note' : 'reply');
  }, [Boolean(replyBlocked)]);

  useEffect(() => {
    setActive(0);
  }, [term]);

  useEffect(() => {
    input.current?.focus();
  }, [conversation.id]);

  // A file dropped or pasted while writing a note is meant for the customer.
  useEffect(() => {
    if (!file) return;
    if (!replyBlocked) setMode('reply');
    input.current?.focus();
  }, [file]);

  const note = useMutation({
    mutationFn: (body: string) => addNote(conversation.id, body),
    onSuccess: (saved) => addNoteToCache(queryClient, conversation.id, saved),
  });

  const pick = (reply: QuickReply) => {
    setText(reply.body);
    setDismissedSlash(false);
    requestAnimationFrame(() => {
      const element = input.current;
      element?.focus();
      element?.setSelectionRange(reply.body.length, reply.body.length);
    });
  };

  const submit = async () => {
    const value = text.trim();
    if (attached) {
      if (captionTooLong) return;
      setText('');
      setFile(conversation.id, undefined);
      input.current?.focus();
      const outcome = await onSend(value, attached);
      if (outcome === 'windowClosed') {
        setText((current) => current || value);
        if (!useDrafts.getState().files[conversation.id]) setFile(conversation.id, attached);
        onWindowClosed();
      }
      return;
    }
    if (!value) return;
    if (mode === 'note') {
      try {
        await note.mutateAsync(value);
        setText('');
      } catch (error) {
        toast(t('inbox.composer.noteFailed', { reason: errorMessage(error) }), 'error');
      }
      return;
    }
    if (replyBlocked) return;
    setText('');
    input.current?.focus();
    const outcome = await onSend(value);
    if (outcome === 'windowClosed') {
      setText((current) => current || value);
      onWindowClosed();
    }
  };

  const announceTyping = () => {
    if (!replying || typingBroken.current) return;
    const now = Date.now();
    if (now - lastTyping.current < TYPING_EVERY_MS) return;
    lastTyping.current = now;
    // Best effort: where the server has no typing route yet, stop asking after the first refusal.
    sendTyping(conversation.id).catch(() => {
      typingBroken.current = true;
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (term !== null && results.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        const chosen = results[active];
        if (chosen) pick(chosen);
        return;
      }
    }
    if (term !== null && event.key === 'Escape') {
      event.preventDefault();
      setDismissedSlash(true);
      return;
    }
    // Enter while an input method is composing (accents) confirms the character, not the message.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void submit();
  };

  const insertEmoji = (emoji: string) => {
    const element = input.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + emoji + text.slice(end));
    setEmojiOpen(false);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  };

  const canSubmit = attached ? !captionTooLong : text.trim().length > 0 && (mode === 'note' ? !note.isPending : replying);
  const placeholder = mode === 'note' ? t('inbox.composer.notePlaceholder') : attached ? t('inbox.attach.captionPlaceholder') : t('inbox.composer.placeholder');

  return (
    <div className="relative shrink-0 border-t border-zinc-200 bg-[#f0f2f5]">
      {replyBlocked && <div className="border-b border-zinc-200 bg-white px-4 py-2.5">{replyBlocked}</div>}
      {term !== null && <QuickReplyPopup id={popupId} term={term} active={active} results={quickReplies} onPick={pick} onHover={setActive} />}
      {emojiOpen && (
        <div role="dialog" aria-label={t('inbox.composer.emoji')} className="absolute bottom-full left-3 z-20 mb-2 grid grid-cols-8 gap-0.5 rounded-xl border border-zinc-200 bg-white p-2 shadow-xl">
          {EMOJI.map((emoji) => (
            <button key={emoji} type="button" onClick={() => insertEmoji(emoji)} className="flex size-8 items-center justify-center rounded-md text-lg hover:bg-zinc-100">
              {emoji}
            </button>
          ))}
        </div>
      )}
      <div className="flex items-center gap-1 px-3 pt-2">
        <ModeTab active={mode === 'reply'} disabled={Boolean(replyBlocked)} onClick={() => setMode('reply')} icon={<MessageSquareText aria-hidden="true" className="size-3.5" />}>
          {t('inbox.composer.reply')}
        </ModeTab>
        <ModeTab active={mode === 'note'} onClick={() => setMode('note')} icon={<StickyNote aria-hidden="true" className="size-3.5" />} tone="note">
          {t('inbox.composer.note')}
        </ModeTab>
        {mode === 'note' && (
          <span className="ml-2 inline-flex items-center gap-1 text-[11px] text-amber-800">
            <Lock aria-hidden="true" className="size-3" />
            {t('inbox.composer.noteHint')}
          </span>
        )}
      </div>
      {problem && (
        <p role="alert" className="mx-3 mt-2 flex items-start gap-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          <span className="flex-1">{problem}</span>
          <button type="button" onClick={() => setProblem(conversation.id, undefined)} aria-label={t('inbox.attach.dismiss')} className="rounded p-0.5 text-red-700 hover:bg-red-100">
            <X aria-hidden="true" className="size-4" />
          </button>
        </p>
      )}
      {attached && <AttachmentTray file={attached} captionLength={captionTooLong ? text.trim().length : null} onRemove={() => setFile(conversation.id, undefined)} />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        className="flex items-end gap-2 px-3 pt-1.5 pb-3"
      >
        <Button variant="ghost" size="icon" className="mb-1 size-9 text-[#54656f]" aria-label={t('inbox.composer.emoji')} aria-expanded={emojiOpen} onClick={() => setEmojiOpen((o) => !o)}>
          <Smile aria-hidden="true" className="size-5.5" />
        </Button>
        {mode === 'reply' && (
          <>
            <Button
              variant="ghost"
              size="icon"
              className="mb-1 size-9 text-[#54656f]"
              aria-label={t('inbox.attach.button')}
              title={t('inbox.attach.button')}
              disabled={!replying}
              onClick={() => fileInput.current?.click()}
            >
              <Paperclip aria-hidden="true" className="size-5" />
            </Button>
            <input
              ref={fileInput}
              type="file"
              hidden
              accept={ATTACHMENT_ACCEPT}
              aria-label={t('inbox.attach.input')}
              data-testid="attach-input"
              onChange={(event) => {
                const picked = event.target.files?.[0];
                // Cleared so that picking the same file again (after removing it) still fires a change.
                event.target.value = '';
                if (picked) offerAttachment(conversation.id, picked);
              }}
            />
          </>
        )}
        <textarea
          ref={input}
          rows={1}
          value={text}
          maxLength={attached ? undefined : MAX_LENGTH}
          disabled={mode === 'reply' && Boolean(replyBlocked)}
          onChange={(event) => {
            setText(event.target.value);
            setDismissedSlash(false);
            announceTyping();
          }}
          onKeyDown={onKeyDown}
          placeholder={placeholder}
          aria-label={mode === 'note' ? t('inbox.composer.noteLabel') : t('inbox.composer.label')}
          aria-describedby={hintId}
          aria-controls={term !== null ? popupId : undefined}
          aria-activedescendant={term !== null && results.length > 0 ? `${popupId}-${active}` : undefined}
          className={clsx(
            'field-sizing-content max-h-40 min-h-11 flex-1 resize-none rounded-lg px-3.5 py-2.5 text-[15px] leading-5 text-[#111b21] shadow-xs placeholder:text-[#667781] focus:outline-none focus-visible:ring-2',
            mode === 'note' ? 'bg-amber-50 ring-1 ring-amber-300 focus-visible:ring-amber-400' : 'bg-white focus-visible:ring-[#00a884]/40',
          )}
        />
        <span id={hintId} className="sr-only">
          {t('inbox.composer.hint')}
        </span>
        <button
          type="submit"
          disabled={!canSubmit}
          aria-label={mode === 'note' ? t('inbox.composer.saveNote') : t('inbox.composer.send')}
          title={mode === 'note' ? t('inbox.composer.saveNote') : t('inbox.composer.send')}
          className={clsx(
            'mb-0.5 flex size-10 shrink-0 items-center justify-center rounded-full text-white shadow-sm transition-colors disabled:cursor-not-allowed disabled:bg-[#8696a0]/50',
            mode === 'note' ? 'bg-amber-500 hover:bg-amber-600' : 'bg-[#00a884] hover:bg-[#008f6f]',
          )}
        >
          {mode === 'note' ? <StickyNote aria-hidden="true" className="size-5" /> : <SendHorizontal aria-hidden="true" className="size-5" />}
        </button>
      </form>
    </div>
  );
}

function ModeTab({ active, disabled, onClick, icon, tone = 'reply', children }: { active: boolean; disabled?: boolean; onClick: () => void; icon: ReactNode; tone?: 'reply' | 'note'; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={active}
      disabled={disabled}
      onClick={onClick}
      className={clsx(
        'inline-flex h-7 items-center gap-1.5 rounded-md px-2.5 text-xs font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-50',
        active ? (tone === 'note' ? 'bg-amber-100 text-amber-900' : 'bg-white text-emerald-800 shadow-xs') : 'text-zinc-600 hover:bg-black/5',
      )}
    >
      {icon}
      {children}
    </button>
  );
}

/** The composer's notice when WhatsApp's 24-hour window is closed: say so before anything fails, and offer the way that still works. */
export function WindowClosedNotice({ onTemplate }: { onTemplate: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="flex items-start gap-3">
      <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-amber-100 text-amber-700">
        <Clock4 aria-hidden="true" className="size-4" />
      </span>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-semibold text-zinc-900">{t('inbox.composer.windowClosed.title')}</p>
        <p className="text-xs leading-relaxed text-zinc-600">{t('inbox.composer.windowClosed.text')}</p>
      </div>
      <Button variant="secondary" size="sm" onClick={onTemplate}>
        <FileText aria-hidden="true" className="size-4" />
        {t('inbox.composer.windowClosed.template')}
      </Button>
    </div>
  );
}

/** WhatsApp Web's preview before sending: what goes, how big, and a way to take it back. */
function AttachmentTray({ file, captionLength, onRemove }: { file: File; captionLength: number | null; onRemove: () => void }) {
  const { t } = useTranslation();
  const kind = attachmentKind(normalisedType(file));
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (kind !== 'image') return;
    const objectUrl = URL.createObjectURL(file);
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(undefined);
    };
  }, [file, kind]);
  const Icon = kind === 'audio' ? FileAudio : kind === 'video' ? FileVideo : FileText;
  return (
    <div data-testid="attachment-tray" className="mx-3 mt-2 rounded-lg bg-white p-2 shadow-xs ring-1 ring-black/5">
      <div className="flex items-center gap-3">
        {url ? (
          <img src={url} alt={file.name} className="size-16 shrink-0 rounded-md bg-zinc-100 object-cover" />
        ) : (
          <span className="flex size-16 shrink-0 items-center justify-center rounded-md bg-[#f0f2f5] text-[#54656f]">
            <Icon aria-hidden="true" className="size-8" />
          </span>
        )}
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium text-[#111b21]">{file.name}</span>
          <span className="block text-xs text-[#667781]">{[t(`inbox.attach.kind.${kind}`), formatSize(file.size)].join(' · ')}</span>
        </span>
        <button type="button" onClick={onRemove} aria-label={t('inbox.attach.remove')} title={t('inbox.attach.remove')} className="rounded-full p-1.5 text-[#54656f] hover:bg-black/5">
          <X aria-hidden="true" className="size-5" />
        </button>
      </div>
      {captionLength !== null && (
        <p role="alert" className="mt-1.5 text-xs text-red-700">
          {t('inbox.attach.captionTooLong', { max: MAX_CAPTION, count: captionLength })}
        </p>
      )}
    </div>
  );
}
