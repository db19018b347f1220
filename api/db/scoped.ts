import type { Db } from '../../prisma/client';

/** Models whose rows belong to one company; every query on them is pinned to the caller's company. */
const TENANT_MODELS = new Set([
  'User',
  'Department',
  'DepartmentMember',
  'RefreshToken',
  'AuditLog',
  'PasswordResetRequest',
  'WhatsAppNumber',
  'Contact',
  'Conversation',
  'Message',
  'Media',
  'MessageTemplate',
  'Assignment',
  'ConversationNote',
  'QuickReply',
  'Flow',
  'FlowVersion',
  'CompanySecret',
  'FlowSimulation',
]);

type Args = Record<string, unknown> & { where?: object; data?: unknown; create?: object };

function pin(model: string, operation: string, args: Args, companyId: string): Args {
  if (model === 'Company') {
    if (operation.startsWith('create')) throw new Error('A company-scoped client cannot create companies');
    return { ...args, where: { ...args.where, id: companyId } };
  }
  if (!TENANT_MODELS.has(model)) throw new Error(`Model ${model} is not classified as tenant data`);
  switch (operation) {
    case 'create':
      return { ...args, data: { ...(args.data as object), companyId } };
    case 'createMany':
    case 'createManyAndReturn': {
      const rows = Array.isArray(args.data) ? args.data : [args.data];
      return { ...args, data: rows.map((row) => ({ ...(row as object), companyId })) };
    }
    case 'upsert':
      return { ...args, where: { ...args.where, companyId }, create: { ...args.create, companyId } };
    default:
      return { ...args, where: { ...args.where, companyId } };
  }
}

/**
 * The single enforced tenant boundary: a Prisma client whose every read and write on tenant models
 * carries `companyId`. Route handlers only ever receive this client, so a foreign id simply finds nothing.
 * A model added to the schema without being classified here fails loudly instead of leaking.
 */
export function scopedDb(db: Db, companyId: string) {
  return db.$extends({
    name: 'tenant-scope',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          return query(pin(model, operation, args as Args, companyId) as typeof args);
        },
      },
    },
  });
}

export type ScopedDb = ReturnType<typeof scopedDb>;
