import { useState } from 'react';
import { formErrorsFrom, hasErrors, type FieldErrors } from './formErrors';

/**
 * A form's errors: messages under fields, and one above the form for what belongs to no field.
 * `check` shows the client-side validation before sending; `fromServer` places the API's refusal.
 */
export function useFormErrors(knownFields: readonly string[]) {
  const [fields, setFields] = useState<FieldErrors>({});
  const [form, setForm] = useState<string | null>(null);
  return {
    fields,
    form,
    /** True when nothing was found and the form may be sent; clears the last server message either way. */
    check(found: FieldErrors): boolean {
      setFields(found);
      setForm(null);
      return !hasErrors(found);
    },
    fromServer(error: unknown) {
      const placed = formErrorsFrom(error, knownFields);
      setFields(placed.fields);
      setForm(placed.form);
    },
    /** Forgets a field's message once the person edits it. */
    clear(field: string) {
      if (fields[field]) setFields(({ [field]: _cleared, ...rest }) => rest);
    },
  };
}
