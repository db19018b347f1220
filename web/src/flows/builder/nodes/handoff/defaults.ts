import type { NodeConfig } from '../../types';

export const handoffDefaults = { departmentId: '' } as NodeConfig<'handoff'>;
