import { useTranslation } from 'react-i18next';
import type { FlowNodeType } from '../../../../workflows/flow/schema';
import { nodeLooks } from './nodes/looks';
import { paletteGroups } from './nodes/registry';

export const DRAG_MIME = 'application/x-orquestra-node';

/** Blocks to drag onto the canvas; a click (or Enter) adds one in the middle of the view instead. */
export function Palette({ onAdd, disabled }: { onAdd: (type: FlowNodeType) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <aside aria-label={t('flows.palette.title')} className="flex w-56 shrink-0 flex-col border-r border-zinc-200 bg-white">
      <div className="border-b border-zinc-100 px-4 py-3">
        <h2 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{t('flows.palette.title')}</h2>
        <p className="mt-1 text-xs text-zinc-400">{t('flows.palette.hint')}</p>
      </div>
      <div className="flex-1 space-y-4 overflow-y-auto p-3">
        {paletteGroups.map((group) => (
          <section key={group.id} aria-labelledby={`palette-${group.id}`}>
            <h3 id={`palette-${group.id}`} className="mb-1.5 px-1 text-[11px] font-semibold tracking-wide text-zinc-400 uppercase">
              {t(`flows.palette.groups.${group.id}`)}
            </h3>
            <ul className="space-y-1.5">
              {group.types.map((type) => {
                const look = nodeLooks[type];
                const Icon = look.icon;
                return (
                  <li key={type}>
                    <button
                      type="button"
                      draggable={!disabled}
                      disabled={disabled}
                      data-palette={type}
                      onDragStart={(event) => {
                        event.dataTransfer.setData(DRAG_MIME, type);
                        event.dataTransfer.effectAllowed = 'move';
                      }}
                      onClick={() => onAdd(type)}
                      className="group flex w-full cursor-grab items-start gap-2.5 rounded-lg border border-zinc-200 bg-white p-2 text-left shadow-xs transition hover:border-emerald-300 hover:shadow-sm active:cursor-grabbing disabled:cursor-not-allowed disabled:opacity-50"
                    >
                      <span className={`flex size-7 shrink-0 items-center justify-center rounded-md ${look.tile}`}>
                        <Icon aria-hidden="true" className="size-4" />
                      </span>
                      <span className="min-w-0">
                        <span className="block text-sm font-medium text-zinc-800">{t(`flows.nodes.${type}.title`)}</span>
                        <span className="block text-xs leading-snug text-zinc-500">{t(`flows.nodes.${type}.description`)}</span>
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
      <div className="border-t border-zinc-100 px-4 py-3 text-[11px] leading-relaxed text-zinc-400">{t('flows.palette.shortcuts')}</div>
    </aside>
  );
}
