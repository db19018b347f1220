export interface RecipientStats {
  sent: number;
  pairRateRejected: number;
}

export interface NumberStats {
  sent: number;
  throughputRejected: number;
  pairRateRejected: number;
  recipients: Record<string, RecipientStats>;
}

export interface SendStats {
  accepted(phoneNumberId: string, waId: string): void;
  throughputRejected(phoneNumberId: string): void;
  pairRateRejected(phoneNumberId: string, waId: string): void;
  snapshot(): Record<string, NumberStats>;
  clear(): void;
}

/** Counts what benchmarks and tests ask about: accepted sends and the 130429 / 131056 refusals. */
export function createSendStats(): SendStats {
  let numbers: Record<string, NumberStats> = {};
  const number = (id: string) => (numbers[id] ??= { sent: 0, throughputRejected: 0, pairRateRejected: 0, recipients: {} });
  const recipient = (id: string, waId: string) => (number(id).recipients[waId] ??= { sent: 0, pairRateRejected: 0 });
  return {
    accepted(phoneNumberId, waId) {
      number(phoneNumberId).sent += 1;
      recipient(phoneNumberId, waId).sent += 1;
    },
    throughputRejected(phoneNumberId) {
      number(phoneNumberId).throughputRejected += 1;
    },
    pairRateRejected(phoneNumberId, waId) {
      number(phoneNumberId).pairRateRejected += 1;
      recipient(phoneNumberId, waId).pairRateRejected += 1;
    },
    snapshot: () => structuredClone(numbers),
    clear() {
      numbers = {};
    },
  };
}
