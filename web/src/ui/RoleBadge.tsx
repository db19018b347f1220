import { useTranslation } from 'react-i18next';
import type { Role } from '../lib/types';
import { Badge } from './Badge';

const tones = { ADMIN: 'violet', SUPERVISOR: 'sky', AGENT: 'emerald', VIEWER: 'neutral' } as const;

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return <Badge tone={tones[role]}>{t(`roles.${role}`)}</Badge>;
}
