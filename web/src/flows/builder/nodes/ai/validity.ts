import { aiReplyNodeSchema } from '../../../../../../workflows/flow/schema';
import { configIssues } from '../shared/configIssues';

export const aiConfigSchema = aiReplyNodeSchema.shape.config;
export const aiValidity = (config: unknown) => configIssues(aiConfigSchema, config);
