import { Router } from 'express';
import { z } from 'zod';
import { contextOf, requireRole } from '../auth/authenticate';
import { cursorArgs, pageOf, pageQuerySchema } from '../http/pagination';
import { parseQuery } from '../http/validate';

const auditQuerySchema = pageQuerySchema.extend({
  action: z.string().max(100).optional(),
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

export function auditRouter() {
  const router = Router();
  router.get('/', requireRole('ADMIN'), async (req, res) => {
    const ctx = contextOf(req);
    const query = parseQuery(auditQuerySchema, req);
    const rows = await ctx.db.auditLog.findMany({
      where: {
        // "user." matches every user action; an exact name matches one.
        ...(query.action ? (query.action.endsWith('.') ? { action: { startsWith: query.action } } : { action: query.action }) : {}),
        ...(query.entity ? { entity: query.entity } : {}),
        ...(query.entityId ? { entityId: query.entityId } : {}),
        ...(query.actorId ? { actorId: query.actorId } : {}),
        ...(query.from || query.to ? { createdAt: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lte: query.to } : {}) } } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      ...cursorArgs(query),
    });
    const page = pageOf(rows, query.limit);
    const actorIds = [...new Set(page.items.map((r) => r.actorId).filter((id): id is string => Boolean(id)))];
    const actors = await ctx.db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } });
    const byId = new Map(actors.map((a) => [a.id, a]));
    res.json({ ...page, items: page.items.map((row) => ({ ...row, actor: row.actorId ? (byId.get(row.actorId) ?? null) : null })) });
  });
  return router;
}
