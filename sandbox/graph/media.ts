import type { RequestHandler } from 'express';
import type { SandboxContext } from '../context';
import { baseMimeType, maxBytesFor, SUPPORTED_MIME_TYPES, type StoredMedia } from '../mediaStore';
import { accessTokenOf, isAcceptedToken } from './auth';
import { metaError } from './errors';
import { hostedNumberOf } from './messages';

/** https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#upload-media */
export function uploadMediaHandler(ctx: SandboxContext): RequestHandler<{ phoneNumberId: string }> {
  return async (req, res) => {
    const number = hostedNumberOf(ctx, req.params.phoneNumberId, 'post');
    const contentType = req.get('content-type') ?? '';
    if (!contentType.startsWith('multipart/form-data') || !Buffer.isBuffer(req.body)) {
      throw metaError(100, 'Upload media as multipart/form-data with the fields file, type and messaging_product');
    }
    // undici parses multipart for us; no form library needed.
    const form = await new Response(new Uint8Array(req.body), { headers: { 'content-type': contentType } }).formData().catch(() => {
      throw metaError(100, 'The multipart/form-data body could not be parsed');
    });
    const product = form.get('messaging_product');
    if (product === null) throw metaError(100, 'The parameter messaging_product is required.');
    if (product !== 'whatsapp') throw metaError(100, 'Param messaging_product must be one of {whatsapp}');
    const file = form.get('file');
    if (file === null || typeof file === 'string') throw metaError(100, 'The parameter file is required.');
    const type = form.get('type');
    if (typeof type !== 'string' || !type) throw metaError(100, 'The parameter type is required.');

    const maxBytes = maxBytesFor(type);
    if (maxBytes === undefined) {
      throw metaError(100, `Param file must be a file with one of the following types: ${SUPPORTED_MIME_TYPES.join(', ')}. Received file of type '${baseMimeType(type)}'.`);
    }
    if (file.size > maxBytes) throw metaError(131053, `File of type '${baseMimeType(type)}' is ${file.size} bytes; the limit is ${maxBytes} bytes`);

    const stored = ctx.media.add({
      phoneNumberId: number.phoneNumberId,
      mimeType: type,
      bytes: Buffer.from(await file.arrayBuffer()),
      filename: file.name || undefined,
    });
    res.json({ id: stored.id });
  };
}

/** https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#retrieve-media-url */
export function mediaUrlResponse(ctx: SandboxContext, media: StoredMedia) {
  return {
    messaging_product: 'whatsapp',
    url: ctx.media.downloadUrl(media, ctx.publicUrl()),
    mime_type: media.mimeType,
    sha256: media.sha256.toString('hex'),
    file_size: media.bytes.length,
    id: media.id,
  };
}

/**
 * The short-lived URL from `GET /{media-id}`. Like Meta's, it needs the same bearer token as the Graph
 * API (401 without it) and stops working when it expires (404), so apps must download promptly.
 */
export function downloadMediaHandler(ctx: SandboxContext): RequestHandler {
  return (req, res) => {
    if (!isAcceptedToken(accessTokenOf(req), ctx.config.accessTokens)) {
      res.status(401).type('text/plain').send('Unauthorized: send the access token as an Authorization: Bearer header');
      return;
    }
    const media = ctx.media.resolveDownload(req.query);
    if (media === 'expired' || media === 'not_found') {
      res.status(404).type('text/plain').send(media === 'expired' ? 'URL expired: request a new one with GET /{media-id}' : 'Not found');
      return;
    }
    res.set({
      'content-type': media.mimeType,
      'content-length': String(media.bytes.length),
      ...(media.filename ? { 'content-disposition': `attachment; filename="${encodeURIComponent(media.filename)}"` } : {}),
    });
    res.end(media.bytes);
  };
}
