import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { createProviderFromEnv } from '../activities/whatsapp/providerConfig';
import { auditRouter } from './audit/router';
import { authenticate } from './auth/authenticate';
import { authRouter } from './auth/router';
import type { AppDeps } from './deps';
import { companyRouter } from './companies/router';
import { conversationsRouter } from './conversations/router';
import { flowsRouter } from './flows/router';
import { mediaRouter } from './media/router';
import { createLocalMediaStorage } from './media/storage';
import { departmentsRouter } from './departments/router';
import { errorHandler, routeNotFound } from './errors';
import { healthRouter } from './health/router';
import { createMetrics } from './http/metrics';
import { createRateLimits } from './http/rateLimits';
import { notesRouter } from './notes/router';
import { passwordResetAdminRouter, passwordResetRequestRouter } from './passwordResets/router';
import { quickRepliesRouter } from './quickReplies/router';
import { secretsRouter } from './secrets/router';
import { templatesRouter } from './templates/router';
import { usersRouter } from './users/router';
import { whatsappNumbersRouter } from './whatsappNumbers/router';
import type { WebhookEventWriter } from './whatsapp/webhookEventWriter';
import { wahaWebhookRouter } from './whatsapp/waha/wahaWebhookRouter';
import { whatsappWebhookRouter } from './whatsapp/webhookRouter';
import type { StoredEvent } from './whatsapp/settleEvent';

const REQUEST_ID = /^[\w.-]{1,64}$/;

export function createApp(deps: AppDeps, hooks: { webhookEvents: WebhookEventWriter; onWebhookStored: (event: StoredEvent) => void }) {
  const app = express();
  const metrics = createMetrics();
  const limits = createRateLimits(deps.config);

  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.TRUST_PROXY);
  app.use(
    pinoHttp({
      logger: deps.logger,
      // A caller's request id is kept (so a trace crosses services); otherwise one is made.
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => ['/healthz', '/readyz', '/metrics'].includes(req.url ?? '') },
    }),
  );
  // No upgrade-insecure-requests: a LAN install served over plain http must still load its assets.
  // Media in the inbox is fetched with the access token and shown from blob: URLs.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null, imgSrc: ["'self'", 'data:', 'blob:'], mediaSrc: ["'self'", 'blob:'] } } }));
  app.use(metrics.middleware);
  app.use(healthRouter(deps, metrics.registry));
  if (deps.config.WAHA_BASE_URL) {
    app.use('/webhooks/waha', wahaWebhookRouter({ events: hooks.webhookEvents, logger: deps.logger, hmacSecret: deps.config.WAHA_WEBHOOK_HMAC_KEY, onStored: hooks.onWebhookStored }));
  }
  app.use('/webhooks/whatsapp', whatsappWebhookRouter({ verifyToken: deps.config.WHATSAPP_VERIFY_TOKEN }));

  const api = Router();
  api.use(limits.perIp);
  api.use(express.json({ limit: '1mb' }));
  api.use(cookieParser());
  api.use('/auth/password-reset-requests', limits.passwordResetRequest, passwordResetRequestRouter(deps));
  api.use('/auth', authRouter(deps, limits));
  api.use(authenticate(deps.db, deps.tokens), limits.perUser);
  api.use('/users', usersRouter(deps.temporal));
  api.use('/company', companyRouter());
  api.use('/flows', flowsRouter(deps.temporal, deps.config.WHATSAPP_PROVIDER));
  api.use('/whatsapp-numbers', whatsappNumbersRouter());
  api.use('/media', mediaRouter(createLocalMediaStorage(deps.config.MEDIA_DIR)));
  api.use('/departments', departmentsRouter());
  api.use('/audit', auditRouter());
  api.use('/quick-replies', quickRepliesRouter());
  api.use('/secrets', secretsRouter(deps.config.SECRETS_ENCRYPTION_KEYS));
  api.use('/templates', templatesRouter(createProviderFromEnv(deps.config)));
  api.use('/conversations/:id/notes', notesRouter());
  api.use('/conversations', conversationsRouter(deps.temporal, deps.config.TEMPORAL_TASK_QUEUE));
  api.use('/password-reset-requests', passwordResetAdminRouter(deps));
  api.use(routeNotFound);
  app.use('/api', api);

  // In production the API serves the built web app; in development Vite serves it with hot reload.
  const webDist = path.resolve(deps.config.WEB_DIST_DIR);
  if (existsSync(path.join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/|webhooks\/|socket\.io\/).*/, (_req, res) => res.sendFile(path.join(webDist, 'index.html')));
  }
  app.use(routeNotFound);
  app.use(errorHandler(deps.logger));
  return app;
}
