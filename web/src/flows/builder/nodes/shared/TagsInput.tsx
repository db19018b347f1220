import { X } from 'lucide-react';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface TagsInputProps {
  value: string[];
  onChange: (value: string[]) => void;
  label: string;
  placeholder: string;
}

/** Words typed one at a time: Enter or comma adds one, Backspace on an empty field removes the last. */
export function TagsInput({ value, onChange, label, placeholder }: TagsInputProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const tags = Array.isArray(value) ? value : [];
  const commit = () => {
    const word = draft.trim();
    if (word && !tags.includes(word)) onChange([...tags, word]);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };
  return (
    <div className="flex min-h-9 flex-wrap items-center gap-1 rounded-lg border border-zinc-300 bg-white px-2 py-1 shadow-xs focus-within:border-emerald-600 focus-within:ring-3 focus-within:ring-emerald-600/15">
      {tags.map((tag) => (
        <span key={tag} className="inline-flex items-center gap-0.5 rounded-md bg-zinc-100 py-0.5 pr-0.5 pl-1.5 text-xs text-zinc-700">
          {tag}
          <button type="button" className="rounded p-0.5 text-zinc-400 hover:bg-zinc-200 hover:text-zinc-700" aria-label={t('flows.panel.menu.removeSynonym', { word: tag })} onClick={() => onChange(tags.filter((w) => w !== tag))}>
            <X aria-hidden="true" className="size-3" />
          </button>
        </span>
      ))}
      <input
        aria-label={label}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
        placeholder={tags.length === 0 ? placeholder : ''}
        className="min-w-20 flex-1 bg-transparent py-0.5 text-sm outline-none placeholder:text-zinc-400"
      />
    </div>
  );
}
