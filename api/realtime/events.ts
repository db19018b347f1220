/** What the server pushes to browsers. Rooms decide who hears it; see api/realtime/gateway.ts. */
export interface RealtimeEvent {
  type: 'message.new' | 'message.updated' | 'message.status' | 'conversation.updated';
  companyId: string;
  conversationId: string;
  departmentId: string | null;
  payload: Record<string, unknown>;
}

export type Publish = (event: RealtimeEvent) => void;
