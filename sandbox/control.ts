import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { z } from 'zod';
import { faultsSchema } from './config';
import type { SandboxContext } from './context';
import type { Conversation, LoggedMessage } from './customers';
import type { SandboxEvent } from './events';
import { templateJson } from './graph/templates';
import { CustomerActionError, customerMessageSchema, customerReads, receiveCustomerMessage } from './inbound';

/** Errors of the control API use the project's one shape: `{ error: { code, message, details } }`. */
class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: 'VALIDATION_FAILED' | 'NOT_FOUND',
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw new ControlError(400, 'VALIDATION_FAILED', `Invalid ${where}: ${details.map((d) => `${d.path || '(root)'} ${d.message}`).join('; ')}`, details);
  }
  return parsed.data;
}

/** The phone page is served from another origin in development, and test tools call from anywhere. */
const openCors: RequestHandler = (req, res, next) => {
  res.set({
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'access-control-allow-headers': req.get('access-control-request-headers') ?? 'content-type',
  });
  if (req.method === 'OPTIONS') {
    res.status(204).end();
    return;
  }
  next();
};

const iso = (ms: number) => new Date(ms).toISOString();

function messageView(message: LoggedMessage) {
  return {
    id: message.id,
    direction: message.direction,
    type: message.type,
    timestamp: iso(message.at),
    content: message.content,
    ...(message.direction === 'outbound'
      ? { status: message.status, statuses: message.statuses.map((s) => ({ status: s.status, timestamp: iso(s.at) })), ...(message.errors ? { errors: message.errors } : {}) }
      : { read_by_business: Boolean(message.readByBusiness) }),
  };
}

function conversationView(ctx: SandboxContext, conversation: Conversation) {
  const expiresAt = ctx.customers.windowExpiresAt(conversation);
  return {
    phone_number_id: conversation.phoneNumberId,
    wa_id: conversation.waId,
    profile_name: conversation.profileName,
    window: { open: ctx.customers.windowOpen(conversation), expires_at: expiresAt === undefined ? null : iso(expiresAt) },
    messages: conversation.messages.map(messageView),
  };
}

const waIdParam = z.object({ waId: z.string().regex(/^\d{8,15}$/, 'must be the customer number in digits, e.g. 5511999990000') });
const numberQuery = z.object({ phone_number_id: z.string().optional() });
const rejectBody = z.object({
  reason: z.enum(['ABUSIVE_CONTENT', 'INCORRECT_CATEGORY', 'INVALID_FORMAT', 'SCAM', 'TAG_CONTENT_MISMATCH', 'PROMOTIONAL']).default('INVALID_FORMAT'),
});
const faultsPatch = faultsSchema.partial();

/** Streams every sandbox event as Server-Sent Events, optionally for one customer only. */
function eventsHandler(ctx: SandboxContext): RequestHandler {
  return (req, res) => {
    const waId = typeof req.query.wa_id === 'string' ? req.query.wa_id : undefined;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = ctx.events.subscribe((event: SandboxEvent) => {
      if (waId && 'wa_id' in event && event.wa_id !== waId) return;
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    });
    // Proxies close idle streams; a comment line every 15 s keeps it open.
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  };
}

const controlErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const known =
    error instanceof ControlError
      ? error
      : error instanceof CustomerActionError
        ? new ControlError(error.code === 'NOT_FOUND' ? 404 : 400, error.code, error.message)
        : (error as { type?: unknown })?.type === 'entity.parse.failed'
          ? new ControlError(400, 'VALIDATION_FAILED', 'The request body is not valid JSON')
          : undefined;
  if (!known) return next(error);
  res.status(known.status).json({ error: { code: known.code, message: known.message, details: known.details } });
};

/**
 * The control API under `/sandbox`: plays the customer's side (send, read), inspects what happened
 * (conversations, stats, webhook queue), and steers the simulation (faults, templates, clock, reset).
 */
export function controlRouter(ctx: SandboxContext, reset: () => void): Router {
  const router = Router();
  router.use(openCors, express.json({ limit: '25mb' }));

  router.get('/', (_req, res) => {
    res.json({
      now: iso(ctx.clock.now()),
      numbers: ctx.numbers.all.map((n) => ({ phone_number_id: n.phoneNumberId, waba_id: n.wabaId, display_phone_number: n.displayPhoneNumber, verified_name: n.verifiedName })),
      auto_read: ctx.config.autoRead,
      template_approval: ctx.config.templateApproval,
      window_error_delivery: ctx.config.windowErrorDelivery,
      faults: ctx.faults.get(),
    });
  });

  router.get('/customers', (_req, res) => {
    res.json({
      data: ctx.customers.list().map((c) => ({
        phone_number_id: c.phoneNumberId,
        wa_id: c.waId,
        profile_name: c.profileName,
        window_open: ctx.customers.windowOpen(c),
        message_count: c.messages.length,
      })),
    });
  });

  router.post('/customers/:waId/messages', (req, res) => {
    const { waId } = parse(waIdParam, req.params, 'path');
    const input = parse(customerMessageSchema, req.body, 'customer message');
    const { wamid, conversation } = receiveCustomerMessage(ctx, waId, input);
    res.status(201).json({ wamid, phone_number_id: conversation.phoneNumberId, wa_id: waId });
  });

  router.get('/customers/:waId/messages', (req, res) => {
    const { waId } = parse(waIdParam, req.params, 'path');
    const { phone_number_id } = parse(numberQuery, req.query, 'query');
    const conversation = ctx.customers.find(phone_number_id ?? ctx.numbers.defaultNumber.phoneNumberId, waId);
    if (!conversation) throw new ControlError(404, 'NOT_FOUND', `No conversation between ${waId} and ${phone_number_id ?? ctx.numbers.defaultNumber.phoneNumberId}`);
    res.json(conversationView(ctx, conversation));
  });

  router.post('/customers/:waId/read', (req, res) => {
    const { waId } = parse(waIdParam, req.params, 'path');
    const { phone_number_id } = parse(numberQuery, req.body, 'body');
    res.json({ read: customerReads(ctx, waId, phone_number_id) });
  });

  router.get('/stats', (_req, res) => {
    res.json({ numbers: ctx.stats.snapshot(), webhooks: ctx.webhooks.stats() });
  });

  router.get('/templates', (_req, res) => {
    const wabaIds = [...new Set(ctx.numbers.all.map((n) => n.wabaId))];
    res.json({ data: wabaIds.flatMap((wabaId) => ctx.templates.list(wabaId).map((t) => ({ ...templateJson(t), waba_id: wabaId }))) });
  });

  router.post('/templates/:id/approve', (req, res) => {
    const template = ctx.review.approve(req.params.id);
    if (!template) throw new ControlError(404, 'NOT_FOUND', `Template ${req.params.id} does not exist`);
    res.json(templateJson(template));
  });

  router.post('/templates/:id/reject', (req, res) => {
    const { reason } = parse(rejectBody, req.body, 'body');
    const template = ctx.review.reject(req.params.id, reason);
    if (!template) throw new ControlError(404, 'NOT_FOUND', `Template ${req.params.id} does not exist`);
    res.json(templateJson(template));
  });

  router.get('/faults', (_req, res) => {
    res.json(ctx.faults.get());
  });

  router.post('/faults', (req, res) => {
    const patch = parse(faultsPatch, req.body, 'faults');
    ctx.faults.set({ ...ctx.faults.get(), ...patch });
    res.json(ctx.faults.get());
  });

  router.get('/webhooks', (_req, res) => {
    res.json({ stats: ctx.webhooks.stats(), pending: ctx.webhooks.pending(), expired: ctx.webhooks.expired() });
  });

  router.post('/webhooks/redeliver', (_req, res) => {
    res.json({ redelivered: ctx.webhooks.redeliverExpired() });
  });

  router.post('/clock/advance', (req, res) => {
    const { ms } = parse(z.object({ ms: z.number().int().positive() }), req.body, 'body');
    ctx.clock.advance(ms);
    res.json({ now: iso(ctx.clock.now()) });
  });

  router.post('/reset', (_req, res) => {
    reset();
    res.json({ reset: true });
  });

  router.get('/events', eventsHandler(ctx));

  router.use((req, _res, next) => next(new ControlError(404, 'NOT_FOUND', `Route ${req.method} /sandbox${req.path} does not exist`)));
  router.use(controlErrors);
  return router;
}
