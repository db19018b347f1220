import type { TFunction } from 'i18next';
import type { ConditionRule } from '../../../../../../workflows/flow/schema';

/** One line saying what a branch tests, as the canvas shows it under the branch's name. */
export function ruleSummary(rule: Partial<ConditionRule> | undefined, t: TFunction, departmentName: (id: string | undefined) => string): string {
  switch (rule?.kind) {
    case 'variable': {
      const subject = rule.variable ? `vars.${rule.variable}` : '?';
      const comparison = t(`flows.nodes.condition.comparisons.${rule.comparison ?? 'equals'}`);
      return rule.comparison === 'isSet' || rule.comparison === 'isEmpty' ? `${subject} ${comparison}` : `${subject} ${comparison} “${rule.value ?? ''}”`;
    }
    case 'keyword':
      return t('flows.nodes.condition.summary.keyword', { words: (rule.keywords ?? []).join(', ') || '?' });
    case 'businessHours':
      return t('flows.nodes.condition.summary.businessHours', { department: departmentName(rule.departmentId) });
    case 'agentsOnline':
      return t('flows.nodes.condition.summary.agentsOnline', { department: departmentName(rule.departmentId) });
    case 'tag':
      return t('flows.nodes.condition.summary.tag', { tag: rule.tag || '?' });
    default:
      return '';
  }
}
