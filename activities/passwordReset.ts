import { log } from '@temporalio/activity';
import type { ActivityDeps } from './deps';

interface ResetIds {
  resetId: string;
  companyId: string;
  requestId?: string;
}

export function createPasswordResetActivities({ db }: ActivityDeps) {
  return {
    /** Idempotent: applying the same hash twice leaves the same state, and the request is only decided once. */
    async approvePasswordReset(input: ResetIds & { deciderId: string; passwordHash: string }) {
      const reset = await db.passwordResetRequest.findFirstOrThrow({ where: { id: input.resetId, companyId: input.companyId } });
      await db.$transaction([
        db.user.update({ where: { id: reset.userId }, data: { passwordHash: input.passwordHash, mustChangePassword: true } }),
        db.refreshToken.updateMany({ where: { userId: reset.userId, revokedAt: null }, data: { revokedAt: new Date() } }),
        db.passwordResetRequest.update({ where: { id: reset.id }, data: { status: 'APPROVED', decidedById: input.deciderId, decidedAt: reset.decidedAt ?? new Date() } }),
      ]);
      log.info('password reset approved', { resetId: input.resetId, requestId: input.requestId });
    },
    async rejectPasswordReset(input: ResetIds & { deciderId: string }) {
      await db.passwordResetRequest.updateMany({
        where: { id: input.resetId, companyId: input.companyId, status: 'PENDING' },
        data: { status: 'REJECTED', decidedById: input.deciderId, decidedAt: new Date() },
      });
      log.info('password reset rejected', { resetId: input.resetId, requestId: input.requestId });
    },
    async expirePasswordReset(input: ResetIds) {
      await db.passwordResetRequest.updateMany({
        where: { id: input.resetId, companyId: input.companyId, status: 'PENDING' },
        data: { status: 'EXPIRED', decidedAt: new Date() },
      });
      log.info('password reset expired', { resetId: input.resetId, requestId: input.requestId });
    },
  };
}

export type PasswordResetActivities = ReturnType<typeof createPasswordResetActivities>;
