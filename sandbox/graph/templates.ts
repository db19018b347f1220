import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { templateDefinitionSchema } from '../templateSchema';
import type { StoredTemplate } from '../templateStore';
import { GraphError, metaError, objectNotFound } from './errors';
import { parseGraphBody } from './schemas';

function requireWaba(ctx: SandboxContext, wabaId: string, method: 'get' | 'post' | 'delete') {
  if (!ctx.numbers.isWaba(wabaId)) throw objectNotFound(method, wabaId);
}

export function templateJson(template: StoredTemplate) {
  return {
    name: template.name,
    parameter_format: template.parameterFormat,
    components: template.components,
    language: template.language,
    status: template.status,
    category: template.category,
    ...(template.status === 'REJECTED' ? { rejected_reason: template.rejectedReason } : {}),
    id: template.id,
  };
}

/** https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account/message_templates#Creating */
export function createTemplateHandler(ctx: SandboxContext): RequestHandler<{ wabaId: string }> {
  return (req, res) => {
    requireWaba(ctx, req.params.wabaId, 'post');
    const definition = parseGraphBody(templateDefinitionSchema, req.body);
    if (ctx.templates.find(req.params.wabaId, definition.name, definition.language)) {
      throw new GraphError(400, {
        message: 'Invalid parameter',
        type: 'OAuthException',
        code: 100,
        error_subcode: 2388024,
        is_transient: false,
        error_user_title: 'Content in This Language Already Exists',
        error_user_msg: `There is already ${definition.language} content for this template. Create a new template and try again.`,
      });
    }
    const template = ctx.templates.create(req.params.wabaId, definition, 'PENDING');
    ctx.review.submitted(template);
    res.json({ id: template.id, status: template.status, category: template.category });
  };
}

const listQuerySchema = z.object({
  fields: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(25),
  after: z.string().optional(),
  name: z.string().optional(),
  status: z.enum(['PENDING', 'APPROVED', 'REJECTED']).optional(),
  category: z.enum(['AUTHENTICATION', 'MARKETING', 'UTILITY']).optional(),
  language: z.string().optional(),
});

const cursor = {
  encode: (offset: number) => Buffer.from(String(offset)).toString('base64url'),
  decode: (value: string | undefined) => (value ? Number(Buffer.from(value, 'base64url').toString()) || 0 : 0),
};

/** Paged like Graph: `paging.next` only when another page follows, because clients stop when it is absent. */
export function listTemplatesHandler(ctx: SandboxContext): RequestHandler<{ wabaId: string }> {
  return (req, res) => {
    requireWaba(ctx, req.params.wabaId, 'get');
    const query = parseGraphBody(listQuerySchema, req.query);
    const matching = ctx.templates
      .list(req.params.wabaId)
      .filter((t) => (!query.name || t.name === query.name) && (!query.status || t.status === query.status))
      .filter((t) => (!query.category || t.category === query.category) && (!query.language || t.language === query.language));
    const start = cursor.decode(query.after);
    const page = matching.slice(start, start + query.limit);
    const fields = query.fields?.split(',').map((f) => f.trim());
    const data = page.map((template) => {
      const json: Record<string, unknown> = templateJson(template);
      return fields ? Object.fromEntries(Object.entries(json).filter(([key]) => key === 'id' || fields.includes(key))) : json;
    });
    const after = start + page.length;
    const next = new URL(req.originalUrl, ctx.publicUrl());
    next.searchParams.set('after', cursor.encode(after));
    res.json({
      data,
      paging: {
        cursors: { before: cursor.encode(start), after: cursor.encode(after) },
        ...(after < matching.length ? { next: next.toString() } : {}),
      },
    });
  };
}

const deleteQuerySchema = z.object({ name: z.string().min(1), hsm_id: z.string().optional() });

/** https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account/message_templates#Deleting */
export function deleteTemplateHandler(ctx: SandboxContext): RequestHandler<{ wabaId: string }> {
  return (req, res) => {
    requireWaba(ctx, req.params.wabaId, 'delete');
    const query = parseGraphBody(deleteQuerySchema, req.query);
    const removed = ctx.templates.remove(req.params.wabaId, query.name, query.hsm_id);
    if (removed.length === 0) throw metaError(100, `Message template '${query.name}' was not found`);
    res.json({ success: true });
  };
}
