import { handoffNodeSchema } from '../../../../../../workflows/flow/schema';
import { configIssues } from '../shared/configIssues';

export const handoffConfigSchema = handoffNodeSchema.shape.config;
export const handoffValidity = (config: unknown) => configIssues(handoffConfigSchema, config);
