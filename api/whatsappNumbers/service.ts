import { z } from 'zod';
import { Prisma } from '../../prisma/client';
import type { RequestContext } from '../auth/authenticate';
import { recordAudit } from '../audit/record';
import { AppError, notFound, validationError } from '../errors';
import { checkIdentity, providers, type CreateNumberInput, type UpdateNumberInput } from './schemas';

const numberSelect = {
  id: true,
  name: true,
  displayPhoneNumber: true,
  phoneNumberId: true,
  wabaId: true,
  provider: true,
  throughputPerSecond: true,
  flowId: true,
  active: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { conversations: true } },
} satisfies Prisma.WhatsAppNumberSelect;

type Row = Prisma.WhatsAppNumberGetPayload<{ select: typeof numberSelect }>;
const toNumber = ({ _count, ...number }: Row) => ({ ...number, conversationCount: _count.conversations });

/**
 * phoneNumberId is unique across every company (a webhook names only it), so the clash may be with a
 * number this company cannot see; the message says so without naming the other company.
 */
function takenPhoneNumberId(error: unknown) {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    return new AppError('CONFLICT', 'Este ID já está cadastrado no Orquestra, nesta ou em outra empresa', { field: 'phoneNumberId', reason: 'PHONE_NUMBER_ID_TAKEN' });
  }
  return error;
}

/**
 * Number.flowId has no foreign key, so the company's ownership is checked here; a flow never published
 * would not answer (the company's default does until it is), so the admin is told instead.
 */
async function assertPublishedFlow(ctx: RequestContext, flowId: string | null | undefined) {
  if (!flowId) return;
  const flow = await ctx.db.flow.findFirst({ where: { id: flowId }, select: { publishedVersionId: true } });
  if (!flow) throw new AppError('UNPROCESSABLE', 'O fluxo escolhido não existe', { field: 'flowId' });
  if (!flow.publishedVersionId) throw new AppError('UNPROCESSABLE', 'Publique o fluxo antes de ligá-lo a um número', { field: 'flowId' });
}

async function findNumber(ctx: RequestContext, id: string) {
  const number = await ctx.db.whatsAppNumber.findFirst({ where: { id }, select: numberSelect });
  if (!number) throw notFound('Número');
  return number;
}

export async function listNumbers(ctx: RequestContext) {
  const rows = await ctx.db.whatsAppNumber.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: numberSelect });
  return { items: rows.map(toNumber) };
}

export async function createNumber(ctx: RequestContext, input: CreateNumberInput) {
  await assertPublishedFlow(ctx, input.flowId);
  try {
    const row = await ctx.db.$transaction(async (tx) => {
      const created = await tx.whatsAppNumber.create({ data: { companyId: ctx.principal.companyId, ...input }, select: numberSelect });
      await recordAudit(tx, ctx, { action: 'number.create', entity: 'whatsAppNumber', entityId: created.id, metadata: { name: input.name, phoneNumberId: input.phoneNumberId, provider: input.provider } });
      return created;
    });
    return toNumber(row);
  } catch (error) {
    throw takenPhoneNumberId(error);
  }
}

export async function updateNumber(ctx: RequestContext, id: string, input: UpdateNumberInput) {
  const existing = await findNumber(ctx, id);
  // A change of provider alone must still fit the stored id, so both rules see the merged number.
  const identity = z.object({ provider: z.enum(providers), phoneNumberId: z.string() }).superRefine(checkIdentity).safeParse({ ...existing, ...input });
  if (!identity.success) throw validationError(identity.error, 'corpo');
  await assertPublishedFlow(ctx, input.flowId);
  try {
    const row = await ctx.db.$transaction(async (tx) => {
      const updated = await tx.whatsAppNumber.update({ where: { id }, data: input, select: numberSelect });
      await recordAudit(tx, ctx, { action: 'number.update', entity: 'whatsAppNumber', entityId: id, metadata: input });
      return updated;
    });
    return toNumber(row);
  } catch (error) {
    throw takenPhoneNumberId(error);
  }
}

/**
 * Conversations, their messages and the number's templates cascade with it, so a number that has any
 * is only ever deactivated. The row lock (FOR UPDATE conflicts with the key-share lock every insert of
 * a conversation takes on its number) keeps a conversation arriving meanwhile from being swept away.
 */
export async function deleteNumber(ctx: RequestContext, id: string) {
  const existing = await findNumber(ctx, id);
  await ctx.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "WhatsAppNumber" WHERE "id" = ${id}::uuid AND "companyId" = ${ctx.principal.companyId}::uuid FOR UPDATE`;
    const conversations = await tx.conversation.count({ where: { numberId: id } });
    const templates = await tx.messageTemplate.count({ where: { numberId: id } });
    if (conversations > 0 || templates > 0) {
      const message = conversations > 0 ? `Este número tem ${conversations} conversa(s): desative-o em vez de excluir, para não perder o histórico` : `Este número tem ${templates} template(s): desative-o em vez de excluir, para não perdê-los`;
      throw new AppError('CONFLICT', message, { reason: 'NUMBER_IN_USE', conversations, templates });
    }
    await tx.whatsAppNumber.delete({ where: { id } });
    await recordAudit(tx, ctx, { action: 'number.delete', entity: 'whatsAppNumber', entityId: id, metadata: { name: existing.name, phoneNumberId: existing.phoneNumberId } });
  });
}
