import type { CompanySettings } from '../../lib/types';
import i18n from '../../i18n';
import * as rules from '../../lib/validation';

export interface CompanySettingsFormValues {
  agentMessagePrefix: boolean;
  inactivityCloseMinutes: string;
  inactivityCloseText: string;
  outOfHoursText: string;
  returningCustomerDays: string;
  aiBaseUrl: string;
  aiModel: string;
  /** '' for none. */
  aiApiKeySecret: string;
}

export const COMPANY_SETTINGS_FIELDS = ['agentMessagePrefix', 'inactivityCloseMinutes', 'inactivityCloseText', 'outOfHoursText', 'returningCustomerDays', 'aiBaseUrl', 'aiModel', 'aiApiKeySecret'] as const;
const HTTP_URL = /^https?:\/\/\S+$/;
export const TEXT_MAX = 1000;

export function initialValues(settings: CompanySettings): CompanySettingsFormValues {
  return {
    agentMessagePrefix: settings.agentMessagePrefix,
    inactivityCloseMinutes: String(settings.inactivityCloseMinutes),
    inactivityCloseText: settings.inactivityCloseText,
    outOfHoursText: settings.outOfHoursText,
    returningCustomerDays: String(settings.returningCustomerDays),
    aiBaseUrl: settings.aiBaseUrl ?? '',
    aiModel: settings.aiModel,
    aiApiKeySecret: settings.aiApiKeySecret ?? '',
  };
}

/** Mirrors the API: minutes 0..10080 (a week), days 0..365, texts 1..1000 once trimmed. */
export function validate(values: CompanySettingsFormValues): Record<string, string> {
  return rules.collect({
    inactivityCloseMinutes: rules.integerBetween(values.inactivityCloseMinutes, 0, 10_080),
    inactivityCloseText: rules.requiredText(values.inactivityCloseText, 1, TEXT_MAX),
    outOfHoursText: rules.requiredText(values.outOfHoursText, 1, TEXT_MAX),
    returningCustomerDays: rules.integerBetween(values.returningCustomerDays, 0, 365),
    aiBaseUrl: values.aiBaseUrl.trim() === '' || HTTP_URL.test(values.aiBaseUrl.trim()) ? null : i18n.t('companySettings.ai.baseUrlInvalid'),
    aiModel: rules.requiredText(values.aiModel, 1, 100),
  });
}

/** Only what changed is sent, so two admins editing different settings do not undo each other. */
export function toChanges(values: CompanySettingsFormValues, original: CompanySettings): Partial<CompanySettings> {
  const next: CompanySettings = {
    agentMessagePrefix: values.agentMessagePrefix,
    inactivityCloseMinutes: Number(values.inactivityCloseMinutes),
    inactivityCloseText: values.inactivityCloseText.trim(),
    outOfHoursText: values.outOfHoursText.trim(),
    returningCustomerDays: Number(values.returningCustomerDays),
    aiBaseUrl: values.aiBaseUrl.trim() || null,
    aiModel: values.aiModel.trim(),
    aiApiKeySecret: values.aiApiKeySecret || null,
  };
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => original[key as keyof CompanySettings] !== value)) as Partial<CompanySettings>;
}
