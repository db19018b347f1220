import type { SandboxConfig } from './config';
import type { EventHub } from './events';
import type { StoredTemplate, TemplateStore } from './templateStore';
import type { WebhookDelivery } from './webhooks/deliver';
import { templateStatusWebhook } from './webhooks/payloads';

export interface TemplateReview {
  /** A new template starts PENDING; in auto mode it is approved after the configured delay. */
  submitted(template: StoredTemplate): void;
  approve(id: string): StoredTemplate | undefined;
  reject(id: string, reason: string): StoredTemplate | undefined;
  cancelAll(): void;
}

/** Stands in for Meta's review: moves templates out of PENDING and tells the app by webhook. */
export function createTemplateReview(deps: {
  config: Pick<SandboxConfig, 'templateApproval'>;
  store: TemplateStore;
  webhooks: WebhookDelivery;
  events: EventHub;
  now: () => number;
}): TemplateReview {
  const timers = new Map<string, NodeJS.Timeout>();

  function decide(id: string, status: 'APPROVED' | 'REJECTED', reason: string) {
    const template = deps.store.get(id);
    if (!template) return undefined;
    clearTimeout(timers.get(id));
    timers.delete(id);
    template.status = status;
    template.rejectedReason = status === 'REJECTED' ? reason : 'NONE';
    deps.webhooks.enqueue(`templates:${template.wabaId}`, templateStatusWebhook(template, status, template.rejectedReason, deps.now()));
    deps.events.publish({
      type: 'template',
      waba_id: template.wabaId,
      template_id: template.id,
      name: template.name,
      language: template.language,
      status,
      reason: template.rejectedReason,
    });
    return template;
  }

  return {
    submitted(template) {
      if (deps.config.templateApproval.mode !== 'auto') return;
      timers.set(
        template.id,
        setTimeout(() => decide(template.id, 'APPROVED', 'NONE'), deps.config.templateApproval.delayMs),
      );
    },
    approve: (id) => decide(id, 'APPROVED', 'NONE'),
    reject: (id, reason) => decide(id, 'REJECTED', reason),
    cancelAll() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
