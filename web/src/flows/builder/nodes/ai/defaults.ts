import i18n from '../../../../i18n';
import type { NodeConfig } from '../../types';

export function aiDefaults(): NodeConfig<'ai'> {
  return { systemPrompt: i18n.t('flows.nodes.ai.defaultPrompt'), historyMessages: 10, timeoutSeconds: 20 };
}
