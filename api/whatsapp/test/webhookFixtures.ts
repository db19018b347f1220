import { randomUUID } from 'node:crypto';
import { signWhatsAppBody } from '../signature';
import { TEST_APP_SECRET, testDb } from '../../../test/harness';

let sequence = 0;
export const wamid = () => `wamid.TEST${Date.now()}${++sequence}${randomUUID().slice(0, 6)}`;

export async function createNumber(companyId: string) {
  const phoneNumberId = String(100_000_000_000_000 + Math.floor(Math.random() * 1e12));
  return testDb().whatsAppNumber.create({ data: { companyId, phoneNumberId, wabaId: '200000000000001', displayPhoneNumber: '+55 11 4000-0001', name: 'Atendimento' } });
}

/** A Cloud API "messages" webhook envelope, as Meta sends it. */
export function messagesEnvelope(phoneNumberId: string, value: { messages?: unknown[]; statuses?: unknown[]; contacts?: unknown[] }) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '200000000000001',
        changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '551140000001', phone_number_id: phoneNumberId }, ...value } }],
      },
    ],
  };
}

export const inbound = (from: string, type: string, body: Record<string, unknown>, id = wamid()) => ({ from, id, timestamp: String(Math.floor(Date.now() / 1000)), type, ...body });

export async function postWebhook(baseUrl: string, body: unknown, options: { signature?: string | null; raw?: string } = {}) {
  const raw = options.raw ?? JSON.stringify(body);
  const signature = options.signature === undefined ? signWhatsAppBody(raw, TEST_APP_SECRET) : options.signature;
  const response = await fetch(`${baseUrl}/webhooks/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) },
    body: raw,
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as any };
}
