import type { BuilderNode } from './types';

export interface Exit {
  handle: string;
  kind: 'next' | 'option' | 'invalid' | 'timeout';
  label?: string;
}

/**
 * The schema's handlesOf, tolerant of a config still being edited (a menu without options yet), so
 * the canvas can always draw the handles and drop edges whose exit disappeared.
 */
export function exitsOf(node: BuilderNode): Exit[] {
  switch (node.type) {
    case 'start':
    case 'message':
      return [{ handle: 'next', kind: 'next' }];
    case 'menu': {
      const config = node.data.config;
      const options = Array.isArray(config.options) ? config.options : [];
      return [
        ...options.filter((o) => typeof o?.id === 'string').map((o) => ({ handle: o.id, kind: 'option' as const, label: o.label })),
        { handle: 'invalid', kind: 'invalid' },
        ...(Number(config.timeoutMinutes) > 0 ? [{ handle: 'timeout', kind: 'timeout' as const }] : []),
      ];
    }
    default:
      return [];
  }
}
