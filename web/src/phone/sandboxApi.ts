import i18n from '../i18n';
import { ApiError } from '../lib/apiError';
// Type-only: the request bodies and the event stream come straight from the sandbox's own definitions,
// so a change there fails type-checking here instead of failing at runtime.
import type { SandboxEvent } from '../../../sandbox/events';
import type { CustomerMessageInput } from '../../../sandbox/server';

export type { SandboxEvent };

/**
 * The sandbox's control API. It is not part of the Orquestra API: in development Vite proxies it to
 * the sandbox process; where the app talks to Meta it does not exist at all.
 */
const BASE = '/sandbox';

export interface HostedNumber {
  phone_number_id: string;
  waba_id: string;
  display_phone_number: string;
  verified_name: string;
}

/** `GET /sandbox` (sandbox/control.ts). */
export interface SandboxInfo {
  now: string;
  numbers: HostedNumber[];
  auto_read: boolean;
  template_approval: { mode: 'auto' | 'manual'; delayMs: number };
  window_error_delivery: 'webhook' | 'response';
}

export type OutboundStatus = 'accepted' | 'sent' | 'delivered' | 'read' | 'failed';

interface LoggedMessage {
  id: string;
  type: string;
  timestamp: string;
  /** Outbound: the body the app sent to Graph. Inbound: the message object of Meta's webhook. */
  content: Record<string, unknown>;
}

export interface OutboundMessage extends LoggedMessage {
  direction: 'outbound';
  status: OutboundStatus;
  statuses: Array<{ status: OutboundStatus; timestamp: string }>;
}

export interface InboundMessage extends LoggedMessage {
  direction: 'inbound';
  read_by_business: boolean;
}

export type SandboxMessage = OutboundMessage | InboundMessage;

/** `GET /sandbox/customers/{wa_id}/messages` (conversationView in sandbox/control.ts). */
export interface Conversation {
  phone_number_id: string;
  wa_id: string;
  profile_name: string;
  window: { open: boolean; expires_at: string | null };
  messages: SandboxMessage[];
}

export type TemplateComponent =
  | { type: 'HEADER'; format: 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION'; text?: string }
  | { type: 'BODY'; text: string }
  | { type: 'FOOTER'; text: string }
  | { type: 'BUTTONS'; buttons: Array<{ type: string; text?: string; url?: string; phone_number?: string }> };

/** `GET /sandbox/templates`: the definitions, which a sent template refers to only by name and language. */
export interface SandboxTemplate {
  id: string;
  waba_id: string;
  name: string;
  language: string;
  status: string;
  parameter_format?: 'POSITIONAL' | 'NAMED';
  components: TemplateComponent[];
}

type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What the customer sends; the number it goes to and the profile name are added from the phone's identity. */
export type CustomerMessage = Without<CustomerMessageInput, 'to_phone_number_id' | 'name'>;

const unavailable = (status: number) => new ApiError(status, 'SANDBOX_UNAVAILABLE', i18n.t('phone.unavailable.title'));

async function request<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw unavailable(0);
  }
  // Without the sandbox the path falls through to whatever serves the app, which answers HTML or a bare error.
  if (!response.headers.get('content-type')?.includes('application/json')) throw unavailable(response.status);
  const body = (await response.json().catch(() => null)) as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null;
  if (!response.ok) {
    const error = body?.error;
    if (error && typeof error.code === 'string' && typeof error.message === 'string') throw new ApiError(response.status, error.code, error.message, error.details ?? null);
    throw unavailable(response.status);
  }
  return body as T;
}

export function isSandboxUnavailable(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'SANDBOX_UNAVAILABLE' || error.status >= 500);
}

export function fetchSandboxInfo(signal?: AbortSignal): Promise<SandboxInfo> {
  return request<SandboxInfo>('', { signal });
}

/** null until the customer has written: the sandbox keeps no conversation before that. */
export async function fetchConversation(waId: string, phoneNumberId: string, signal?: AbortSignal): Promise<Conversation | null> {
  try {
    return await request<Conversation>(`/customers/${waId}/messages?phone_number_id=${encodeURIComponent(phoneNumberId)}`, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

export async function fetchTemplates(signal?: AbortSignal): Promise<SandboxTemplate[]> {
  return (await request<{ data: SandboxTemplate[] }>('/templates', { signal })).data;
}

export function sendAsCustomer(waId: string, body: CustomerMessageInput): Promise<{ wamid: string; phone_number_id: string; wa_id: string }> {
  return request(`/customers/${waId}/messages`, { method: 'POST', body });
}

/** The customer opens the chat: every message the business sent so far turns read (blue ticks on its side). */
export function markAllRead(waId: string, phoneNumberId: string): Promise<{ read: number }> {
  return request(`/customers/${waId}/read`, { method: 'POST', body: { phone_number_id: phoneNumberId } });
}

export function eventsUrl(waId: string): string {
  return `${BASE}/events?wa_id=${encodeURIComponent(waId)}`;
}
