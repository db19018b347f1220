import { Router } from 'express';
import { contextOf, requireRole, type RequestContext } from '../auth/authenticate';
import { recordAudit } from '../audit/record';
import { parseBody } from '../http/validate';
import { readCompanySettings, updateCompanySettingsSchema, type CompanySettings } from './settings';

async function getSettings(ctx: RequestContext) {
  const company = await ctx.db.company.findFirstOrThrow({ select: { settings: true } });
  return readCompanySettings(company.settings);
}

async function updateSettings(ctx: RequestContext, changes: Partial<CompanySettings>) {
  const settings = { ...(await getSettings(ctx)), ...changes };
  await ctx.db.$transaction(async (tx) => {
    await tx.company.updateMany({ data: { settings } });
    await recordAudit(tx, ctx, { action: 'company.settings', entity: 'company', entityId: ctx.principal.companyId, metadata: changes });
  });
  return settings;
}

/** The company's own preferences: everyone reads them (the inbox needs some), admins change them. */
export function companyRouter() {
  const router = Router();
  router.get('/settings', async (req, res) => {
    res.json(await getSettings(contextOf(req)));
  });
  router.patch('/settings', requireRole('ADMIN'), async (req, res) => {
    res.json(await updateSettings(contextOf(req), parseBody(updateCompanySettingsSchema, req)));
  });
  return router;
}
