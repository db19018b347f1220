import { ApplicationFailure } from '@temporalio/activity';
import { openingState } from '../api/departments/businessHours';
import { businessHoursSchema } from '../api/departments/schemas';
import { Prisma, type AssignmentReason, type AssignmentStrategy } from '../prisma/client';
import { publishConversation } from './conversationEvents';
import type { ActivityDeps } from './deps';
import { onPool, readRoutingRow, writeAssigned, writeEscalated, writeQueued, writeResolved, type RoutingRow } from './routingRows';

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
  /** When the queue escalates, counted from when the conversation entered it (out-of-hours time excluded); null once it has escalated as often as it may. */
  escalateInMs: number | null;
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
const nameIn = (row: RoutingRow) => (id: string | null | undefined) => (id && row.names[id]) || 'alguém';
/** The partial unique index allows one open conversation per contact. */
const anotherOpen = (error: unknown) => {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === '23505' && constraint === 'Conversation_one_open_per_contact';
};

export function createRoutingActivities({ db, sql, notify, minuteMs = 60_000 }: ActivityDeps) {
  const run = onPool(sql);
  const departmentOf = (row: RoutingRow) => {
    if (!row.department) throw new Error(`department of conversation ${row.id} not found`);
    return row.department;
  };

  return {
    async queueInDepartment(input: QueueInput): Promise<QueueResult> {
      const previous = await readRoutingRow(sql, input.conversationId, input.departmentId, [input.byUserId], input.stepId);
      const department = departmentOf(previous);
      const now = Date.now();
      if (previous.stepDone) {
        // Queued by this very step already (a retry, or a run that continued as new): its deadline
        // stands as the escalations left it, and the customer has heard about the hours once.
        await publishConversation({ db, notify }, input.conversationId);
        return {
          escalateInMs: previous.timeoutAt === null ? null : Math.max(0, previous.timeoutAt - now),
          timeoutMs: department.responseTimeoutMinutes * minuteMs,
          outOfHours: false,
          strategy: department.assignmentStrategy,
          maxEscalations: department.maxEscalations,
        };
      }
      const opening = openingState(businessHoursSchema.parse(department.businessHours), new Date(now));
      const timeoutAt = now + (opening.open ? 0 : opening.opensInMs) + department.responseTimeoutMinutes * minuteMs;
      const line =
        input.reason === 'TRANSFERRED'
          ? { kind: 'transfer', text: withNote(`${nameIn(previous)(input.byUserId)} transferiu para ${department.name}`, input.note) }
          : input.reason === 'ESCALATED'
            ? { kind: 'escalation', text: `Ninguém aceitou a tempo: encaminhada para ${department.name}` }
            : null;
      await writeQueued(run, previous, {
        stepId: input.stepId,
        departmentId: department.id,
        reason: input.reason,
        byUserId: input.byUserId,
        note: input.note,
        line,
        queuedAt: now,
        timeoutAt,
      });
      await publishConversation({ db, notify }, input.conversationId, input.reason === 'TRANSFERRED' ? 'conversation.transferred' : 'conversation.updated', previous.assigneeId ? [previous.assigneeId] : []);
      return {
        escalateInMs: Math.max(0, timeoutAt - now),
        timeoutMs: department.responseTimeoutMinutes * minuteMs,
        outOfHours: !opening.open,
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
      const conversation = await readRoutingRow(sql, input.conversationId, input.departmentId);
      const department = departmentOf(conversation);
      const agentId = await db.$transaction(async (tx) => {
        const done = await tx.assignment.findUnique({ where: { id: input.stepId }, select: { agentId: true } });
        if (done) return done.agentId;
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${conversation.companyId}))`;
        const prefer = input.preferAgentId ?? null;
        const byStrategy = department.assignmentStrategy === 'LEAST_BUSY' ? Prisma.sql`count(c.id), u."lastAssignedAt" NULLS FIRST` : Prisma.sql`u."lastAssignedAt" NULLS FIRST`;
        // Read after the lock: the conversation may have been accepted or moved meanwhile.
        const [chosen] = await tx.$queryRaw<{ id: string }[]>`
          SELECT u.id FROM "DepartmentMember" m
          JOIN "User" u ON u.id = m."userId"
          LEFT JOIN "Conversation" c ON c."assigneeId" = u.id AND c.status = 'ASSIGNED'
          WHERE m."departmentId" = ${department.id}::uuid AND u.active AND u.status = 'ONLINE'
            AND (${department.assignmentStrategy}::text <> 'MANUAL' OR u.id = ${prefer}::uuid)
            AND EXISTS (SELECT 1 FROM "Conversation" q WHERE q.id = ${conversation.id}::uuid AND q.status = 'QUEUED' AND q."departmentId" = ${department.id}::uuid)
          GROUP BY u.id
          HAVING count(c.id) < u."maxConcurrentChats"
          ORDER BY (u.id = ${prefer}::uuid) IS TRUE DESC, ${byStrategy}
          LIMIT 1`;
        if (!chosen) return null;
        await writeAssigned((text, params) => tx.$executeRawUnsafe(text, ...params), conversation, { stepId: input.stepId, departmentId: department.id, agentId: chosen.id, reason: 'AUTO' });
        return chosen.id;
      });
      if (agentId) await publishConversation({ db, notify }, conversation.id, 'conversation.assigned', [agentId]);
      return { agentId };
    },

    async assignConversation(input: AssignInput) {
      const previous = await readRoutingRow(sql, input.conversationId, input.departmentId ?? null, [input.agentId, input.byUserId]);
      const who = nameIn(previous);
      const departmentId = input.departmentId ?? previous.departmentId;
      const department = departmentId ? previous.department : null;
      const timeline: Record<AssignInput['reason'], string | null> = {
        ACCEPTED: null,
        ASSIGNED: `${who(input.byUserId)} atribuiu a ${who(input.agentId)}`,
        TRANSFERRED: withNote(`${who(input.byUserId)} transferiu para ${who(input.agentId)}${department ? ` (${department.name})` : ''}`, input.note),
        REOPENED: `${who(input.agentId)} reabriu a conversa`,
      };
      const text = timeline[input.reason];
      try {
        await writeAssigned(run, previous, {
          stepId: input.stepId,
          departmentId,
          agentId: input.agentId,
          reason: input.reason,
          byUserId: input.byUserId,
          note: input.note,
          line: text ? { kind: input.reason.toLowerCase(), text, byUserId: input.byUserId ?? input.agentId } : null,
        });
      } catch (error) {
        // A reopening must not make two open conversations of one customer.
        if (input.reason === 'REOPENED' && anotherOpen(error)) throw ApplicationFailure.nonRetryable('O cliente já tem outra conversa aberta: continue por ela', 'AnotherConversationOpen');
        throw error;
      }
      const type = input.reason === 'TRANSFERRED' ? 'conversation.transferred' : 'conversation.assigned';
      await publishConversation({ db, notify }, input.conversationId, type, [input.agentId, ...(previous.assigneeId ? [previous.assigneeId] : [])]);
    },

    /** Nobody accepted in time: supervisors hear of it, and the department may send it elsewhere. */
    async escalateConversation(input: Step & { departmentId: string; level: number }): Promise<{ moveToDepartmentId: string | null }> {
      const conversation = await readRoutingRow(sql, input.conversationId, input.departmentId);
      const department = departmentOf(conversation);
      const target = department.escalationDepartmentId
        ? await db.department.findFirst({ where: { id: department.escalationDepartmentId, active: true, NOT: { id: department.id } }, select: { id: true } })
        : null;
      const last = input.level >= department.maxEscalations;
      await writeEscalated(run, conversation, {
        stepId: input.stepId,
        line: { kind: 'escalation', text: `Sem resposta em ${department.responseTimeoutMinutes} min na fila de ${department.name}: supervisores avisados` },
        nextTimeoutAt: target || last ? null : Date.now() + department.responseTimeoutMinutes * minuteMs,
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
      const conversation = await readRoutingRow(sql, input.conversationId, null, [input.byUserId]);
      const text = { AGENT: `${nameIn(conversation)(input.byUserId)} encerrou a conversa`, INACTIVITY: 'Encerrada por falta de interação', FLOW: 'O bot encerrou a conversa' }[input.reason];
      await writeResolved(run, conversation, { stepId: input.stepId, line: { kind: `closed.${input.reason.toLowerCase()}`, text, byUserId: input.byUserId } });
      await publishConversation({ db, notify }, conversation.id, 'conversation.closed', conversation.assigneeId ? [conversation.assigneeId] : []);
    },
  };
}

export type RoutingActivities = ReturnType<typeof createRoutingActivities>;
