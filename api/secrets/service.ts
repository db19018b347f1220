import type { RequestContext } from '../auth/authenticate';
import { recordAudit } from '../audit/record';
import { notFound } from '../errors';
import type { SecretKeyRing } from './encryptionKeys';
import { encryptSecret } from './secretCipher';

/** Values never leave the server: screens see names and when each was last changed. */
const secretSelect = { name: true, createdAt: true, updatedAt: true } as const;

export async function listSecrets(ctx: RequestContext) {
  return { items: await ctx.db.companySecret.findMany({ orderBy: { name: 'asc' }, select: secretSelect }) };
}

/** Creates or replaces, encrypted; the audit row says which, never what the value is. */
export async function putSecret(ctx: RequestContext, keys: SecretKeyRing, name: string, plaintext: string) {
  const value = encryptSecret(keys, { companyId: ctx.principal.companyId, name }, plaintext);
  return ctx.db.$transaction(async (tx) => {
    const existed = (await tx.companySecret.count({ where: { name } })) > 0;
    const secret = await tx.companySecret.upsert({ where: { companyId_name: { companyId: ctx.principal.companyId, name } }, create: { companyId: ctx.principal.companyId, name, value }, update: { value }, select: secretSelect });
    await recordAudit(tx, ctx, { action: existed ? 'secret.replace' : 'secret.create', entity: 'companySecret', entityId: null, metadata: { name } });
    return secret;
  });
}

export async function deleteSecret(ctx: RequestContext, name: string) {
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.companySecret.deleteMany({ where: { name } });
    if (count === 0) throw notFound('Segredo');
    await recordAudit(tx, ctx, { action: 'secret.delete', entity: 'companySecret', entityId: null, metadata: { name } });
  });
}
