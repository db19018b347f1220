import { questionNodeSchema } from '../../../../../../workflows/flow/schema';
import { configIssues } from '../shared/configIssues';

export const questionConfigSchema = questionNodeSchema.shape.config;
export const questionValidity = (config: unknown) => configIssues(questionConfigSchema, config);
