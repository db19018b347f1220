import { describe, expect, it } from 'vitest';
import { openingState } from './businessHours';
import { businessHoursSchema } from './schemas';

const weekdaysNineToSix = businessHoursSchema.parse({
  timezone: 'America/Sao_Paulo',
  days: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
});

describe('openingState', () => {
  it('when no day has hours, then the department is always open', () => {
    expect(openingState(businessHoursSchema.parse({}), new Date('2026-11-22T03:00:00Z'))).toEqual({ open: true });
  });

  it('when it is Monday 10:00 in São Paulo, then it is open', () => {
    expect(openingState(weekdaysNineToSix, new Date('2026-11-23T13:00:00Z'))).toEqual({ open: true });
  });

  it('when it is Monday 18:00 sharp, then it is closed until Tuesday 09:00', () => {
    expect(openingState(weekdaysNineToSix, new Date('2026-11-23T21:00:00Z'))).toEqual({ open: false, opensInMs: 15 * 3_600_000 });
  });

  it('when it is Saturday noon, then it opens on Monday at 09:00', () => {
    expect(openingState(weekdaysNineToSix, new Date('2026-11-21T15:00:00Z'))).toEqual({ open: false, opensInMs: (36 + 9) * 3_600_000 });
  });

  it('when it is Monday 08:59:30, then it opens in thirty seconds', () => {
    expect(openingState(weekdaysNineToSix, new Date('2026-11-23T11:59:30Z'))).toEqual({ open: false, opensInMs: 30_000 });
  });
});
