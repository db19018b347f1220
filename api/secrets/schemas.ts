import { z } from 'zod';

/** What flows write as {{secrets.NAME}} and the AI settings name: letters, digits and _. */
export const secretNameSchema = z.string().regex(/^\w{1,64}$/, 'use até 64 letras sem acento, números ou _');

export const putSecretSchema = z.object({ value: z.string().min(1, 'informe o valor do segredo').max(10_000, 'o valor pode ter até 10.000 caracteres') });
