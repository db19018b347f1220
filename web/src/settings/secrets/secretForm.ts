import i18n from '../../i18n';
import * as rules from '../../lib/validation';

export interface SecretFormValues {
  name: string;
  value: string;
}

export const SECRET_FIELDS = ['name', 'value'] as const;
/** As flows write it, {{secrets.NAME}}: the API's /^\w{1,64}$/. */
const NAME = /^\w{1,64}$/;
export const VALUE_MAX = 10_000;

export function validate(values: SecretFormValues): Record<string, string> {
  return rules.collect({
    name: NAME.test(values.name) ? null : i18n.t('secrets.form.nameInvalid'),
    value: values.value.length === 0 ? i18n.t('validation.required') : values.value.length > VALUE_MAX ? i18n.t('validation.maxLength', { count: VALUE_MAX }) : null,
  });
}
