import { processWebhookEvent, type ProcessDeps } from '../processWebhookEvent';
import { processWahaEvent, type WahaProcessDeps } from './processWahaEvent';
import { WAHA_SOURCE } from './wahaSchemas';

export interface AnyWebhookDeps extends ProcessDeps {
  /** What WAHA events need instead: WAHA's media download (URLs, API key) and its LID lookup. */
  waha: Pick<WahaProcessDeps, 'media' | 'phoneNumberForLid'>;
}

/**
 * One entry point for every stored webhook event, whatever sent it: the intake hooks and the
 * re-driver call this, and each event goes to the processor of its `source`.
 */
export async function processAnyWebhookEvent(deps: AnyWebhookDeps, eventId: string) {
  const { rows } = await deps.sql.query<{ source: string }>(`SELECT "source" FROM "WebhookEvent" WHERE "id" = $1`, [eventId]);
  const event = rows[0];
  if (!event) throw new Error(`webhook event ${eventId} does not exist`);
  if (event.source !== WAHA_SOURCE) return processWebhookEvent(deps, eventId);
  return processWahaEvent({ db: deps.db, sql: deps.sql, logger: deps.logger, publish: deps.publish, deliver: deps.deliver, ...deps.waha }, eventId);
}
