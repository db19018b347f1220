import type { NodeConfig } from '../../types';

/** The target flow is picked in the panel; until then the node shows what is missing. */
export const jumpDefaults = { flowId: '' } as NodeConfig<'jump'>;
