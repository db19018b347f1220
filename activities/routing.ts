import { ApplicationFailure } from '@temporalio/activity';
import { openingState } from '../api/departments/businessHours';
import { businessHoursSchema } from '../api/departments/schemas';
import { Prisma, type AssignmentReason, type AssignmentStrategy } from '../prisma/client';
import { publishConversation, recordTimelineEvent } from './conversationEvents';
import type { ActivityDeps } from './deps';
import { readQueueRow, writeQueued } from './queueRows';

/**
 * Every routing write names its step with an id the workflow made: the Assignment row (and any
 * timeline event) carries it, so a retried activity recognises its own work and does not repeat it.
 */
interface Step {
  conversationId: string;
  stepId: string;
}

export interface QueueInput extends Step {
  departmentId: string;
  reason: Extract<AssignmentReason, 'ROUTED' | 'TRANSFERRED' | 'ESCALATED'>;
  byUserId?: string;
  note?: string;
}

export interface QueueResult {
  /** When the queue escalates, counted from when the conversation entered it (out-of-hours time excluded). */
  escalateInMs: number;
  /** The department's response timeout, for the escalations after the first. */
  timeoutMs: number;
  /** Closed now, and the conversation has just arrived: the customer is told once, not on every retry. */
  outOfHours: boolean;
  strategy: AssignmentStrategy;
  maxEscalations: number;
}

export interface AssignInput extends Step {
  agentId: string;
  reason: Extract<AssignmentReason, 'ACCEPTED' | 'ASSIGNED' | 'TRANSFERRED' | 'REOPENED'>;
  departmentId?: string | null;
  byUserId?: string;
  note?: string;
}

const withNote = (text: string, note?: string | null) => (note ? `${text}: “${note}”` : text);

export function createRoutingActivities({ db, sql, notify, minuteMs = 60_000 }: ActivityDeps) {
  const names = async (ids: (string | null | undefined)[]) => {
    const users = await db.user.findMany({ where: { id: { in: ids.filter((id): id is string => !!id) } }, select: { id: true, name: true } });
    return (id: string | null | undefined) => users.find((u) => u.id === id)?.name ?? 'alguém';
  };
  /** Closes whoever held the conversation and opens the new holder's row, unless this step already did. */
  async function handOver(tx: Prisma.TransactionClient, conversation: { id: string; companyId: string }, step: { id: string; departmentId: string | null; agentId: string | null; reason: AssignmentReason; byUserId?: string; note?: string }) {
    if (await tx.assignment.findUnique({ where: { id: step.id } })) return false;
    await tx.assignment.updateMany({ where: { conversationId: conversation.id, endedAt: null }, data: { endedAt: new Date() } });
    await tx.assignment.create({
      data: { id: step.id, companyId: conversation.companyId, conversationId: conversation.id, departmentId: step.departmentId, agentId: step.agentId, byUserId: step.byUserId ?? null, reason: step.reason, note: step.note ?? null },
    });
    return true;
  }

  return {
    async queueInDepartment(input: QueueInput): Promise<QueueResult> {
      const previous = await readQueueRow(sql, input.conversationId, input.departmentId, input.byUserId);
      const { department } = previous;
      const now = Date.now();
      const stillHere = previous.status === 'QUEUED' && previous.departmentId === input.departmentId && previous.timeoutAt !== null;
      const opening = openingState(businessHoursSchema.parse(department.businessHours), new Date(now));
      const timeoutAt = stillHere ? previous.timeoutAt! : now + (opening.open ? 0 : opening.opensInMs) + department.responseTimeoutMinutes * minuteMs;
      const event =
        input.reason === 'TRANSFERRED'
          ? { kind: 'transfer', text: withNote(`${previous.byUserName ?? 'alguém'} transferiu para ${department.name}`, input.note) }
          : input.reason === 'ESCALATED'
            ? { kind: 'escalation', text: `Ninguém aceitou a tempo: encaminhada para ${department.name}` }
            : undefined;
      await writeQueued(sql, {
        conversationId: input.conversationId,
        stepId: input.stepId,
        companyId: previous.companyId,
        numberId: previous.numberId,
        departmentId: department.id,
        reason: input.reason,
        byUserId: input.byUserId,
        note: input.note,
        event,
        queuedAt: stillHere && previous.queuedAt !== null ? previous.queuedAt : now,
        timeoutAt,
      });
      await publishConversation({ db, notify }, input.conversationId, input.reason === 'TRANSFERRED' ? 'conversation.transferred' : 'conversation.updated', previous.assigneeId ? [previous.assigneeId] : []);
      return {
        escalateInMs: Math.max(0, timeoutAt - now),
        timeoutMs: department.responseTimeoutMinutes * minuteMs,
        outOfHours: !opening.open && !stillHere,
        strategy: department.assignmentStrategy,
        maxEscalations: department.maxEscalations,
      };
    },

    /**
     * Picks an ONLINE member with room: the preferred agent (a returning customer's last attendant) if
     * possible, otherwise by the department's strategy. Agents are counted under one lock per company
     * so two conversations cannot both take an agent's last free slot.
     */
    async autoAssign(input: Step & { departmentId: string; preferAgentId?: string | null }): Promise<{ agentId: string | null }> {
      const conversation = await db.conversation.findUniqueOrThrow({ where: { id: input.conversationId } });
      const department = await db.department.findUniqueOrThrow({ where: { id: input.departmentId } });
      const agentId = await db.$transaction(async (tx) => {
        const done = await tx.assignment.findUnique({ where: { id: input.stepId } });
        if (done) return done.agentId;
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${conversation.companyId}))`;
        const current = await tx.conversation.findUniqueOrThrow({ where: { id: input.conversationId } });
        if (current.status !== 'QUEUED' || current.departmentId !== department.id) return null;
        const prefer = input.preferAgentId ?? null;
        const byStrategy = department.assignmentStrategy === 'LEAST_BUSY' ? Prisma.sql`count(c.id), u."lastAssignedAt" NULLS FIRST` : Prisma.sql`u."lastAssignedAt" NULLS FIRST`;
        const [chosen] = await tx.$queryRaw<{ id: string }[]>`
          SELECT u.id FROM "DepartmentMember" m
          JOIN "User" u ON u.id = m."userId"
          LEFT JOIN "Conversation" c ON c."assigneeId" = u.id AND c.status = 'ASSIGNED'
          WHERE m."departmentId" = ${department.id}::uuid AND u.active AND u.status = 'ONLINE'
            AND (${department.assignmentStrategy}::text <> 'MANUAL' OR u.id = ${prefer}::uuid)
          GROUP BY u.id
          HAVING count(c.id) < u."maxConcurrentChats"
          ORDER BY (u.id = ${prefer}::uuid) IS TRUE DESC, ${byStrategy}
          LIMIT 1`;
        if (!chosen) return null;
        await handOver(tx, conversation, { id: input.stepId, departmentId: department.id, agentId: chosen.id, reason: 'AUTO' });
        await tx.conversation.update({ where: { id: conversation.id }, data: { status: 'ASSIGNED', assigneeId: chosen.id, flowState: 'ASSIGNED', timeoutAt: null } });
        await tx.user.update({ where: { id: chosen.id }, data: { lastAssignedAt: new Date() } });
        return chosen.id;
      });
      if (agentId) await publishConversation({ db, notify }, conversation.id, 'conversation.assigned', [agentId]);
      return { agentId };
    },

    async assignConversation(input: AssignInput) {
      const previous = await db.conversation.findUniqueOrThrow({ where: { id: input.conversationId } });
      const departmentId = input.departmentId ?? previous.departmentId;
      const department = departmentId ? await db.department.findUnique({ where: { id: departmentId }, select: { name: true } }) : null;
      const who = await names([input.agentId, input.byUserId]);
      const timeline: Record<AssignInput['reason'], string | null> = {
        ACCEPTED: null,
        ASSIGNED: `${who(input.byUserId)} atribuiu a ${who(input.agentId)}`,
        TRANSFERRED: withNote(`${who(input.byUserId)} transferiu para ${who(input.agentId)}${department ? ` (${department.name})` : ''}`, input.note),
        REOPENED: `${who(input.agentId)} reabriu a conversa`,
      };
      try {
        await db.$transaction(async (tx) => {
          const fresh = await handOver(tx, previous, { id: input.stepId, departmentId, agentId: input.agentId, reason: input.reason, byUserId: input.byUserId, note: input.note });
          if (!fresh) return;
          const text = timeline[input.reason];
          if (text) await recordTimelineEvent(tx, previous, { id: input.stepId, kind: input.reason.toLowerCase(), byUserId: input.byUserId ?? input.agentId, text });
          await tx.conversation.update({
            where: { id: input.conversationId },
            data: {
              status: 'ASSIGNED',
              assigneeId: input.agentId,
              departmentId,
              flowState: 'ASSIGNED',
              timeoutAt: null,
              ...(input.reason === 'ACCEPTED' ? { unreadCount: 0 } : {}),
              ...(input.reason === 'REOPENED' ? { closedAt: null } : {}),
            },
          });
          await tx.user.update({ where: { id: input.agentId }, data: { lastAssignedAt: new Date() } });
        });
      } catch (error) {
        // The partial unique index allows one open conversation per contact: a reopening must not make two.
        if (input.reason === 'REOPENED' && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          throw ApplicationFailure.nonRetryable('O cliente já tem outra conversa aberta: continue por ela', 'AnotherConversationOpen');
        }
        throw error;
      }
      const type = input.reason === 'TRANSFERRED' ? 'conversation.transferred' : 'conversation.assigned';
      await publishConversation({ db, notify }, input.conversationId, type, [input.agentId, ...(previous.assigneeId ? [previous.assigneeId] : [])]);
    },

    /** Nobody accepted in time: supervisors hear of it, and the department may send it elsewhere. */
    async escalateConversation(input: Step & { departmentId: string; level: number }): Promise<{ moveToDepartmentId: string | null }> {
      const conversation = await db.conversation.findUniqueOrThrow({ where: { id: input.conversationId } });
      const department = await db.department.findUniqueOrThrow({ where: { id: input.departmentId } });
      const target = department.escalationDepartmentId
        ? await db.department.findFirst({ where: { id: department.escalationDepartmentId, active: true, NOT: { id: department.id } }, select: { id: true } })
        : null;
      const last = input.level >= department.maxEscalations;
      await db.$transaction(async (tx) => {
        if (await tx.message.findUnique({ where: { id: input.stepId } })) return;
        await recordTimelineEvent(tx, conversation, { id: input.stepId, kind: 'escalation', text: `Sem resposta em ${department.responseTimeoutMinutes} min na fila de ${department.name}: supervisores avisados` });
        await tx.conversation.update({
          where: { id: conversation.id },
          data: { escalations: { increment: 1 }, timeoutAt: target || last ? null : new Date(Date.now() + department.responseTimeoutMinutes * minuteMs) },
        });
      });
      await publishConversation({ db, notify }, conversation.id, 'conversation.escalated');
      return { moveToDepartmentId: target?.id ?? null };
    },

    /**
     * When the conversation last had a message either way (timeline events aside): the customer's
     * messages to an attended conversation are stored without waking its workflow, so its
     * inactivity clock reads them here.
     */
    async lastMessageTime(input: { conversationId: string }): Promise<number | null> {
      const last = await db.message.findFirst({ where: { conversationId: input.conversationId, type: { not: 'event' } }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
      return last ? last.createdAt.getTime() : null;
    },

    async resolveConversation(input: Step & { reason: 'AGENT' | 'INACTIVITY' | 'FLOW'; byUserId?: string }) {
      const conversation = await db.conversation.findUniqueOrThrow({ where: { id: input.conversationId } });
      const who = await names([input.byUserId]);
      const text = { AGENT: `${who(input.byUserId)} encerrou a conversa`, INACTIVITY: 'Encerrada por falta de interação', FLOW: 'O bot encerrou a conversa' }[input.reason];
      await db.$transaction(async (tx) => {
        await tx.assignment.updateMany({ where: { conversationId: conversation.id, endedAt: null }, data: { endedAt: new Date() } });
        await recordTimelineEvent(tx, conversation, { id: input.stepId, kind: `closed.${input.reason.toLowerCase()}`, byUserId: input.byUserId, text });
        await tx.conversation.update({ where: { id: conversation.id }, data: { status: 'RESOLVED', flowState: 'RESOLVED', timeoutAt: null, closedAt: conversation.closedAt ?? new Date() } });
      });
      await publishConversation({ db, notify }, conversation.id, 'conversation.closed', conversation.assigneeId ? [conversation.assigneeId] : []);
    },
  };
}

export type RoutingActivities = ReturnType<typeof createRoutingActivities>;
