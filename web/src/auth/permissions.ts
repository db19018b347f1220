import type { Role } from '../lib/types';

export const canViewUsers = (role: Role) => role === 'ADMIN' || role === 'SUPERVISOR';
export const canManageUsers = (role: Role) => role === 'ADMIN';
export const canManageDepartments = (role: Role) => role === 'ADMIN';
export const canReviewPasswordResets = (role: Role) => role === 'ADMIN';
