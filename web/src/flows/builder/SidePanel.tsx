import { useReactFlow } from '@xyflow/react';
import { Trash, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { nodeLooks } from './nodes/looks';
import { NodePanel } from './nodes/registry';
import { useBuilderStore } from './store';

const NO_PROBLEMS: string[] = [];

/** The form of the one selected node; remounted per node and after undo so it shows current values. */
export function SidePanel() {
  const { t } = useTranslation();
  const node = useBuilderStore((s) => {
    let found = null;
    for (const n of s.nodes) {
      if (!n.selected) continue;
      if (found) return null;
      found = n;
    }
    return found;
  });
  const revision = useBuilderStore((s) => s.revision);
  const problems = useBuilderStore((s) => (node ? (s.problems[node.id] ?? NO_PROBLEMS) : NO_PROBLEMS));
  const { deleteElements } = useReactFlow();
  if (!node) return null;
  const look = nodeLooks[node.type];
  const Icon = look.icon;
  return (
    <aside aria-label={t('flows.panel.title')} className="flex w-[22rem] shrink-0 flex-col border-l border-zinc-200 bg-white">
      <header className="flex items-center gap-2.5 border-b border-zinc-100 px-4 py-3">
        <span className={`flex size-8 items-center justify-center rounded-lg ${look.tile}`}>
          <Icon aria-hidden="true" className="size-4" />
        </span>
        <div className="min-w-0 flex-1">
          <h2 className="text-sm font-semibold text-zinc-900">{t(`flows.nodes.${node.type}.title`)}</h2>
          <p className="truncate font-mono text-[11px] text-zinc-400">{node.id}</p>
        </div>
        {node.type !== 'start' && (
          <Button variant="dangerGhost" size="icon" onClick={() => void deleteElements({ nodes: [{ id: node.id }] })} aria-label={t('flows.panel.deleteNode')} title={t('flows.panel.deleteNode')}>
            <Trash aria-hidden="true" className="size-4" />
          </Button>
        )}
        <Button variant="ghost" size="icon" onClick={() => useBuilderStore.getState().select(null)} aria-label={t('common.close')} title={t('common.close')}>
          <X aria-hidden="true" className="size-4" />
        </Button>
      </header>
      <div className="flex-1 overflow-y-auto px-4 py-4">
        {problems.length > 0 && (
          <ul role="alert" className="mb-4 space-y-1 rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-xs font-medium text-red-700">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <NodePanel key={`${node.id}:${revision}`} node={node} />
      </div>
    </aside>
  );
}
