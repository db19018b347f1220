import i18n from '../../../../i18n';
import { newId, type NodeConfig } from '../../types';

export function newMenuOption(label = ''): NodeConfig<'menu'>['options'][number] {
  return { id: newId('opt'), label, synonyms: [] };
}

export function menuDefaults(): NodeConfig<'menu'> {
  return {
    text: '',
    style: 'buttons',
    buttonLabel: i18n.t('flows.nodes.menu.defaultButton'),
    options: [newMenuOption(i18n.t('flows.nodes.menu.defaultOption', { n: 1 })), newMenuOption(i18n.t('flows.nodes.menu.defaultOption', { n: 2 }))],
    invalidText: i18n.t('flows.nodes.menu.defaultInvalid'),
    maxAttempts: 3,
    timeoutMinutes: 0,
  };
}
