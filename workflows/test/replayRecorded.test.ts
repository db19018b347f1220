import { describe, expect, test } from 'vitest';
import { recordedHistories, replay } from '../../test/replay';

// Histories recorded from real runs (RECORD_HISTORIES=1 npx vitest run workflows/test/routing.test.ts):
// a change to workflow code that would break a conversation already under way fails here.
describe('recorded conversation histories still replay', () => {
  const histories = recordedHistories();

  test('when the suite runs, then there are histories to guard', () => {
    expect(histories.length).toBeGreaterThan(0);
  });

  test.each(histories.map((h) => [h.name, h.history] as const))('when %s is replayed on today’s workflow code, then it is deterministic', async (_name, history) => {
    await expect(replay(history)).resolves.toBeUndefined();
  });
});
