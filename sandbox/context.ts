import type { SandboxClock } from './clock';
import type { Faults, SandboxConfig } from './config';
import type { Customers } from './customers';
import type { EventHub } from './events';
import type { TokenBuckets } from './limits/tokenBuckets';
import type { MediaStore } from './mediaStore';
import type { NumberDirectory } from './numbers';
import type { SendStats } from './stats';
import type { StatusEngine } from './statuses';
import type { TemplateReview } from './templateReview';
import type { TemplateStore } from './templateStore';
import type { WebhookDelivery } from './webhooks/deliver';

/** Everything a route needs, built once by `createSandbox` and handed to the routers. */
export interface SandboxContext {
  config: SandboxConfig;
  clock: SandboxClock;
  numbers: NumberDirectory;
  customers: Customers;
  media: MediaStore;
  templates: TemplateStore;
  review: TemplateReview;
  statuses: StatusEngine;
  webhooks: WebhookDelivery;
  events: EventHub;
  stats: SendStats;
  limits: { throughput: TokenBuckets; pairRate: TokenBuckets };
  faults: { get(): Faults; set(faults: Faults): void };
  /** Where the app can reach this server (media download URLs point here). */
  publicUrl(): string;
}
