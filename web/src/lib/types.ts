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

export interface Department extends DepartmentRef {
  greeting: string;
  responseTimeoutMinutes: number;
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
