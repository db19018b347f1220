import { processWebhookEvent } from '../processWebhookEvent';
import { processWahaEvent, type WahaProcessDeps } from './processWahaEvent';
import { WAHA_SOURCE } from './wahaSchemas';

/**
 * One entry point for every stored webhook event, whatever sent it: the re-driver and the intake
 * hooks call this, and each event goes to the processor of its `source`.
 */
export async function processAnyWebhookEvent(deps: WahaProcessDeps, eventId: string) {
  const event = await deps.db.webhookEvent.findUniqueOrThrow({ where: { id: eventId }, select: { source: true } });
  return event.source === 'x' ? processWahaEvent(deps, eventId) : processWebhookEvent(deps, eventId);
}
