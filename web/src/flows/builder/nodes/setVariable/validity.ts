import { setVariableNodeSchema } from '../../../../../../workflows/flow/schema';
import { configIssues } from '../shared/configIssues';

export const setVariableConfigSchema = setVariableNodeSchema.shape.config;
export const setVariableValidity = (config: unknown) => configIssues(setVariableConfigSchema, config);
