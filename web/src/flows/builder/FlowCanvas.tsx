import { Background, BackgroundVariant, Controls, MarkerType, MiniMap, ReactFlow, useReactFlow, type DefaultEdgeOptions } from '@xyflow/react';
import { useMemo, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { traceEdges, traceNodes } from '../simulator/traceOnCanvas';
import { DRAG_MIME } from './Palette';
import { nodeLooks } from './nodes/looks';
import { nodeTypes } from './nodes/registry';
import { useBuilderStore } from './store';
import { isNodeType, type BuilderNode } from './types';

const defaultEdgeOptions: DefaultEdgeOptions = {
  type: 'smoothstep',
  markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#a1a1aa' },
  style: { strokeWidth: 1.75, stroke: '#a1a1aa' },
};
const deleteKeys = ['Backspace', 'Delete'];
const fitViewOptions = { padding: 0.25, maxZoom: 1 };
const minimapColor = (node: BuilderNode) => nodeLooks[node.type]?.minimap ?? '#a1a1aa';

/** The editable canvas: every change goes through the builder store, which keeps history. */
export function FlowCanvas() {
  const { t } = useTranslation();
  const nodes = useBuilderStore((s) => s.nodes);
  const edges = useBuilderStore((s) => s.edges);
  const trace = useBuilderStore((s) => s.trace);
  // Decorated copies for display only: the store (and so the saved draft) never holds the trace.
  const shownNodes = useMemo(() => (trace ? traceNodes(nodes, trace) : nodes), [nodes, trace]);
  const shownEdges = useMemo(() => (trace ? traceEdges(edges, trace) : edges), [edges, trace]);
  const store = useBuilderStore.getState();
  const { screenToFlowPosition } = useReactFlow();

  const onDrop = (event: DragEvent) => {
    const type = event.dataTransfer.getData(DRAG_MIME);
    if (!isNodeType(type)) return;
    event.preventDefault();
    const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    store.addNode(type, { x: point.x - 128, y: point.y - 24 });
  };

  return (
    <ReactFlow<BuilderNode>
      nodes={shownNodes}
      edges={shownEdges}
      nodeTypes={nodeTypes}
      onNodesChange={store.onNodesChange}
      onEdgesChange={store.onEdgesChange}
      onConnect={store.connect}
      isValidConnection={store.isValidConnection}
      onNodeDragStart={() => store.checkpoint()}
      onDrop={onDrop}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
      }}
      deleteKeyCode={deleteKeys}
      defaultEdgeOptions={defaultEdgeOptions}
      fitView
      fitViewOptions={fitViewOptions}
      minZoom={0.2}
      maxZoom={1.75}
      snapToGrid
      snapGrid={[8, 8]}
      aria-label={t('flows.builder.canvas')}
      className="bg-zinc-50"
    >
      <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#d4d4d8" />
      <Controls position="bottom-left" showInteractive={false} className="!rounded-lg !shadow-sm" />
      <MiniMap<BuilderNode> position="bottom-right" pannable zoomable style={{ width: 168, height: 112 }} nodeColor={minimapColor} nodeBorderRadius={6} className="!rounded-lg !border !border-zinc-200 !shadow-sm" ariaLabel={t('flows.builder.minimap')} />
    </ReactFlow>
  );
}
