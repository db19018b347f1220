import type { Client } from '@temporalio/client';
import type { Prisma } from '../../prisma/client';
import type { ProviderEnv } from '../../activities/whatsapp/providerConfig';
import type { RequestContext } from '../auth/authenticate';
import { recordAudit } from '../audit/record';
import { closeConversation } from '../conversations/actions';
import { readFlowPosition } from '../conversations/flowPath';
import { AppError, notFound } from '../errors';
import { checkFlow } from './publishVersion';
import { findFlow } from './service';
import { testCustomerWaId } from './testCustomer';

/** Long enough for a testing session; afterwards the test customer meets the published flow again. */
const SIMULATION_TTL_MS = 2 * 60 * 60_000;

/** The number the test customer writes to: the one that runs this flow if any, else the company's first. */
async function sandboxNumber(ctx: RequestContext, flowId: string) {
  const numbers = await ctx.db.whatsAppNumber.findMany({ where: { active: true, provider: 'META' }, orderBy: { createdAt: 'asc' }, select: { id: true, phoneNumberId: true, displayPhoneNumber: true, name: true, flowId: true } });
  const number = numbers.find((n) => n.flowId === flowId) ?? numbers[0];
  if (!number) throw new AppError('UNPROCESSABLE', 'A empresa não tem um número de WhatsApp ativo no sandbox para o teste', { reason: 'NO_NUMBER' });
  return number;
}

/**
 * The test customer's next conversation runs a snapshot of the draft. Their open conversations are
 * closed first (through the workflow, like an agent would), because an open one keeps the version it
 * started on; one that ended meanwhile is simply left as it is.
 */
export async function startSimulation(ctx: RequestContext, temporal: Client, provider: ProviderEnv['WHATSAPP_PROVIDER'], flowId: string) {
  if (provider !== 'sandbox') throw new AppError('UNPROCESSABLE', 'O simulador só funciona com o sandbox do WhatsApp (WHATSAPP_PROVIDER=sandbox): com a API da Meta, o cliente de teste seria um número real', { reason: 'SANDBOX_ONLY' });
  const flow = await findFlow(ctx, flowId);
  const checked = await checkFlow(ctx.db, ctx.principal.companyId, flow.draft);
  if (!checked.ok) throw new AppError('UNPROCESSABLE', `O fluxo tem ${checked.problems.length} problema(s) a corrigir antes de testar`, { problems: checked.problems });
  const number = await sandboxNumber(ctx, flowId);
  const waId = testCustomerWaId(ctx.principal.userId);
  const simulation = await ctx.db.$transaction(async (tx) => {
    const created = await tx.flowSimulation.create({
      data: { companyId: ctx.principal.companyId, flowId, numberId: number.id, waId, definition: checked.flow as Prisma.InputJsonObject, createdById: ctx.principal.userId, expiresAt: new Date(Date.now() + SIMULATION_TTL_MS) },
    });
    await recordAudit(tx, ctx, { action: 'flow.simulate', entity: 'flow', entityId: flowId, metadata: { simulationId: created.id, waId } });
    return created;
  });
  const open = await ctx.db.conversation.findMany({ where: { contact: { waId }, status: { not: 'RESOLVED' } }, select: { id: true } });
  for (const conversation of open) {
    try {
      await closeConversation(ctx, temporal, conversation.id);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    }
  }
  return {
    simulationId: simulation.id,
    waId,
    expiresAt: simulation.expiresAt,
    phoneNumber: { id: number.id, phoneNumberId: number.phoneNumberId, displayPhoneNumber: number.displayPhoneNumber, name: number.name },
  };
}

/** The simulation's latest conversation and where its bot is; null fields until the test customer writes. */
export async function getSimulation(ctx: RequestContext, temporal: Client, flowId: string, simulationId: string) {
  const simulation = await ctx.db.flowSimulation.findFirst({ where: { id: simulationId, flowId }, select: { id: true, expiresAt: true } });
  if (!simulation) throw notFound('Simulação');
  const conversation = await ctx.db.conversation.findFirst({ where: { simulationId }, orderBy: { createdAt: 'desc' }, select: { id: true, status: true, flowState: true, variables: true } });
  const base = { simulationId, expiresAt: simulation.expiresAt };
  if (!conversation) return { ...base, conversationId: null, status: null, phase: null, nodeId: null, path: [], variables: {} };
  return { ...base, conversationId: conversation.id, status: conversation.status, ...(await readFlowPosition(temporal, conversation)) };
}
