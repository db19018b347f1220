import type { ErrorRequestHandler, Response } from 'express';
import { newTraceId } from '../ids';

/**
 * Meta's Cloud API error codes the sandbox reproduces, with the title Meta puts in `message` and the
 * HTTP status of the synchronous answer.
 * https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes
 */
const META_ERRORS = {
  100: { title: 'Invalid parameter', status: 400, details: 'Invalid parameter' },
  131008: { title: 'Required parameter is missing', status: 400, details: 'A required parameter is missing' },
  131009: { title: 'Parameter value is not valid', status: 400, details: 'Parameter value is not valid' },
  131026: { title: 'Message undeliverable', status: 400, details: 'Message Undeliverable.' },
  131047: {
    title: 'Re-engagement message',
    status: 400,
    details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
  131051: { title: 'Unsupported message type', status: 400, details: 'Message type is not currently supported.' },
  131053: { title: 'Media upload error', status: 400, details: 'Unable to upload the media used in the message.' },
  // Meta documents the throttling errors with HTTP 400 (older versions of the page said 429).
  130429: { title: 'Rate limit hit', status: 400, details: 'Cloud API message throughput has been reached.' },
  131056: {
    title: '(Business Account, Consumer Account) pair rate limit hit',
    status: 400,
    details: 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
  },
  132000: {
    title: 'Number of parameters does not match the expected number of params',
    status: 400,
    details: 'The number of variable parameter values included in the request did not match the number of variable parameters defined in the template.',
  },
  132001: { title: 'Template name does not exist in the translation', status: 404, details: 'The template does not exist in the specified language or the template has not been approved.' },
  131000: { title: 'Something went wrong', status: 500, details: 'Message failed to send due to an unknown error.' },
} as const;

export type MetaErrorCode = keyof typeof META_ERRORS;

const ERROR_CODES_URL = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';

export interface GraphErrorBody {
  message: string;
  type: 'OAuthException' | 'GraphMethodException';
  code: number;
  error_subcode?: number;
  is_transient?: boolean;
  error_user_title?: string;
  error_user_msg?: string;
  error_data?: { messaging_product: 'whatsapp'; details: string };
}

/** Thrown anywhere under the Graph routes; rendered as Meta's `{ error: {...} }` payload. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly body: GraphErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.name = 'GraphError';
  }
}

export function metaError(code: MetaErrorCode, details?: string): GraphError {
  const known = META_ERRORS[code];
  return new GraphError(known.status, {
    message: `(#${code}) ${known.title}`,
    type: 'OAuthException',
    code,
    error_data: { messaging_product: 'whatsapp', details: details ?? known.details },
  });
}

/** Graph's answer for an id it does not host, or one the token may not touch: the same for both, on purpose. */
export function objectNotFound(method: 'get' | 'post' | 'delete', id: string): GraphError {
  return new GraphError(400, {
    message: `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    type: 'GraphMethodException',
    code: 100,
    error_subcode: 33,
  });
}

export function invalidAccessToken(): GraphError {
  const message = 'Invalid OAuth access token - Cannot parse access token';
  return new GraphError(401, { message, type: 'OAuthException', code: 190 }, { 'WWW-Authenticate': `OAuth "Facebook Platform" "invalid_token" "${message}"` });
}

/** The `errors[]` entry of a `failed` status webhook. */
export interface WebhookError {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href: string;
}

export function webhookError(code: MetaErrorCode, details?: string): WebhookError {
  const known = META_ERRORS[code];
  return { code, title: known.title, message: known.title, error_data: { details: details ?? known.details }, href: ERROR_CODES_URL };
}

function sendGraphError(res: Response, error: GraphError): void {
  res.status(error.status).set(error.headers).json({ error: { ...error.body, fbtrace_id: newTraceId() } });
}

/** Body-parser failures and bugs still answer in Graph's shape, so an app's error handling sees what Meta would send. */
export const graphErrorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  if (error instanceof GraphError) return sendGraphError(res, error);
  const type = (error as { type?: unknown })?.type;
  if (type === 'entity.parse.failed') return sendGraphError(res, metaError(100, 'The request body is not valid JSON'));
  if (type === 'entity.too.large') return sendGraphError(res, metaError(100, 'The request body is too large'));
  return next(error);
};
