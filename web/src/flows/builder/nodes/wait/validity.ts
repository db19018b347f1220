import { waitNodeSchema } from '../../../../../../workflows/flow/schema';
import { configIssues } from '../shared/configIssues';

export const waitConfigSchema = waitNodeSchema.shape.config;
export const waitValidity = (config: unknown) => configIssues(waitConfigSchema, config);
