import type { NodeConfig } from '../../types';

export const tagDefaults: NodeConfig<'tag'> = { add: [], remove: [] };
