import { useMemo } from 'react';
import i18n from '../i18n';
import { useCurrentUser } from '../auth/sessionStore';
import { useDepartmentDirectory, useUserDirectory } from '../lib/directory';
import type { Department, DirectoryDepartment, DirectoryUser } from '../lib/types';
import { useDepartments } from '../settings/departments/useDepartments';

export type Person = DirectoryUser;

/** What the inbox shows of any department; the timeout is known only for the person's own departments. */
export interface DepartmentInfo extends DirectoryDepartment {
  responseTimeoutMinutes?: number;
}

/**
 * Names for the ids a conversation carries (assignee, message sender, department), from the
 * directories every role may read. `departments` stays the person's own (full) departments.
 */
export interface People {
  byId: Map<string, Person>;
  /** False until the directory has answered: an id missing before that is not yet known, not gone. */
  ready: boolean;
  departments: Department[];
  departmentsById: Map<string, DepartmentInfo>;
}

/** The directory lists active people only: an id it lacks belongs to someone deactivated since. */
export function personName(people: Pick<People, 'byId' | 'ready'>, id: string): string {
  return people.byId.get(id)?.name ?? (people.ready ? i18n.t('inbox.sender.former') : '…');
}

export function usePeople(): People {
  const me = useCurrentUser();
  const own = useDepartments();
  const users = useUserDirectory();
  const directory = useDepartmentDirectory();
  return useMemo(() => {
    const byId = new Map<string, Person>();
    for (const u of users.data ?? []) byId.set(u.id, u);
    if (!byId.has(me.id)) {
      byId.set(me.id, {
        id: me.id,
        name: me.name,
        role: me.role,
        status: me.status,
        maxConcurrentChats: me.maxConcurrentChats,
        departmentIds: me.departments.map((d) => d.id),
        openConversations: 0,
      });
    }
    const list = own.data ?? [];
    const departmentsById = new Map<string, DepartmentInfo>();
    for (const d of directory.data ?? []) departmentsById.set(d.id, d);
    for (const d of list) departmentsById.set(d.id, { id: d.id, name: d.name, color: d.color, responseTimeoutMinutes: d.responseTimeoutMinutes });
    return { byId, ready: users.isSuccess || users.isError, departments: list, departmentsById };
  }, [own.data, users.data, users.isSuccess, users.isError, directory.data, me]);
}
