import type { NodeConfig } from '../../types';

export const endDefaults: NodeConfig<'end'> = {};
