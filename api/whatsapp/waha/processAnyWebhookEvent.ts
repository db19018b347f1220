import { handleCloudApiEvent, type ProcessDeps } from '../processWebhookEvent';
import { processStoredEvent, type StoredEvent } from '../settleEvent';
import { handleWahaEvent, type WahaProcessDeps } from './processWahaEvent';
import { WAHA_SOURCE } from './wahaSchemas';

export interface AnyWebhookDeps extends ProcessDeps {
  /** What WAHA events need instead: WAHA's media download (URLs, API key) and its LID lookup. */
  waha: Pick<WahaProcessDeps, 'media' | 'phoneNumberForLid'>;
}

/**
 * One entry point for every stored webhook event, whatever sent it: the intake hooks and the
 * re-driver call this, and each event goes to the processor of its `source`.
 */
export function processAnyWebhookEvent(deps: AnyWebhookDeps, eventOrId: string | StoredEvent) {
  return processStoredEvent(deps.sql, deps.logger, eventOrId, (event) =>
    event.source === WAHA_SOURCE ? handleWahaEvent({ ...deps, ...deps.waha }, event) : handleCloudApiEvent(deps, event),
  );
}
