/** What the server pushes to browsers. Rooms decide who hears it; see api/realtime/gateway.ts. */
export interface RealtimeEvent {
  type:
    | 'message.new'
    | 'message.updated'
    | 'message.status'
    | 'conversation.created'
    | 'conversation.updated'
    | 'conversation.assigned'
    | 'conversation.transferred'
    | 'conversation.closed'
    | 'conversation.escalated'
    | 'note.new'
    | 'typing'
    | 'presence.updated';
  companyId: string;
  /** Null for events about people rather than a conversation (presence). */
  conversationId: string | null;
  departmentId: string | null;
  /** Users who must hear it even outside the department's room (the assignee, the previous one). */
  userIds?: string[];
  payload: Record<string, unknown>;
}

export type Publish = (event: RealtimeEvent) => void;
