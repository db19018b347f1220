import { ApiError } from './apiError';
import { errorMessage } from './errorMessage';

export type FieldErrors = Record<string, string>;

export interface FormErrors {
  fields: FieldErrors;
  /** Shown above the buttons when the error is not about a field the form displays. */
  form: string | null;
}

interface ValidationIssue {
  path: string;
  message: string;
}

const isIssueList = (details: unknown): details is ValidationIssue[] =>
  Array.isArray(details) && details.every((d) => typeof d === 'object' && d !== null && typeof (d as ValidationIssue).path === 'string');

// The API's zod messages start in lower case ("informe um e-mail válido"); under a field they read as a sentence.
export const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

const ownerOf = (path: string, knownFields: readonly string[]) => knownFields.find((f) => path === f || path.startsWith(`${f}.`));

/**
 * Spreads an API error over a form's fields: VALIDATION_FAILED details `[{ path, message }]`, and the
 * `{ field }` / `{ fields: [...] }` details that UNPROCESSABLE and CONFLICT answers carry.
 */
export function formErrorsFrom(error: unknown, knownFields: readonly string[]): FormErrors {
  const fields: FieldErrors = {};
  let unplaced = false;
  const details = error instanceof ApiError ? error.details : null;

  if (error instanceof ApiError && isIssueList(details)) {
    for (const issue of details) {
      if (ownerOf(issue.path, knownFields)) fields[issue.path] ??= sentence(issue.message);
      else unplaced = true;
    }
  } else if (error instanceof ApiError && details && typeof details === 'object') {
    const { field, fields: listed } = details as { field?: unknown; fields?: unknown };
    const named = [field, ...(Array.isArray(listed) ? listed : [])];
    for (const field of named) {
      if (typeof field === 'string' && knownFields.includes(field)) fields[field] = error.message;
    }
    unplaced = Object.keys(fields).length === 0;
  } else {
    unplaced = true;
  }

  return { fields, form: unplaced ? errorMessage(error) : null };
}

export const hasErrors = (fields: FieldErrors) => Object.keys(fields).length > 0;
