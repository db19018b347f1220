import { httpRequestNodeSchema } from '../../../../../../workflows/flow/schema';
import { configIssues } from '../shared/configIssues';

export const httpConfigSchema = httpRequestNodeSchema.shape.config;
export const httpValidity = (config: unknown) => configIssues(httpConfigSchema, config);
