import type { TemplateStatus } from '../../prisma/client';
import { templateStatuses } from './schemas';

/**
 * Meta has more template states than we keep (in sync answers and in status webhooks): one under
 * appeal is pending, a reinstated one approved again, and those a send cannot use count as disabled.
 */
export function templateStatusOf(remote: string): TemplateStatus {
  const status = remote.toUpperCase();
  if ((templateStatuses as readonly string[]).includes(status)) return status as TemplateStatus;
  if (status === 'IN_APPEAL') return 'PENDING';
  if (status === 'REINSTATED') return 'APPROVED';
  return 'DISABLED';
}
