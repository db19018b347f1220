import type { NodeConfig } from '../../types';

export const startDefaults: NodeConfig<'start'> = {};
