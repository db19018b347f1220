import { Background, BackgroundVariant, Controls, MarkerType, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { CopyPlus, Eye, X } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Spinner';
import { ErrorState } from '../../ui/ErrorState';
import { useFlowVersion, type FlowDraft, type FlowVersionSummary } from '../flowsApi';
import { fromDraft } from './convert';
import { nodeTypes } from './nodes/registry';
import { ReadOnlyContext } from './nodes/shared/ReadOnlyContext';

const edgeOptions = { type: 'smoothstep', markerEnd: { type: MarkerType.ArrowClosed, color: '#a1a1aa' }, style: { strokeWidth: 1.75, stroke: '#a1a1aa' } };

/** A published version drawn read-only over the canvas; it can be copied into the draft to edit. */
export function VersionPreview({ flowId, version, onCopyToDraft, onClose }: { flowId: string; version: FlowVersionSummary; onCopyToDraft: (definition: FlowDraft) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useFlowVersion(flowId, version.id);
  const graph = useMemo(() => (query.data ? fromDraft(query.data.definition) : null), [query.data]);
  return (
    <section aria-label={t('flows.versions.previewOf', { version: version.version })} className="absolute inset-0 z-30 flex flex-col bg-zinc-50">
      <div className="flex items-center gap-3 border-b border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-900">
        <Eye aria-hidden="true" className="size-4" />
        <span className="font-medium">{t('flows.versions.previewOf', { version: version.version })}</span>
        <span className="text-amber-700">{t('common.readOnly')}</span>
        <div className="ml-auto flex gap-2">
          <Button variant="secondary" size="sm" disabled={!query.data} onClick={() => query.data && onCopyToDraft(query.data.definition)}>
            <CopyPlus aria-hidden="true" className="size-4" />
            {t('flows.versions.copyToDraft')}
          </Button>
          <Button variant="ghost" size="sm" onClick={onClose}>
            <X aria-hidden="true" className="size-4" />
            {t('flows.versions.closePreview')}
          </Button>
        </div>
      </div>
      <div className="relative flex-1">
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : !graph ? (
          <div className="flex h-full items-center justify-center">
            <Spinner className="size-6 text-zinc-400" />
          </div>
        ) : (
          <ReadOnlyContext value={true}>
            <ReactFlowProvider>
              <ReactFlow nodes={graph.nodes} edges={graph.edges} nodeTypes={nodeTypes} defaultEdgeOptions={edgeOptions} nodesDraggable={false} nodesConnectable={false} elementsSelectable={false} deleteKeyCode={null} fitView fitViewOptions={{ padding: 0.25, maxZoom: 1 }} minZoom={0.2}>
                <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#d4d4d8" />
                <Controls position="bottom-left" showInteractive={false} />
              </ReactFlow>
            </ReactFlowProvider>
          </ReadOnlyContext>
        )}
      </div>
    </section>
  );
}
