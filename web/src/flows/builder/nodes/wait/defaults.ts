import type { NodeConfig } from '../../types';

export const waitDefaults: NodeConfig<'wait'> = { amount: 30, unit: 'minutes', onReply: 'continue' };
