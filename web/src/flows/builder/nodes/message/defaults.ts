import type { NodeConfig } from '../../types';

export const messageDefaults: NodeConfig<'message'> = { text: '', delaySeconds: 0 };
