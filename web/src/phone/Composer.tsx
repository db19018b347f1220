import { SendHorizontal } from 'lucide-react';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** WhatsApp's limit for a text message, which the sandbox enforces too. */
const MAX_LENGTH = 4096;

/** Resolves false when the message did not go, so the text comes back for another try. */
export function Composer({ onSend }: { onSend: (text: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const canSend = text.trim().length > 0;

  const send = async () => {
    if (!canSend) return;
    const sent = text;
    setText('');
    input.current?.focus();
    if (!(await onSend(sent))) setText((current) => current || sent);
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter while an input method is composing (accents, emoji pickers) confirms the character, not the message.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  };

  return (
    <form onSubmit={handleSubmit} className="flex shrink-0 items-end gap-2 bg-[#f0f2f5] px-2.5 py-2">
      <textarea
        ref={input}
        rows={1}
        value={text}
        maxLength={MAX_LENGTH}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={handleKeyDown}
        placeholder={t('phone.composer.placeholder')}
        aria-label={t('phone.composer.label')}
        aria-describedby={hintId}
        className="field-sizing-content max-h-32 min-h-10 flex-1 resize-none rounded-3xl bg-white px-4 py-2.5 text-[15px] leading-5 text-[#111b21] shadow-xs placeholder:text-[#667781] focus:outline-none focus-visible:ring-2 focus-visible:ring-[#00a884]/40"
      />
      <span id={hintId} className="sr-only">
        {t('phone.composer.hint')}
      </span>
      <button
        type="submit"
        disabled={!canSend}
        aria-label={t('phone.composer.send')}
        title={t('phone.composer.send')}
        className="flex size-10 shrink-0 items-center justify-center rounded-full bg-[#00a884] text-white shadow-sm transition-colors hover:bg-[#008f6f] disabled:cursor-not-allowed disabled:bg-[#8696a0]/60"
      >
        <SendHorizontal aria-hidden="true" className="size-5" />
      </button>
    </form>
  );
}
