import { useSessionStore } from '../auth/sessionStore';
import { api, refreshSession } from '../lib/api';
import type { AgentMessageInput } from '../../../api/conversations/schemas';
import type { TemplateView } from '../../../api/templates/schemas';
import type { AssignmentRecord, Conversation, ConversationNote, ConversationStatus, Message, Page, QuickReply, WhatsAppNumberRef } from '../lib/types';

export interface ConversationQuery {
  status: ConversationStatus[];
  assigneeId?: string;
  departmentId?: string;
  numberId?: string;
  /** One customer's conversations, for the customer panel. */
  contactId?: string;
  q?: string;
}

export const CONVERSATION_PAGE_SIZE = 50;
export const MESSAGE_PAGE_SIZE = 40;

export function listConversations(query: ConversationQuery, cursor: string | null, signal?: AbortSignal) {
  return api<Page<Conversation>>('/api/conversations', {
    query: { status: query.status.join(','), assigneeId: query.assigneeId, departmentId: query.departmentId, numberId: query.numberId, contactId: query.contactId, q: query.q, cursor, limit: CONVERSATION_PAGE_SIZE },
    signal,
  });
}

export const listNumbers = (signal?: AbortSignal) => api<{ items: WhatsAppNumberRef[] }>('/api/conversations/numbers', { signal });

export const getConversation = (id: string, signal?: AbortSignal) => api<Conversation>(`/api/conversations/${id}`, { signal });

/** Newest first: the chat loads older pages as the agent scrolls up. */
export const listMessages = (id: string, cursor: string | null, signal?: AbortSignal) =>
  api<Page<Message>>(`/api/conversations/${id}/messages`, { query: { cursor, limit: MESSAGE_PAGE_SIZE }, signal });

/** With a mediaId the text is the file's caption (it may be empty). */
export const sendMessage = (id: string, text: string, clientMessageId: string, mediaId?: string) =>
  api<Message>(`/api/conversations/${id}/messages`, { method: 'POST', body: { text, clientMessageId, mediaId } });

export type TemplateChoice = NonNullable<AgentMessageInput['template']>;

/** After the 24-hour window only an approved template reaches the customer. */
export const sendTemplateMessage = (id: string, clientMessageId: string, template: TemplateChoice) =>
  api<Message>(`/api/conversations/${id}/messages`, { method: 'POST', body: { clientMessageId, template } });

export const listApprovedTemplates = (numberId: string, signal?: AbortSignal) => api<{ items: TemplateView[] }>('/api/templates', { query: { numberId, status: 'APPROVED' }, signal });
export const syncTemplates = (numberId: string) => api<{ items: TemplateView[] }>('/api/templates/sync', { method: 'POST', body: { numberId } });

export const acceptConversation = (id: string) => api<Conversation>(`/api/conversations/${id}/accept`, { method: 'POST' });
export const closeConversation = (id: string) => api<Conversation>(`/api/conversations/${id}/close`, { method: 'POST' });
export const reopenConversation = (id: string) => api<Conversation>(`/api/conversations/${id}/reopen`, { method: 'POST' });

export interface TransferInput {
  departmentId?: string;
  agentId?: string;
  note?: string;
}

export const transferConversation = (id: string, input: TransferInput) => api<Conversation>(`/api/conversations/${id}/transfer`, { method: 'POST', body: input });

export const markConversationRead = (id: string) => api<Conversation>(`/api/conversations/${id}/read`, { method: 'POST' });

export const sendTyping = (id: string) => api<void>(`/api/conversations/${id}/typing`, { method: 'POST' });

export const listAssignments = (id: string, signal?: AbortSignal) =>
  api<AssignmentRecord[] | { items: AssignmentRecord[] }>(`/api/conversations/${id}/assignments`, { signal }).then((data) => (Array.isArray(data) ? data : data.items));

export const listNotes = (id: string, signal?: AbortSignal) => api<Page<ConversationNote>>(`/api/conversations/${id}/notes`, { query: { limit: 200 }, signal });
export const addNote = (id: string, body: string) => api<ConversationNote>(`/api/conversations/${id}/notes`, { method: 'POST', body: { body } });

export const searchQuickReplies = (q: string, departmentId: string | null, signal?: AbortSignal) =>
  api<{ items: QuickReply[] }>('/api/quick-replies', { query: { q, departmentId }, signal });

const requestMedia = (mediaId: string, token: string | null, signal?: AbortSignal) =>
  fetch(`/api/media/${mediaId}`, { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal, credentials: 'same-origin' });

/**
 * Media bytes need the bearer token, which an <img src> cannot send: fetched here and shown as a
 * blob URL. An access token that expired while the chat was open is renewed once, as api() does.
 */
export async function fetchMediaBlob(mediaId: string, signal?: AbortSignal): Promise<Blob> {
  const usedToken = useSessionStore.getState().accessToken;
  let response = await requestMedia(mediaId, usedToken, signal);
  if (response.status === 401) {
    const current = useSessionStore.getState().accessToken;
    const token = current && current !== usedToken ? current : (await refreshSession()).accessToken;
    response = await requestMedia(mediaId, token, signal);
  }
  if (!response.ok) throw new Error(`media ${response.status}`);
  return response.blob();
}
