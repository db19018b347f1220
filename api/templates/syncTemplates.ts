import type { ProviderTemplate, WhatsAppProvider } from '../../activities/whatsapp/provider';
import { WhatsAppProviderError } from '../../activities/whatsapp/providerErrors';
import type { Prisma } from '../../prisma/client';
import type { RequestContext } from '../auth/authenticate';
import { recordAudit } from '../audit/record';
import { AppError, notFound } from '../errors';
import { listTemplates } from './listTemplates';
import { templateStatusOf } from './templateStatus';

const keyOf = (t: { name: string; language: string }) => `${t.name}\u0000${t.language}`;

async function fetchTemplates(provider: WhatsAppProvider, wabaId: string): Promise<ProviderTemplate[]> {
  try {
    return await provider.listTemplates(wabaId);
  } catch (error) {
    if (!(error instanceof WhatsAppProviderError)) throw error;
    throw new AppError(error.retryable ? 'UNAVAILABLE' : 'UNPROCESSABLE', `O WhatsApp não devolveu os modelos: ${error.message}`, { reason: 'PROVIDER', kind: error.kind, code: error.code });
  }
}

/**
 * Brings a number's templates from the provider (GET /{waba-id}/message_templates) into
 * MessageTemplate, keyed by number, name and language: running it again changes nothing. A template
 * deleted at the provider stays listed as disabled instead of vanishing from under an open composer.
 */
export async function syncTemplates(ctx: RequestContext, provider: WhatsAppProvider, numberId: string) {
  const number = await ctx.db.whatsAppNumber.findFirst({ where: { id: numberId }, select: { id: true, wabaId: true, provider: true } });
  if (!number) throw notFound('Número');
  if (number.provider !== 'META' || !number.wabaId) {
    throw new AppError('UNPROCESSABLE', 'Só números da API oficial do WhatsApp (com a conta WABA informada) têm modelos', { reason: 'NO_TEMPLATES', field: 'numberId' });
  }
  const remote = await fetchTemplates(provider, number.wabaId);
  const known = new Set((await ctx.db.messageTemplate.findMany({ where: { numberId: number.id }, select: { name: true, language: true } })).map(keyOf));
  for (const template of remote) {
    const fields = { category: template.category, components: template.components as Prisma.InputJsonArray, status: templateStatusOf(template.status), providerId: template.id, rejectedReason: template.rejectedReason ?? null };
    await ctx.db.messageTemplate.upsert({
      where: { numberId_name_language: { numberId: number.id, name: template.name, language: template.language } },
      update: fields,
      create: { ...fields, companyId: ctx.principal.companyId, numberId: number.id, name: template.name, language: template.language },
    });
  }
  const created = remote.filter((t) => !known.has(keyOf(t))).length;
  const gone = await ctx.db.messageTemplate.updateMany({
    where: { numberId: number.id, status: { not: 'DISABLED' }, ...(remote.length ? { NOT: remote.map((t) => ({ name: t.name, language: t.language })) } : {}) },
    data: { status: 'DISABLED' },
  });
  await recordAudit(ctx.db, ctx, { action: 'templates.sync', entity: 'whatsappNumber', entityId: number.id, metadata: { fetched: remote.length, created, disabled: gone.count } });
  return { ...(await listTemplates(ctx, { numberId: number.id })), fetched: remote.length, created, disabled: gone.count };
}
