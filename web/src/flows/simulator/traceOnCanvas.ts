import { MarkerType } from '@xyflow/react';
import clsx from 'clsx';
import type { FlowTrace } from '../builder/store';
import type { BuilderEdge, BuilderNode } from '../builder/types';

// On React Flow's wrapper of each node, so the node views themselves need not know about simulations;
// outlines leave the nodes' own rings (selection, problems) visible. `sim-*` names the state for tests.
const CURRENT = 'sim-current [&>div]:outline-4 [&>div]:outline-offset-4 [&>div]:outline-sky-500';
const VISITED = 'sim-visited [&>div]:outline-2 [&>div]:outline-offset-2 [&>div]:outline-sky-300';
const TAKEN_STROKE = '#0284c7';

/** The trace's classes on the nodes it touches; the others keep their identity, so they do not re-render. */
export function traceNodes(nodes: BuilderNode[], trace: FlowTrace): BuilderNode[] {
  const visited = new Set(trace.path);
  return nodes.map((node) => {
    const state = node.id === trace.nodeId ? CURRENT : visited.has(node.id) ? VISITED : null;
    return state ? { ...node, className: clsx(node.className, state) } : node;
  });
}

/** An edge was taken when the path went from its source straight to its target. */
export function traceEdges(edges: BuilderEdge[], trace: FlowTrace): BuilderEdge[] {
  const steps = new Set(trace.path.slice(1).map((target, i) => `${trace.path[i]}>${target}`));
  const last = trace.path.length > 1 ? `${trace.path.at(-2)}>${trace.path.at(-1)}` : null;
  return edges.map((edge) => {
    const step = `${edge.source}>${edge.target}`;
    if (!steps.has(step)) return edge;
    return {
      ...edge,
      className: clsx(edge.className, 'sim-taken'),
      animated: trace.nodeId !== null && step === last,
      style: { ...edge.style, stroke: TAKEN_STROKE, strokeWidth: 2.5 },
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: TAKEN_STROKE },
    };
  });
}
