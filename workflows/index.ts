export { passwordResetWorkflow } from './passwordReset';
export { conversationWorkflow } from './conversation';
