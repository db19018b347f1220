import { tagNodeSchema } from '../../../../../../workflows/flow/schema';
import { configIssues } from '../shared/configIssues';

export const tagConfigSchema = tagNodeSchema.shape.config;
export const tagValidity = (config: unknown) => configIssues(tagConfigSchema, config);
