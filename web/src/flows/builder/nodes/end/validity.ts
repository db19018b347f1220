import { endNodeSchema } from '../../../../../../workflows/flow/schema';
import { configIssues } from '../shared/configIssues';

export const endConfigSchema = endNodeSchema.shape.config.unwrap();
export const endValidity = (config: unknown) => configIssues(endConfigSchema, config);
