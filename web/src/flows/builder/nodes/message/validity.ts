import { messageNodeSchema } from '../../../../../../workflows/flow/schema';
import { configIssues } from '../shared/configIssues';

export const messageConfigSchema = messageNodeSchema.shape.config;
export const messageValidity = (config: unknown) => configIssues(messageConfigSchema, config);
