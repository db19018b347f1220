import { createConversationActivities } from './conversation';
import type { ActivityDeps } from './deps';
import { createPasswordResetActivities } from './passwordReset';

export function createActivities(deps: ActivityDeps) {
  return { ...createPasswordResetActivities(deps), ...createConversationActivities(deps) };
}

export type Activities = ReturnType<typeof createActivities>;
