import i18n from '../../../../i18n';
import type { NodeConfig } from '../../types';

export function questionDefaults(): NodeConfig<'question'> {
  return { text: '', variable: 'resposta', kind: 'text', choices: [], errorText: i18n.t('flows.nodes.question.defaultError'), maxAttempts: 3, timeoutMinutes: 0 };
}
