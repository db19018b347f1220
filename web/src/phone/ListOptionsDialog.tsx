import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import type { ListSection } from './chatMessage';

type Row = ListSection['rows'][number];

interface ListOptionsDialogProps {
  title: string;
  sections: ListSection[];
  onChoose: (row: Row) => void;
  onClose: () => void;
}

/** The sheet a list message opens: its sections and rows; picking a row answers at once. */
export function ListOptionsDialog({ title, sections, onChoose, onClose }: ListOptionsDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} description={t('phone.options.listHint')} size="sm" onClose={onClose}>
      <div className="-mx-6 -my-5 flex flex-col py-2">
        {sections.map((section, sectionIndex) => (
          <section key={sectionIndex} aria-label={section.title}>
            {section.title && <h3 className="px-6 pt-3 pb-1 text-xs font-semibold tracking-wide text-[#008069] uppercase">{section.title}</h3>}
            <ul>
              {section.rows.map((row, rowIndex) => (
                <li key={row.id}>
                  <button
                    type="button"
                    onClick={() => onChoose(row)}
                    data-autofocus={sectionIndex === 0 && rowIndex === 0 ? true : undefined}
                    className="flex w-full items-center gap-4 px-6 py-3 text-left transition-colors hover:bg-zinc-50 focus-visible:bg-zinc-50 focus-visible:outline-offset-[-2px]"
                  >
                    <span className="min-w-0 flex-1">
                      <span className="block text-sm font-medium text-zinc-900">{row.title}</span>
                      {row.description && <span className="mt-0.5 block text-xs text-zinc-500">{row.description}</span>}
                    </span>
                    <span aria-hidden="true" className="size-4.5 shrink-0 rounded-full border-2 border-zinc-300" />
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
