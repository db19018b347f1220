/** Not a country code in use, so a test customer can never be mistaken for a real one. */
const PREFIX = '5599';

/**
 * The sandbox customer a user plays in the simulator: the same digits every time (so "Reiniciar"
 * finds the same chat), different per user, 13 digits (the sandbox accepts 8 to 15).
 */
export function testCustomerWaId(userId: string): string {
  const digits = BigInt(`0x${userId.replace(/-/g, '')}`) % 1_000_000_000n;
  return `${PREFIX}${digits.toString().padStart(9, '0')}`;
}
