import { createConversationActivities } from './conversation';
import type { ActivityDeps } from './deps';
import { createFlowBlockActivities } from './flowBlocks';
import { createPasswordResetActivities } from './passwordReset';
import { createRoutingActivities } from './routing';

export function createActivities(deps: ActivityDeps) {
  return { ...createPasswordResetActivities(deps), ...createConversationActivities(deps), ...createRoutingActivities(deps), ...createFlowBlockActivities(deps) };
}

export type Activities = ReturnType<typeof createActivities>;
