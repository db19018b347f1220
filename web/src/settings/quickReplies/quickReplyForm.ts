import i18n from '../../i18n';
import type { QuickReply } from '../../lib/types';
import * as rules from '../../lib/validation';
import type { QuickReplyChanges } from './useQuickReplyAdmin';

export interface QuickReplyFormValues {
  shortcut: string;
  title: string;
  body: string;
  /** '' is every department. */
  departmentId: string;
}

export const QUICK_REPLY_FIELDS = ['shortcut', 'title', 'body', 'departmentId'] as const;
export const BODY_MAX = 4096;

// The API's rule: what follows the "/" an agent types in the composer.
const SHORTCUT = /^[a-z0-9][a-z0-9_-]{0,31}$/;

export function initialValues(reply: QuickReply | null): QuickReplyFormValues {
  return { shortcut: reply?.shortcut ?? '', title: reply?.title ?? '', body: reply?.body ?? '', departmentId: reply?.departmentId ?? '' };
}

/** People type "/Boleto" out of habit: the slash is the composer's, and the API wants lower case. */
export const normaliseShortcut = (value: string) => value.replace(/^\/+/, '').trim().toLowerCase();

export function validate(values: QuickReplyFormValues): Record<string, string> {
  const shortcut = normaliseShortcut(values.shortcut);
  return rules.collect({
    shortcut: shortcut === '' ? i18n.t('validation.required') : SHORTCUT.test(shortcut) ? null : i18n.t('quickReplies.form.shortcutInvalid'),
    title: rules.requiredText(values.title, 1, 80),
    body: rules.requiredText(values.body, 1, BODY_MAX),
  });
}

export function toChanges(values: QuickReplyFormValues, original: QuickReply | null): QuickReplyChanges {
  const next = { shortcut: normaliseShortcut(values.shortcut), title: values.title.trim(), body: values.body, departmentId: values.departmentId || null };
  if (!original) return next;
  const changes: QuickReplyChanges = {};
  if (next.shortcut !== original.shortcut) changes.shortcut = next.shortcut;
  if (next.title !== original.title) changes.title = next.title;
  if (next.body !== original.body) changes.body = next.body;
  if (next.departmentId !== original.departmentId) changes.departmentId = next.departmentId;
  return changes;
}
