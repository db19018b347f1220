import { ApplicationFailure, condition, defineQuery, defineUpdate, proxyActivities, setHandler, allHandlersFinished, log } from '@temporalio/workflow';
import type { PasswordResetActivities } from '../activities/passwordReset';

export interface PasswordResetInput {
  resetId: string;
  companyId: string;
  /** How long an admin has to decide; injected so tests expire requests in seconds. */
  expiresInMs: number;
  requestId?: string;
}

/** An approval carries the argon2 hash of the temporary password, never the password itself: history is readable in the Temporal UI. */
export type PasswordResetDecision = { approve: true; deciderId: string; passwordHash: string } | { approve: false; deciderId: string };

export type PasswordResetStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'EXPIRED';

export const decidePasswordResetUpdate = defineUpdate<PasswordResetStatus, [PasswordResetDecision]>('decide');
export const passwordResetStatusQuery = defineQuery<PasswordResetStatus>('status');

const { approvePasswordReset, rejectPasswordReset, expirePasswordReset } = proxyActivities<PasswordResetActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});

/** A user asks for a new password; an admin approves or rejects it before it expires. */
export async function passwordResetWorkflow(input: PasswordResetInput): Promise<PasswordResetStatus> {
  let decision: PasswordResetDecision | undefined;
  let status: PasswordResetStatus = 'PENDING';

  setHandler(passwordResetStatusQuery, () => status);
  setHandler(
    decidePasswordResetUpdate,
    async (incoming) => {
      decision = incoming;
      await condition(() => status !== 'PENDING');
      return status;
    },
    {
      validator: (_incoming: PasswordResetDecision) => {
        if (decision || status !== 'PENDING') throw ApplicationFailure.nonRetryable('Esta solicitação já foi decidida', 'AlreadyDecided');
      },
    },
  );

  const decided = await condition(() => decision !== undefined, input.expiresInMs);
  const ids = { resetId: input.resetId, companyId: input.companyId, requestId: input.requestId };
  if (!decided || !decision) {
    await expirePasswordReset(ids);
    status = 'EXPIRED';
  } else if (decision.approve) {
    await approvePasswordReset({ ...ids, deciderId: decision.deciderId, passwordHash: decision.passwordHash });
    status = 'APPROVED';
  } else {
    await rejectPasswordReset({ ...ids, deciderId: decision.deciderId });
    status = 'REJECTED';
  }
  log.info('password reset decided', { resetId: input.resetId, status });
  await condition(allHandlersFinished);
  return status;
}
