import type { OutboundMessage } from './outboundMessage';

export interface DownloadedMedia {
  data: Buffer;
  mimeType: string;
  sha256: string;
  fileName?: string;
}

export interface TemplateDefinition {
  name: string;
  language: string;
  category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  components: unknown[];
}

export interface ProviderTemplate extends TemplateDefinition {
  id: string;
  status: string;
  rejectedReason?: string | null;
}

/**
 * One WhatsApp provider. Every method addresses a phone number by its provider id (Meta's
 * phone_number_id, or the WAHA session) and throws WhatsAppProviderError on failure.
 */
export interface WhatsAppProvider {
  /**
   * `callbackData` travels with the message and comes back in its status webhooks (Meta's
   * biz_opaque_callback_data): a send whose answer was lost can still be matched to its row.
   */
  send(phoneNumberId: string, message: OutboundMessage, options?: { callbackData?: string }): Promise<{ waMessageId: string }>;
  markRead(phoneNumberId: string, waMessageId: string, options?: { typing?: boolean }): Promise<void>;
  uploadMedia(phoneNumberId: string, file: { data: Buffer; mimeType: string; fileName?: string }): Promise<{ mediaId: string }>;
  /** Downloads at once: Meta's media URLs live about five minutes. */
  downloadMedia(mediaId: string): Promise<DownloadedMedia>;
  createTemplate(wabaId: string, template: TemplateDefinition): Promise<{ id: string; status: string }>;
  listTemplates(wabaId: string): Promise<ProviderTemplate[]>;
  deleteTemplate(wabaId: string, name: string): Promise<void>;
}
