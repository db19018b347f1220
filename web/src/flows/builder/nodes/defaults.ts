import type { FlowNodeType } from '../../../../../workflows/flow/schema';
import { aiDefaults } from './ai/defaults';
import { conditionDefaults } from './condition/defaults';
import { endDefaults } from './end/defaults';
import { handoffDefaults } from './handoff/defaults';
import { httpDefaults } from './http/defaults';
import { jumpDefaults } from './jump/defaults';
import { menuDefaults } from './menu/defaults';
import { messageDefaults } from './message/defaults';
import { questionDefaults } from './question/defaults';
import { routeDefaults } from './route/defaults';
import { setVariableDefaults } from './setVariable/defaults';
import { startDefaults } from './start/defaults';
import { tagDefaults } from './tag/defaults';
import { waitDefaults } from './wait/defaults';

/** A fresh config per new node (kept apart from the registry so the store does not import views). */
export function defaultConfigOf(type: FlowNodeType): unknown {
  switch (type) {
    case 'start':
      return { ...startDefaults };
    case 'message':
      return { ...messageDefaults };
    case 'menu':
      return menuDefaults();
    case 'question':
      return questionDefaults();
    case 'condition':
      return conditionDefaults();
    case 'setVariable':
      return setVariableDefaults();
    case 'tag':
      return structuredClone(tagDefaults);
    case 'wait':
      return { ...waitDefaults };
    case 'http':
      return httpDefaults();
    case 'ai':
      return aiDefaults();
    case 'route':
      return { ...routeDefaults };
    case 'handoff':
      return { ...handoffDefaults };
    case 'jump':
      return { ...jumpDefaults };
    case 'end':
      return { ...endDefaults };
  }
}
