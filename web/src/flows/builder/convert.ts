import { FLOW_SCHEMA_VERSION } from '../../../../workflows/flow/schema';
import type { FlowDraft } from '../flowsApi';
import { isNodeType, type BuilderEdge, type BuilderNode } from './types';

interface RawNode {
  id?: unknown;
  type?: unknown;
  position?: { x?: unknown; y?: unknown };
  config?: unknown;
}
interface RawEdge {
  id?: unknown;
  source?: unknown;
  sourceHandle?: unknown;
  target?: unknown;
}

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Draft (schema shape, saved as is) → React Flow. Entries the builder cannot draw are dropped. */
export function fromDraft(draft: FlowDraft | null | undefined): { nodes: BuilderNode[]; edges: BuilderEdge[] } {
  const nodes: BuilderNode[] = [];
  for (const raw of (draft?.nodes ?? []) as RawNode[]) {
    if (typeof raw?.id !== 'string' || !isNodeType(raw.type)) continue;
    nodes.push({
      id: raw.id,
      type: raw.type,
      position: { x: num(raw.position?.x), y: num(raw.position?.y) },
      data: { config: (raw.config ?? {}) as never },
      deletable: raw.type !== 'start',
    } as BuilderNode);
  }
  const edges: BuilderEdge[] = [];
  for (const raw of (draft?.edges ?? []) as RawEdge[]) {
    if (typeof raw?.id !== 'string' || typeof raw.source !== 'string' || typeof raw.target !== 'string') continue;
    edges.push({ id: raw.id, source: raw.source, sourceHandle: typeof raw.sourceHandle === 'string' ? raw.sourceHandle : 'next', target: raw.target });
  }
  return { nodes, edges };
}

/** React Flow → the schema's document, which is what publish validates and the workflow runs. */
export function toDraft(nodes: BuilderNode[], edges: BuilderEdge[]): FlowDraft {
  return {
    schemaVersion: FLOW_SCHEMA_VERSION,
    nodes: nodes.map((n) => ({ id: n.id, type: n.type, position: { x: Math.round(n.position.x), y: Math.round(n.position.y) }, config: n.data.config })),
    edges: edges.map((e) => ({ id: e.id, source: e.source, sourceHandle: e.sourceHandle ?? 'next', target: e.target })),
  };
}
