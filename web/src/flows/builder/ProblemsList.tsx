import { useReactFlow } from '@xyflow/react';
import { CircleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../flowsApi';
import { useBuilderStore } from './store';

/** Problems as a list; a problem with a node takes you to it. */
export function ProblemsList({ problems, onPick }: { problems: Problem[]; onPick?: () => void }) {
  const { t } = useTranslation();
  const { fitView } = useReactFlow();
  const nodes = useBuilderStore((s) => s.nodes);
  const show = (nodeId: string) => {
    useBuilderStore.getState().select(nodeId);
    void fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1.1 });
    onPick?.();
  };
  return (
    <ul className="divide-y divide-red-100">
      {problems.map((problem, index) => {
        const node = problem.nodeId ? nodes.find((n) => n.id === problem.nodeId) : undefined;
        return (
          <li key={index}>
            <button type="button" disabled={!node} onClick={() => node && show(node.id)} className="flex w-full items-start gap-2 px-3 py-2 text-left text-xs hover:bg-red-50 disabled:cursor-default disabled:hover:bg-transparent">
              <CircleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0 text-red-500" />
              <span className="min-w-0">
                {node && <span className="mr-1 font-semibold text-zinc-800">{t(`flows.nodes.${node.type}.title`)} · </span>}
                <span className="text-zinc-700">{problem.message}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
