import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../../lib/format';
import type { PasswordResetRequest, PasswordResetStatus } from '../../lib/types';
import { Avatar } from '../../ui/Avatar';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { RoleBadge } from '../../ui/RoleBadge';

const tones: Record<PasswordResetStatus, 'amber' | 'emerald' | 'red' | 'neutral'> = { PENDING: 'amber', APPROVED: 'emerald', REJECTED: 'red', EXPIRED: 'neutral' };

interface PasswordResetRowProps {
  request: PasswordResetRequest;
  onApprove: (request: PasswordResetRequest) => void;
  onReject: (request: PasswordResetRequest) => void;
}

export function PasswordResetRow({ request, onApprove, onReject }: PasswordResetRowProps) {
  const { t } = useTranslation();
  return (
    <tr className="hover:bg-zinc-50/70">
      <td className="py-3 pr-3 pl-5">
        <div className="flex items-center gap-3">
          <Avatar name={request.user.name} />
          <div className="min-w-0">
            <p className="truncate text-sm font-medium text-zinc-900">{request.user.name}</p>
            <p className="truncate text-xs text-zinc-500">{request.user.email}</p>
          </div>
        </div>
      </td>
      <td className="hidden px-3 py-3 sm:table-cell">
        <RoleBadge role={request.user.role} />
      </td>
      <td className="px-3 py-3 text-sm whitespace-nowrap text-zinc-600">
        <time dateTime={request.createdAt} title={formatDateTime(request.createdAt)}>
          {formatRelative(request.createdAt)}
        </time>
      </td>
      <td className="px-3 py-3">
        <Badge tone={tones[request.status]}>{t(`passwordResets.status.${request.status}`)}</Badge>
      </td>
      <td className="py-3 pr-5 pl-3">
        {request.status === 'PENDING' && (
          <div className="flex justify-end gap-2">
            <Button variant="secondary" size="sm" onClick={() => onReject(request)} aria-label={t('passwordResets.actions.rejectFor', { name: request.user.name })}>
              {t('passwordResets.actions.reject')}
            </Button>
            <Button size="sm" onClick={() => onApprove(request)} aria-label={t('passwordResets.actions.approveFor', { name: request.user.name })}>
              {t('passwordResets.actions.approve')}
            </Button>
          </div>
        )}
      </td>
    </tr>
  );
}
