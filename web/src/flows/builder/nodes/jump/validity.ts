import { jumpNodeSchema } from '../../../../../../workflows/flow/schema';
import { configIssues } from '../shared/configIssues';

export const jumpConfigSchema = jumpNodeSchema.shape.config;
export const jumpValidity = (config: unknown) => configIssues(jumpConfigSchema, config);
