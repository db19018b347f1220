import dagre from '@dagrejs/dagre';
import type { BuilderEdge, BuilderNode } from './types';

const FALLBACK = { width: 256, height: 120 };

/** Top-to-bottom layered layout; nodes keep their measured size so wide menus do not overlap. */
export function autoLayout(nodes: BuilderNode[], edges: BuilderEdge[]): BuilderNode[] {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 56, ranksep: 72, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { width: node.measured?.width ?? FALLBACK.width, height: node.measured?.height ?? FALLBACK.height });
  for (const edge of edges) if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  return nodes.map((node) => {
    const placed = graph.node(node.id);
    const width = node.measured?.width ?? FALLBACK.width;
    const height = node.measured?.height ?? FALLBACK.height;
    return { ...node, position: { x: placed.x - width / 2, y: placed.y - height / 2 } };
  });
}
