import type { ConditionRule } from '../../../../../../workflows/flow/schema';
import i18n from '../../../../i18n';
import { newId, type NodeConfig } from '../../types';

type Branch = NodeConfig<'condition'>['branches'][number];

/** A rule of the given kind with its fields empty, for a branch whose kind was just picked. */
export function emptyRule(kind: ConditionRule['kind']): ConditionRule {
  switch (kind) {
    case 'variable':
      return { kind, variable: '', comparison: 'equals', value: '' };
    case 'keyword':
      return { kind, keywords: [] };
    case 'businessHours':
    case 'agentsOnline':
      return { kind, departmentId: '' };
    case 'tag':
      return { kind, tag: '' };
  }
}

export function newBranch(n: number): Branch {
  return { id: newId('br'), label: i18n.t('flows.nodes.condition.defaultBranch', { n }), rule: emptyRule('keyword') };
}

export function conditionDefaults(): NodeConfig<'condition'> {
  return { branches: [newBranch(1)] };
}
