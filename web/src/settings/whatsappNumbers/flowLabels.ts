import type { FlowSummary } from '../../flows/flowsApi';
import i18n from '../../i18n';

/** What a number without a flow of its own runs: the company's published default, or the generated department menu. */
export function defaultFlowLabel(flows: FlowSummary[]): string {
  const fallback = flows.find((f) => f.isDefault && f.publishedVersionId);
  return fallback ? i18n.t('whatsappNumbers.form.defaultFlow', { name: fallback.name }) : i18n.t('whatsappNumbers.form.generatedMenu');
}

export function flowLabel(flow: FlowSummary): string {
  return flow.publishedVersionId ? flow.name : i18n.t('whatsappNumbers.form.unpublished', { name: flow.name });
}

export function numberFlowLabel(flowId: string | null, flows: FlowSummary[]): string {
  if (!flowId) return defaultFlowLabel(flows);
  const flow = flows.find((f) => f.id === flowId);
  return flow ? flowLabel(flow) : i18n.t('whatsappNumbers.unknownFlow');
}
