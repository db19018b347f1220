import { routeNodeSchema } from '../../../../../../workflows/flow/schema';
import { configIssues } from '../shared/configIssues';

export const routeConfigSchema = routeNodeSchema.shape.config;
export const routeValidity = (config: unknown) => configIssues(routeConfigSchema, config);
