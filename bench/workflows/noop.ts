import { condition, defineSignal, setHandler } from '@temporalio/workflow';

/** The orchestration floor for bench/conversations.ts: a workflow that only hears its signals. */
export const pingSignal = defineSignal<[{ messageId: string }]>('ping');

/** Stays open like a conversation does, so every signal-with-start after the first is a signal. */
export async function noopWorkflow(): Promise<number> {
  let heard = 0;
  setHandler(pingSignal, () => {
    heard++;
  });
  await condition(() => false);
  return heard;
}
