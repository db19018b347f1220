import type { BuilderNode } from './types';

export interface Exit {
  handle: string;
  kind: 'next' | 'option' | 'branch' | 'invalid' | 'timeout' | 'else' | 'replied' | 'success' | 'error';
  label?: string;
}

const fixed = (...kinds: ('next' | 'invalid' | 'timeout' | 'else' | 'replied' | 'success' | 'error')[]): Exit[] => kinds.map((kind) => ({ handle: kind, kind }));

/** Items of a list whose own `id` names a handle; a config still being edited may hold anything. */
function withIds<T extends object>(items: unknown): (T & { id: string })[] {
  return (Array.isArray(items) ? items : []).filter((item): item is T & { id: string } => typeof (item as { id?: unknown } | null)?.id === 'string');
}

/**
 * The schema's handlesOf, tolerant of a config still being edited (a menu without options yet), so
 * the canvas can always draw the handles and drop edges whose exit disappeared.
 */
export function exitsOf(node: BuilderNode): Exit[] {
  switch (node.type) {
    case 'start':
    case 'message':
    case 'setVariable':
    case 'tag':
      return fixed('next');
    case 'menu': {
      const config = node.data.config;
      return [
        ...withIds<{ label?: string }>(config.options).map((o) => ({ handle: o.id, kind: 'option' as const, label: o.label })),
        ...fixed('invalid'),
        ...(Number(config.timeoutMinutes) > 0 ? fixed('timeout') : []),
      ];
    }
    case 'question':
      return [...fixed('next', 'invalid'), ...(Number(node.data.config.timeoutMinutes) > 0 ? fixed('timeout') : [])];
    case 'condition':
      return [...withIds<{ label?: string }>(node.data.config.branches).map((b) => ({ handle: b.id, kind: 'branch' as const, label: b.label })), ...fixed('else')];
    case 'wait':
      return [...fixed('next'), ...(node.data.config.onReply === 'interrupt' ? fixed('replied') : [])];
    case 'http':
      return fixed('success', 'error');
    case 'ai':
      return fixed('next', 'timeout', 'error');
    case 'route':
    case 'handoff':
    case 'jump':
    case 'end':
      return [];
  }
}

/** exitsOf for a node view, which gets the node's parts (id, type, data) but no position. */
export const exitsOfView = (props: { id: string; type: string; data: unknown }): Exit[] => exitsOf({ ...props, position: { x: 0, y: 0 } } as BuilderNode);
