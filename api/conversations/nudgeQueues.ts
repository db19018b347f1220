import type { Client } from '@temporalio/client';
import type { ScopedDb } from '../db/scoped';
import { agentAvailableSignal, conversationWorkflowId } from '../../workflows/conversation';

/** Enough waiting conversations to fill the slots one agent may have freed. */
const NUDGE_LIMIT = 20;

/**
 * An agent came online or freed a slot: the oldest conversations waiting in the agent's departments'
 * automatic queues try to assign again. Best effort: a conversation that just left the queue ignores it.
 */
export async function nudgeQueues(temporal: Client, db: ScopedDb, who: { userId: string }) {
  const departments = await db.department.findMany({ where: { assignmentStrategy: { not: 'MANUAL' }, members: { some: { userId: who.userId } } }, select: { id: true } });
  if (departments.length === 0) return;
  const waiting = await db.conversation.findMany({
    where: { status: 'QUEUED', departmentId: { in: departments.map((d) => d.id) } },
    orderBy: { queuedAt: 'asc' },
    take: NUDGE_LIMIT,
    select: { id: true },
  });
  await Promise.allSettled(waiting.map((c) => temporal.workflow.getHandle(conversationWorkflowId(c.id)).signal(agentAvailableSignal)));
}
