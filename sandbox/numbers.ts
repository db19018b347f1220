import type { HostedNumber } from './config';

export interface NumberDirectory {
  all: readonly HostedNumber[];
  byId(phoneNumberId: string): HostedNumber | undefined;
  isWaba(wabaId: string): boolean;
  defaultNumber: HostedNumber;
}

export function createNumberDirectory(numbers: readonly HostedNumber[]): NumberDirectory {
  const byId = new Map(numbers.map((n) => [n.phoneNumberId, n]));
  const wabas = new Set(numbers.map((n) => n.wabaId));
  return {
    all: numbers,
    byId: (id) => byId.get(id),
    isWaba: (id) => wabas.has(id),
    defaultNumber: numbers[0]!,
  };
}

/** Webhook metadata carries the display number as bare digits (no `+`, spaces or dashes). */
export function displayDigits(number: HostedNumber): string {
  return number.displayPhoneNumber.replace(/\D/g, '');
}
