export { passwordResetWorkflow } from './passwordReset';
