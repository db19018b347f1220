import { menuNodeSchema } from '../../../../../../workflows/flow/schema';
import { configIssues } from '../shared/configIssues';

export const menuConfigSchema = menuNodeSchema.shape.config;
export const menuValidity = (config: unknown) => configIssues(menuConfigSchema, config);
