import express, { Router, type RequestHandler } from 'express';
import type { SandboxContext } from '../context';
import { requireAccessToken } from './auth';
import { GraphError, graphErrorHandler, objectNotFound } from './errors';
import { mediaUrlResponse, uploadMediaHandler } from './media';
import { sendMessageHandler } from './messages';
import { createTemplateHandler, deleteTemplateHandler, listTemplatesHandler, templateJson } from './templates';

/** Any Graph version is accepted, so apps can pin whichever version they target. */
const GRAPH_VERSION = /^v\d+\.\d+$/;

function unknownPath(path: string): GraphError {
  return new GraphError(400, { message: `Unknown path components: ${path}`, type: 'OAuthException', code: 2500 });
}

/** `GET /{id}`: Graph resolves any object by id; the sandbox knows media, templates, phone numbers and WABAs. */
function getObjectHandler(ctx: SandboxContext): RequestHandler<{ id: string }> {
  return (req, res) => {
    const { id } = req.params;
    const media = ctx.media.get(id);
    const scope = req.query.phone_number_id;
    if (media && (typeof scope !== 'string' || scope === media.phoneNumberId)) {
      res.json(mediaUrlResponse(ctx, media));
      return;
    }
    const template = ctx.templates.get(id);
    if (template) {
      res.json(templateJson(template));
      return;
    }
    const number = ctx.numbers.byId(id);
    if (number) {
      res.json({
        verified_name: number.verifiedName,
        display_phone_number: number.displayPhoneNumber,
        id: number.phoneNumberId,
        quality_rating: 'GREEN',
        platform_type: 'CLOUD_API',
        throughput: { level: 'STANDARD' },
        code_verification_status: 'VERIFIED',
      });
      return;
    }
    if (ctx.numbers.isWaba(id)) {
      res.json({ id, name: 'Orquestra Sandbox' });
      return;
    }
    throw objectNotFound('get', id);
  };
}

/** `DELETE /{media-id}`: afterwards the id and any URL handed out for it stop resolving. */
function deleteObjectHandler(ctx: SandboxContext): RequestHandler<{ id: string }> {
  return (req, res) => {
    const media = ctx.media.get(req.params.id);
    const scope = req.query.phone_number_id;
    if (!media || (typeof scope === 'string' && scope !== media.phoneNumberId)) throw objectNotFound('delete', req.params.id);
    ctx.media.remove(media.id);
    res.json({ success: true });
  };
}

/** The Graph API surface an app uses: messages, media, templates, object lookups. */
export function graphRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.param('version', (req, _res, next, version: string) => next(GRAPH_VERSION.test(version) ? undefined : unknownPath(req.path)));
  router.use(requireAccessToken(ctx.config.accessTokens));

  const json = express.json({ limit: '1mb' });
  router.post('/:version/:phoneNumberId/messages', json, sendMessageHandler(ctx));
  router.post('/:version/:phoneNumberId/media', express.raw({ type: () => true, limit: '101mb' }), uploadMediaHandler(ctx));
  router.get('/:version/:wabaId/message_templates', listTemplatesHandler(ctx));
  router.post('/:version/:wabaId/message_templates', json, createTemplateHandler(ctx));
  router.delete('/:version/:wabaId/message_templates', deleteTemplateHandler(ctx));
  router.get('/:version/:id', getObjectHandler(ctx));
  router.delete('/:version/:id', deleteObjectHandler(ctx));
  router.use((req) => {
    throw unknownPath(req.path);
  });
  router.use(graphErrorHandler);
  return router;
}
