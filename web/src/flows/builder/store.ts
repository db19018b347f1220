import { addEdge, applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange, type XYPosition } from '@xyflow/react';
import { create } from 'zustand';
import type { FlowNodeType } from '../../../../workflows/flow/schema';
import type { Problem } from '../flowsApi';
import { exitsOf } from './exits';
import { autoLayout } from './layout';
import { defaultConfigOf } from './nodes/defaults';
import { newId, type BuilderEdge, type BuilderNode } from './types';

interface Snapshot {
  nodes: BuilderNode[];
  edges: BuilderEdge[];
}

/** Where a simulated conversation is, drawn over the canvas: the block running now and the blocks it went through. */
export interface FlowTrace {
  nodeId: string | null;
  path: string[];
}

interface BuilderState {
  nodes: BuilderNode[];
  edges: BuilderEdge[];
  past: Snapshot[];
  future: Snapshot[];
  /** Problems from the server's last validate/publish, by node; `general` holds those without a node. */
  problems: Record<string, string[]>;
  general: string[];
  problemList: Problem[];
  /** Bumped when the graph is replaced wholesale (load, undo, redo) so open forms reload their values. */
  revision: number;
  /** Set by the simulator while it runs; view state, never saved or undone. */
  trace: FlowTrace | null;
  load(nodes: BuilderNode[], edges: BuilderEdge[]): void;
  replace(nodes: BuilderNode[], edges: BuilderEdge[]): void;
  checkpoint(coalesceKey?: string): void;
  onNodesChange(changes: NodeChange<BuilderNode>[]): void;
  onEdgesChange(changes: EdgeChange<BuilderEdge>[]): void;
  connect(connection: Connection): void;
  isValidConnection(connection: Connection | BuilderEdge): boolean;
  addNode(type: FlowNodeType, position: XYPosition): string;
  select(id: string | null): void;
  undo(): void;
  redo(): void;
  layout(): void;
  paste(clip: Snapshot, offset: number): void;
  setProblems(problems: Problem[]): void;
  setTrace(trace: FlowTrace | null): void;
}

const HISTORY_LIMIT = 100;
/** Keystrokes in one field within this window become a single undo step. */
const COALESCE_MS = 1000;
let lastCoalesce: { key: string; at: number } | null = null;

/** Selection and measurements are view state: keeping them out of history makes undo feel right. */
const strip = (nodes: BuilderNode[]): BuilderNode[] => nodes.map((n) => ({ ...n, selected: false }));

function pruneEdges(nodes: BuilderNode[], edges: BuilderEdge[]): BuilderEdge[] {
  const exits = new Map(nodes.map((n) => [n.id, new Set(exitsOf(n).map((e) => e.handle))]));
  return edges.filter((e) => exits.get(e.source)?.has(e.sourceHandle ?? 'next') && exits.has(e.target));
}

export const useBuilderStore = create<BuilderState>()((set, get) => ({
  nodes: [],
  edges: [],
  past: [],
  future: [],
  problems: {},
  general: [],
  problemList: [],
  revision: 0,
  trace: null,

  load: (nodes, edges) => {
    lastCoalesce = null;
    set((s) => ({ nodes, edges, past: [], future: [], problems: {}, general: [], problemList: [], revision: s.revision + 1 }));
  },

  replace: (nodes, edges) => {
    get().checkpoint();
    set((s) => ({ nodes, edges, revision: s.revision + 1 }));
  },

  checkpoint: (coalesceKey) => {
    const now = Date.now();
    if (coalesceKey && lastCoalesce?.key === coalesceKey && now - lastCoalesce.at < COALESCE_MS) {
      lastCoalesce.at = now;
      return;
    }
    lastCoalesce = coalesceKey ? { key: coalesceKey, at: now } : null;
    const { nodes, edges, past } = get();
    set({ past: [...past.slice(-HISTORY_LIMIT + 1), { nodes: strip(nodes), edges }], future: [] });
  },

  onNodesChange: (changes) => {
    const removes = changes.some((c) => c.type === 'remove');
    const replaced = changes.find((c) => c.type === 'replace');
    if (removes) get().checkpoint('delete');
    else if (replaced) get().checkpoint(`data:${replaced.id}`);
    const nodes = applyNodeChanges(changes, get().nodes);
    set({ nodes, ...(removes || replaced ? { edges: pruneEdges(nodes, get().edges) } : {}) });
  },

  onEdgesChange: (changes) => {
    if (changes.some((c) => c.type === 'remove')) get().checkpoint('delete');
    set({ edges: applyEdgeChanges(changes, get().edges) });
  },

  isValidConnection: (connection) => {
    const { nodes, edges } = get();
    if (connection.source === connection.target) return false;
    const target = nodes.find((n) => n.id === connection.target);
    if (!target || target.type === 'start') return false;
    const handle = connection.sourceHandle ?? 'next';
    // One edge per exit: a second one would make the path ambiguous.
    return !edges.some((e) => e.source === connection.source && (e.sourceHandle ?? 'next') === handle);
  },

  connect: (connection) => {
    if (!get().isValidConnection(connection)) return;
    get().checkpoint();
    const edge: BuilderEdge = { id: newId('e'), source: connection.source, sourceHandle: connection.sourceHandle ?? 'next', target: connection.target };
    set({ edges: addEdge(edge, get().edges) });
  },

  addNode: (type, position) => {
    get().checkpoint();
    const id = newId(type);
    const node = { id, type, position, data: { config: defaultConfigOf(type) }, selected: true } as BuilderNode;
    set({ nodes: [...get().nodes.map((n) => ({ ...n, selected: false })), node] });
    return id;
  },

  select: (id) => set({ nodes: get().nodes.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })) }),

  undo: () => {
    const { past, future, nodes, edges } = get();
    const previous = past.at(-1);
    if (!previous) return;
    lastCoalesce = null;
    set((s) => ({ nodes: previous.nodes, edges: previous.edges, past: past.slice(0, -1), future: [{ nodes: strip(nodes), edges }, ...future], revision: s.revision + 1 }));
  },

  redo: () => {
    const { past, future, nodes, edges } = get();
    const next = future[0];
    if (!next) return;
    lastCoalesce = null;
    set((s) => ({ nodes: next.nodes, edges: next.edges, past: [...past, { nodes: strip(nodes), edges }], future: future.slice(1), revision: s.revision + 1 }));
  },

  layout: () => {
    get().checkpoint();
    set({ nodes: autoLayout(get().nodes, get().edges) });
  },

  paste: (clip, offset) => {
    if (clip.nodes.length === 0) return;
    get().checkpoint();
    const ids = new Map(clip.nodes.map((n) => [n.id, newId(n.type)]));
    const nodes = clip.nodes.map((n) => ({ ...structuredClone(n), id: ids.get(n.id)!, position: { x: n.position.x + offset, y: n.position.y + offset }, selected: true, deletable: true }) as BuilderNode);
    const edges = clip.edges.map((e) => ({ ...e, id: newId('e'), source: ids.get(e.source)!, target: ids.get(e.target)! }));
    set({ nodes: [...get().nodes.map((n) => ({ ...n, selected: false })), ...nodes], edges: [...get().edges, ...edges] });
  },

  setProblems: (problems) => {
    const byNode: Record<string, string[]> = {};
    const general: string[] = [];
    for (const p of problems) {
      if (p.nodeId) (byNode[p.nodeId] ??= []).push(p.message);
      else general.push(p.message);
    }
    set({ problems: byNode, general, problemList: problems });
  },

  setTrace: (trace) => set({ trace }),
}));

/** The selected nodes (never the start) and the edges between them, for copy and paste. */
export function copySelection(): Snapshot {
  const { nodes, edges } = useBuilderStore.getState();
  const picked = nodes.filter((n) => n.selected && n.type !== 'start');
  const ids = new Set(picked.map((n) => n.id));
  return { nodes: strip(picked), edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}
