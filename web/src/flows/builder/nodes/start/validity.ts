import { startNodeSchema } from '../../../../../../workflows/flow/schema';
import { configIssues } from '../shared/configIssues';

export const startValidity = (config: unknown) => configIssues(startNodeSchema.shape.config, config);
