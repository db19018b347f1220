import type { Role } from '../lib/types';

export const canViewUsers = (role: Role) => role === 'ADMIN' || role === 'SUPERVISOR';
export const canManageUsers = (role: Role) => role === 'ADMIN';
export const canManageDepartments = (role: Role) => role === 'ADMIN';
export const canReviewPasswordResets = (role: Role) => role === 'ADMIN';
/** Supervisors keep the team's canned answers current; admins too. */
export const canManageQuickReplies = (role: Role) => role === 'ADMIN' || role === 'SUPERVISOR';
export const canViewCompanySettings = (role: Role) => role === 'ADMIN' || role === 'SUPERVISOR';
export const canManageCompanySettings = (role: Role) => role === 'ADMIN';
/** Credentials of the company's integrations: only admins add, replace or remove them. */
export const canManageSecrets = (role: Role) => role === 'ADMIN';
/** Supervisors see which numbers exist and which flow answers each; only admins register or change them. */
export const canViewWhatsAppNumbers = (role: Role) => role === 'ADMIN' || role === 'SUPERVISOR';
export const canManageWhatsAppNumbers = (role: Role) => role === 'ADMIN';
/** Bots decide what every customer experiences first: supervisors and admins build and publish them. */
export const canManageFlows = (role: Role) => role === 'ADMIN' || role === 'SUPERVISOR';
