import type { z } from 'zod';
import type { Prisma } from '../../prisma/client';
import type { RequestContext } from '../auth/authenticate';
import { notFound } from '../errors';
import { cursorArgs, pageOf } from '../http/pagination';
import { shownFieldsSchema, type listConversationsQuerySchema, type listMessagesQuerySchema } from './schemas';

/** Agents see their departments' conversations and those assigned to them; everyone else sees the company's. */
async function visibleTo(ctx: RequestContext): Promise<Prisma.ConversationWhereInput> {
  if (ctx.principal.role !== 'AGENT') return {};
  const memberships = await ctx.db.departmentMember.findMany({ where: { userId: ctx.principal.userId }, select: { departmentId: true } });
  return { OR: [{ departmentId: { in: memberships.map((m) => m.departmentId) } }, { assigneeId: ctx.principal.userId }] };
}

export const conversationSelect = {
  id: true,
  companyId: true,
  status: true,
  departmentId: true,
  assigneeId: true,
  unreadCount: true,
  flowState: true,
  queuedAt: true,
  timeoutAt: true,
  escalations: true,
  firstResponseAt: true,
  lastDepartmentId: true,
  lastAttendantId: true,
  lastAttendedAt: true,
  lastMessageAt: true,
  lastInboundAt: true,
  closedAt: true,
  variables: true,
  createdAt: true,
  number: { select: { id: true, displayPhoneNumber: true, name: true } },
  contact: { select: { id: true, waId: true, phone: true, name: true, profileName: true, tags: true, customFields: true } },
  // Timeline events (transfers, closing) are not what a conversation "last said".
  messages: { where: { type: { not: 'event' } }, orderBy: { createdAt: 'desc' }, take: 1, select: { id: true, direction: true, type: true, body: true, status: true, senderUserId: true, createdAt: true } },
} satisfies Prisma.ConversationSelect;

type Row = Prisma.ConversationGetPayload<{ select: typeof conversationSelect }>;
/** The one shape of a conversation for screens: REST answers and realtime events alike. */
export const toConversation = ({ messages, variables, contact, ...conversation }: Row) => ({
  ...conversation,
  variables: shownFieldsSchema.parse(variables),
  contact: { ...contact, customFields: shownFieldsSchema.parse(contact.customFields) },
  lastMessage: messages[0] ?? null,
});

export async function listConversations(ctx: RequestContext, query: z.infer<typeof listConversationsQuerySchema>) {
  const q = query.q?.trim();
  const rows = await ctx.db.conversation.findMany({
    where: {
      AND: [
        await visibleTo(ctx),
        query.status ? { status: { in: query.status } } : {},
        query.departmentId ? { departmentId: query.departmentId } : {},
        query.assigneeId ? { assigneeId: query.assigneeId === 'me' ? ctx.principal.userId : query.assigneeId } : {},
        query.numberId ? { numberId: query.numberId } : {},
        query.contactId ? { contactId: query.contactId } : {},
        query.from || query.to ? { createdAt: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lte: query.to } : {}) } } : {},
        q
          ? {
              OR: [
                { contact: { name: { contains: q, mode: 'insensitive' } } },
                { contact: { profileName: { contains: q, mode: 'insensitive' } } },
                { contact: { waId: { contains: q.replace(/\D/g, '') || q } } },
                { messages: { some: { body: { contains: q, mode: 'insensitive' } } } },
              ],
            }
          : {},
      ],
    },
    orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }],
    select: conversationSelect,
    ...cursorArgs(query),
  });
  const page = pageOf(rows, query.limit);
  return { ...page, items: page.items.map(toConversation) };
}

/**
 * `afterAction` reads without the agent's visibility rule: an agent who just transferred a conversation
 * out of their departments still gets its new state as the answer.
 */
export async function getConversation(ctx: RequestContext, id: string, afterAction = false) {
  const row = await ctx.db.conversation.findFirst({ where: { AND: [{ id }, afterAction ? {} : await visibleTo(ctx)] }, select: conversationSelect });
  if (!row) throw notFound('Conversa');
  return toConversation(row);
}

/** The company's WhatsApp numbers, for the inbox's number filter; every role may read them. */
export async function listNumbers(ctx: RequestContext) {
  const items = await ctx.db.whatsAppNumber.findMany({ where: { active: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true, displayPhoneNumber: true, name: true } });
  return { items };
}

/** Newest first, by cursor: the chat window loads older pages as the agent scrolls up. */
export async function listMessages(ctx: RequestContext, conversationId: string, query: z.infer<typeof listMessagesQuerySchema>) {
  await getConversation(ctx, conversationId);
  const rows = await ctx.db.message.findMany({
    where: { conversationId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    include: { media: { select: { id: true, mimeType: true, sizeBytes: true, fileName: true } } },
    ...cursorArgs(query),
  });
  return pageOf(rows, query.limit);
}

/** Who held the conversation, oldest first: the customer panel's history and the audit of hand-overs. */
export async function listAssignments(ctx: RequestContext, conversationId: string) {
  await getConversation(ctx, conversationId);
  const items = await ctx.db.assignment.findMany({ where: { conversationId }, orderBy: { startedAt: 'asc' } });
  return { items };
}

/** A department's waiting line, longest wait first, with how long each customer has waited. */
export async function departmentQueue(ctx: RequestContext, departmentId: string) {
  if (!(await ctx.db.department.findFirst({ where: { id: departmentId }, select: { id: true } }))) throw notFound('Departamento');
  if (ctx.principal.role === 'AGENT' && !(await ctx.db.departmentMember.findFirst({ where: { departmentId, userId: ctx.principal.userId } }))) throw notFound('Departamento');
  const rows = await ctx.db.conversation.findMany({ where: { departmentId, status: 'QUEUED' }, orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }], take: 500, select: conversationSelect });
  const now = Date.now();
  return { items: rows.map((row) => ({ ...toConversation(row), waitingSeconds: Math.floor((now - (row.queuedAt ?? row.createdAt).getTime()) / 1000) })) };
}
