import { conditionNodeSchema } from '../../../../../../workflows/flow/schema';
import { configIssues } from '../shared/configIssues';

export const conditionConfigSchema = conditionNodeSchema.shape.config;
export const conditionValidity = (config: unknown) => configIssues(conditionConfigSchema, config);
