import express, { Router } from 'express';
import { contextOf } from '../auth/authenticate';
import { notFound } from '../errors';
import { getConversation } from '../conversations/service';
import { idParam } from '../http/ids';
import type { MediaStorage } from './storage';
import { ATTACHMENT_MAX_BYTES, uploadAttachment } from './uploadAttachment';
import { requireRole } from '../auth/authenticate';

/** Media files: agents upload what they send; a file is served to whoever may see a conversation it appears in. */
export function mediaRouter(storage: MediaStorage) {
  const router = Router();
  // The file is the request body (Content-Type says what it is, X-File-Name its name): no multipart
  // parser, and the browser can report upload progress on a plain request.
  router.post('/', requireRole('ADMIN', 'SUPERVISOR', 'AGENT'), express.raw({ type: () => true, limit: ATTACHMENT_MAX_BYTES }), async (req, res) => {
    const name = req.header('x-file-name');
    const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    res.status(201).json(await uploadAttachment(contextOf(req), storage, { data, mimeType: req.header('content-type') ?? '', fileName: name ? decodeURIComponent(name).slice(0, 240) : null }));
  });
  router.get('/:id', async (req, res) => {
    const ctx = contextOf(req);
    const id = idParam(req, 'Arquivo');
    const media = await ctx.db.media.findFirst({ where: { id } });
    const message = media && (await ctx.db.message.findFirst({ where: { mediaId: id }, select: { conversationId: true } }));
    if (!media || !message) throw notFound('Arquivo');
    await getConversation(ctx, message.conversationId);
    const data = await storage.read(media.storageKey);
    res.setHeader('Content-Type', media.mimeType);
    res.setHeader('Cache-Control', 'private, max-age=86400');
    // Inline only for what a browser shows safely; everything else downloads under its own name.
    const inline = /^(image|audio|video)\//.test(media.mimeType);
    res.setHeader('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(media.fileName ?? `arquivo-${media.id}`)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(data);
  });
  return router;
}
