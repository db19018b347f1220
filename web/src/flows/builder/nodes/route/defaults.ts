import type { NodeConfig } from '../../types';

/** The department is picked in the panel; until then the node shows what is missing. */
export const routeDefaults = { departmentId: '' } as NodeConfig<'route'>;
