import type { z } from 'zod';
import type { createNumberSchema, UpdateNumberInput } from '../../../../api/whatsappNumbers/schemas';
import type { WhatsAppNumber } from './useWhatsAppNumbers';

/** What the form holds: the API's schema before parsing ('' stands for "none" in the optional ids). */
export type NumberFormValues = Required<z.input<typeof createNumberSchema>>;
export type NumberFormOutput = z.output<typeof createNumberSchema>;

export const NUMBER_FIELDS = ['name', 'displayPhoneNumber', 'phoneNumberId', 'wabaId', 'provider', 'throughputPerSecond', 'flowId', 'active'] as const;

export function initialValues(number: WhatsAppNumber | null): NumberFormValues {
  return {
    name: number?.name ?? '',
    displayPhoneNumber: number?.displayPhoneNumber ?? '',
    phoneNumberId: number?.phoneNumberId ?? '',
    wabaId: number?.wabaId ?? '',
    provider: number?.provider ?? 'META',
    throughputPerSecond: number?.throughputPerSecond ?? 80,
    flowId: number?.flowId ?? '',
    active: number?.active ?? true,
  };
}

/** Only what changed is sent, so an admin fixing the name does not rewrite a flow someone else just picked. */
export function toChanges(values: NumberFormOutput, original: WhatsAppNumber | null): UpdateNumberInput {
  if (!original) return values;
  return Object.fromEntries(NUMBER_FIELDS.filter((field) => values[field] !== original[field]).map((field) => [field, values[field]]));
}
