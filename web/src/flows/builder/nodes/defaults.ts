import type { FlowNodeType } from '../../../../../workflows/flow/schema';
import { endDefaults } from './end/defaults';
import { handoffDefaults } from './handoff/defaults';
import { menuDefaults } from './menu/defaults';
import { messageDefaults } from './message/defaults';
import { routeDefaults } from './route/defaults';
import { startDefaults } from './start/defaults';

/** A fresh config per new node (kept apart from the registry so the store does not import views). */
export function defaultConfigOf(type: FlowNodeType): unknown {
  switch (type) {
    case 'start':
      return { ...startDefaults };
    case 'message':
      return { ...messageDefaults };
    case 'menu':
      return menuDefaults();
    case 'route':
      return { ...routeDefaults };
    case 'handoff':
      return { ...handoffDefaults };
    case 'end':
      return { ...endDefaults };
  }
}
