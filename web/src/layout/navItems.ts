import { ChartColumn, CircleUser, Contact, Funnel, Headset, Inbox, KeyRound, LockKeyhole, Megaphone, MessageSquareText, Network, Phone, Smartphone, UsersRound, Workflow, type LucideIcon } from 'lucide-react';
import { canManageFlows, canManageQuickReplies, canManageSecrets, canReviewPasswordResets, canViewCompanySettings, canViewUsers, canViewWhatsAppNumbers } from '../auth/permissions';
import type { Role } from '../lib/types';

export type NavKey = 'inbox' | 'flows' | 'campaigns' | 'contacts' | 'funnels' | 'reports' | 'phone' | 'users' | 'departments' | 'whatsappNumbers' | 'quickReplies' | 'company' | 'secrets' | 'passwordResets' | 'profile';

export interface NavItem {
  key: NavKey;
  to: string;
  icon: LucideIcon;
  visibleTo?: (role: Role) => boolean;
}

export const workspaceNav: NavItem[] = [
  { key: 'inbox', to: '/inbox', icon: Inbox },
  { key: 'flows', to: '/flows', icon: Workflow, visibleTo: canManageFlows },
  { key: 'campaigns', to: '/campaigns', icon: Megaphone },
  { key: 'contacts', to: '/contacts', icon: Contact },
  { key: 'funnels', to: '/funnels', icon: Funnel },
  { key: 'reports', to: '/reports', icon: ChartColumn },
  { key: 'phone', to: '/phone', icon: Smartphone },
];

export const settingsNav: NavItem[] = [
  { key: 'users', to: '/settings/users', icon: UsersRound, visibleTo: canViewUsers },
  { key: 'departments', to: '/settings/departments', icon: Network },
  { key: 'whatsappNumbers', to: '/settings/whatsapp-numbers', icon: Phone, visibleTo: canViewWhatsAppNumbers },
  { key: 'quickReplies', to: '/settings/quick-replies', icon: MessageSquareText, visibleTo: canManageQuickReplies },
  { key: 'company', to: '/settings/company', icon: Headset, visibleTo: canViewCompanySettings },
  { key: 'secrets', to: '/settings/secrets', icon: LockKeyhole, visibleTo: canManageSecrets },
  { key: 'passwordResets', to: '/settings/password-resets', icon: KeyRound, visibleTo: canReviewPasswordResets },
  { key: 'profile', to: '/settings/profile', icon: CircleUser },
];
