import { z } from 'zod';

/** Meta documents component and format names in capitals but accepts any case; stored in capitals. */
function upperCased(field: string) {
  return (value: unknown) => {
    if (value && typeof value === 'object' && typeof (value as Record<string, unknown>)[field] === 'string') {
      const record = value as Record<string, string>;
      return { ...record, [field]: record[field]!.toUpperCase() };
    }
    return value;
  };
}

const buttonSchema = z.preprocess(
  upperCased('type'),
  z.looseObject({
    type: z.enum(['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'OTP', 'FLOW', 'CATALOG', 'MPM']),
    text: z.string().min(1).max(25).optional(),
    url: z.string().max(2000).optional(),
    phone_number: z.string().max(20).optional(),
  }),
);

// https://developers.facebook.com/docs/whatsapp/business-management-api/message-templates/components
const componentSchema = z.preprocess(
  (value) => upperCased('format')(upperCased('type')(value)),
  z.discriminatedUnion('type', [
    z.looseObject({
      type: z.literal('HEADER'),
      format: z.enum(['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION']),
      text: z.string().min(1).max(60).optional(),
    }),
    z.looseObject({ type: z.literal('BODY'), text: z.string().min(1).max(1024) }),
    z.looseObject({ type: z.literal('FOOTER'), text: z.string().min(1).max(60) }),
    z.looseObject({ type: z.literal('BUTTONS'), buttons: z.array(buttonSchema).min(1).max(10) }),
  ]),
);

export const templateDefinitionSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'must be 1 to 512 lowercase letters, digits or underscores'),
    language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2,4})?$/, 'must be a locale code such as en_US or pt_BR'),
    category: z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(['AUTHENTICATION', 'MARKETING', 'UTILITY'])),
    parameter_format: z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(['POSITIONAL', 'NAMED'])).optional(),
    components: z.array(componentSchema).min(1),
  })
  .check((ctx) => {
    const bodies = ctx.value.components.filter((c) => c.type === 'BODY').length;
    if (bodies !== 1) ctx.issues.push({ code: 'custom', input: ctx.value.components, path: ['components'], message: 'a template needs exactly one BODY component' });
    const header = ctx.value.components.find((c) => c.type === 'HEADER');
    if (header?.format === 'TEXT' && !header.text) {
      ctx.issues.push({ code: 'custom', input: header, path: ['components'], message: 'a TEXT header needs its text' });
    }
  });

export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;
export type TemplateComponent = TemplateDefinition['components'][number];

/** Distinct `{{1}}` or `{{name}}` placeholders in a component's text: what a send must supply values for. */
export function placeholderCount(text: string | undefined): number {
  if (!text) return 0;
  const names = new Set<string>();
  for (const match of text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)) names.add(match[1]!);
  return names.size;
}
