import type { RequestContext } from '../auth/authenticate';
import { templateViewSchema, type ListTemplatesQuery } from './schemas';

const templateViewSelect = { id: true, numberId: true, name: true, language: true, category: true, status: true, components: true } as const;

/** The company's templates, for the composer (one number's approved ones) and for settings. */
export async function listTemplates(ctx: RequestContext, query: ListTemplatesQuery) {
  const rows = await ctx.db.messageTemplate.findMany({
    where: {
      ...(query.numberId ? { numberId: query.numberId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.q ? { name: { contains: query.q, mode: 'insensitive' as const } } : {}),
    },
    orderBy: [{ name: 'asc' }, { language: 'asc' }],
    select: templateViewSelect,
  });
  return { items: rows.map((row) => templateViewSchema.parse(row)) };
}
