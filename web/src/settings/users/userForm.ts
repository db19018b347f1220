import i18n from '../../i18n';
import type { Role, User } from '../../lib/types';
import * as rules from '../../lib/validation';
import type { UserChanges } from './useUsers';

export interface UserFormValues {
  name: string;
  email: string;
  password: string;
  role: Role;
  maxConcurrentChats: string;
  departmentIds: string[];
}

export const USER_FIELDS = ['name', 'email', 'password', 'role', 'maxConcurrentChats', 'departmentIds'] as const;

export function initialValues(user: User | null): UserFormValues {
  return {
    name: user?.name ?? '',
    email: user?.email ?? '',
    password: '',
    role: user?.role ?? 'AGENT',
    maxConcurrentChats: String(user?.maxConcurrentChats ?? 5),
    departmentIds: user?.departments.map((d) => d.id) ?? [],
  };
}

/** The same limits as the API's createUserSchema / updateUserSchema. */
export function validate(values: UserFormValues, creating: boolean): Record<string, string> {
  return rules.collect({
    name: rules.requiredText(values.name, 2, 120),
    email: rules.email(values.email),
    password: creating || values.password ? rules.password(values.password) : null,
    maxConcurrentChats: rules.integerBetween(values.maxConcurrentChats, 1, 100),
    departmentIds: values.departmentIds.length > 100 ? i18n.t('validation.maxItems', { count: 100 }) : null,
  });
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

/** On create, every field; on edit, only what changed, so an untouched role never trips the last-admin rule. */
export function toChanges(values: UserFormValues, original: User | null): UserChanges {
  const next = {
    name: values.name.trim(),
    email: values.email.trim().toLowerCase(),
    role: values.role,
    maxConcurrentChats: Number(values.maxConcurrentChats),
    departmentIds: values.departmentIds,
  };
  if (!original) return { ...next, password: values.password };
  const changes: UserChanges = {};
  if (next.name !== original.name) changes.name = next.name;
  if (next.email !== original.email) changes.email = next.email;
  if (next.role !== original.role) changes.role = next.role;
  if (next.maxConcurrentChats !== original.maxConcurrentChats) changes.maxConcurrentChats = next.maxConcurrentChats;
  if (!sameSet(next.departmentIds, original.departments.map((d) => d.id))) changes.departmentIds = next.departmentIds;
  if (values.password) changes.password = values.password;
  return changes;
}
