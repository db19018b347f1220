import { EventEmitter } from 'node:events';

/** What the phone page (and tests) can watch live: everything a customer's phone would show. */
export type SandboxEvent =
  | { type: 'message'; phone_number_id: string; wa_id: string; message: { id: string; type: string; timestamp: string; content: Record<string, unknown> } }
  | { type: 'status'; phone_number_id: string; wa_id: string; id: string; status: string; errors?: unknown[] }
  | { type: 'inbound'; phone_number_id: string; wa_id: string; message: Record<string, unknown> }
  | { type: 'read_by_business'; phone_number_id: string; wa_id: string; message_id: string }
  | { type: 'typing'; phone_number_id: string; wa_id: string; message_id: string }
  | { type: 'template'; waba_id: string; template_id: string; name: string; language: string; status: string; reason: string | null }
  | { type: 'reset' };

export interface EventHub {
  publish(event: SandboxEvent): void;
  subscribe(listener: (event: SandboxEvent) => void): () => void;
}

export function createEventHub(): EventHub {
  const emitter = new EventEmitter();
  // Each open phone page is one listener; the default cap of 10 would warn spuriously.
  emitter.setMaxListeners(0);
  return {
    publish: (event) => emitter.emit('event', event),
    subscribe(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
  };
}
