import type { Prisma } from '../../prisma/client';

/** The columns of a user any API answer may show: never the password hash. */
export const publicUserSelect = {
  id: true,
  companyId: true,
  name: true,
  email: true,
  role: true,
  status: true,
  maxConcurrentChats: true,
  active: true,
  mustChangePassword: true,
  lastLoginAt: true,
  createdAt: true,
  memberships: { select: { department: { select: { id: true, name: true, slug: true, color: true } } } },
} satisfies Prisma.UserSelect;

type SelectedUser = Prisma.UserGetPayload<{ select: typeof publicUserSelect }>;

export function toPublicUser({ memberships, ...user }: SelectedUser) {
  return { ...user, departments: memberships.map((m) => m.department) };
}

export type PublicUser = ReturnType<typeof toPublicUser>;
