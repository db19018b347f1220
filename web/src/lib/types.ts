export const roles = ['ADMIN', 'SUPERVISOR', 'AGENT', 'VIEWER'] as const;
export type Role = (typeof roles)[number];

export const presences = ['ONLINE', 'AWAY', 'OFFLINE'] as const;
export type Presence = (typeof presences)[number];

export interface DepartmentRef {
  id: string;
  name: string;
  slug: string;
  color: string;
}

export interface User {
  id: string;
  companyId: string;
  name: string;
  email: string;
  role: Role;
  status: Presence;
  maxConcurrentChats: number;
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  departments: DepartmentRef[];
}

export interface Company {
  id: string;
  name: string;
  slug: string;
}

export interface SessionResponse {
  accessToken: string;
  expiresIn: number;
  user: User;
}

export interface MeResponse {
  user: User;
  company: Company;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export interface TimeInterval {
  start: string;
  end: string;
}

export interface BusinessHours {
  timezone: string;
  days: Partial<Record<Weekday, TimeInterval[]>>;
}

export interface DepartmentMember {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: Presence;
  active: boolean;
}

export const assignmentStrategies = ['MANUAL', 'ROUND_ROBIN', 'LEAST_BUSY'] as const;
export type AssignmentStrategy = (typeof assignmentStrategies)[number];

export interface Department extends DepartmentRef {
  greeting: string;
  responseTimeoutMinutes: number;
  assignmentStrategy: AssignmentStrategy;
  /** Where an unanswered conversation goes after the timeout; null keeps it and only alerts supervisors. */
  escalationDepartmentId: string | null;
  maxEscalations: number;
  businessHours: BusinessHours;
  active: boolean;
  createdAt: string;
  members: DepartmentMember[];
}

export type PasswordResetStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'EXPIRED';

export interface PasswordResetRequest {
  id: string;
  status: PasswordResetStatus;
  createdAt: string;
  user: { id: string; name: string; email: string; role: Role };
}

export interface PasswordResetDecision {
  status: 'APPROVED' | 'REJECTED';
  temporaryPassword: string | null;
}

export const conversationStatuses = ['BOT', 'QUEUED', 'ASSIGNED', 'RESOLVED'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

export type MessageDirection = 'INBOUND' | 'OUTBOUND';
export type MessageStatus = 'RECEIVED' | 'QUEUED' | 'SENT' | 'DELIVERED' | 'READ' | 'FAILED' | 'UNKNOWN';

export interface MessagePreview {
  id: string;
  direction: MessageDirection;
  type: string;
  body: string | null;
  status: MessageStatus;
  /** Outbound: the agent who wrote it; null is the bot. */
  senderUserId?: string | null;
  createdAt: string;
}

export interface Conversation {
  id: string;
  status: ConversationStatus;
  departmentId: string | null;
  assigneeId: string | null;
  unreadCount: number;
  lastMessageAt: string;
  lastInboundAt: string | null;
  closedAt: string | null;
  createdAt: string;
  number: { id: string; displayPhoneNumber: string; name: string | null };
  contact: {
    id: string;
    waId: string;
    phone: string;
    name: string | null;
    profileName: string | null;
    tags: string[];
    /** Label → text; values that are not text were left out or written as text by the server. */
    customFields: Record<string, string>;
  };
  /** What the bot captured in this conversation ({"cpf": "12345678909"}), label → text. */
  variables: Record<string, string>;
  lastMessage: MessagePreview | null;
  // Being added to the API: optional until every server sends them.
  flowState?: string;
  queuedAt?: string | null;
  timeoutAt?: string | null;
  escalations?: number;
  firstResponseAt?: string | null;
  lastDepartmentId?: string | null;
  lastAttendantId?: string | null;
}

export type WhatsAppNumberRef = Conversation['number'];

export interface MediaRef {
  id: string;
  mimeType: string;
  sizeBytes: number | null;
  fileName: string | null;
}

export interface Message {
  id: string;
  conversationId?: string;
  direction: MessageDirection;
  /** WhatsApp's types, plus `event` for timeline steps (transfers, escalations) that never went to WhatsApp. */
  type: string;
  body: string | null;
  content: Record<string, unknown> | null;
  media: MediaRef | null;
  status: MessageStatus;
  waMessageId?: string | null;
  errorCode: number | null;
  errorMessage: string | null;
  /** Outbound: the agent who wrote it; null is the bot. */
  senderUserId: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
}

export interface ConversationNote {
  id: string;
  body: string;
  createdAt: string;
  /** Null only if the author's row is gone (edited by hand): users are deactivated, never deleted. */
  author: { id: string; name: string } | null;
}

export interface QuickReply {
  id: string;
  shortcut: string;
  title: string;
  body: string;
  departmentId: string | null;
  createdAt?: string;
  updatedAt?: string;
}

/** GET /api/users/directory: every active person, readable by every role (names, presence, load). */
export interface DirectoryUser {
  id: string;
  name: string;
  role: Role;
  status: Presence;
  maxConcurrentChats: number;
  departmentIds: string[];
  openConversations: number;
}

/** GET /api/departments/directory: every department of the company, for agents too (transfer targets). */
export interface DirectoryDepartment {
  id: string;
  name: string;
  color: string;
}

export interface CompanySettings {
  agentMessagePrefix: boolean;
  inactivityCloseMinutes: number;
  inactivityCloseText: string;
  outOfHoursText: string;
  returningCustomerDays: number;
  /** An OpenAI-compatible API for the flows' AI blocks; null keeps them off. */
  aiBaseUrl: string | null;
  aiModel: string;
  /** Name of the company secret holding the API key. */
  aiApiKeySecret: string | null;
}

export interface AssignmentRecord {
  id: string;
  departmentId: string | null;
  agentId: string | null;
  byUserId: string | null;
  reason: string;
  note: string | null;
  startedAt: string;
  endedAt: string | null;
}
