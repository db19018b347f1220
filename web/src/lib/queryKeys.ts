/** One place for cache keys, so a mutation in one feature can refresh another's lists. */
export const queryKeys = {
  me: ['me'],
  users: ['users'],
  departments: ['departments'],
  /** Under users/departments, so invalidating either list refreshes its directory too. */
  userDirectory: ['users', 'directory'],
  departmentDirectory: ['departments', 'directory'],
  companySettings: ['companySettings'],
  passwordResets: ['passwordResets'],
  conversations: ['conversations'],
  conversationLists: ['conversations', 'list'],
  conversation: (id: string) => ['conversations', 'detail', id] as const,
  messages: (id: string) => ['conversations', 'messages', id] as const,
  notes: (id: string) => ['conversations', 'notes', id] as const,
  assignments: (id: string) => ['conversations', 'assignments', id] as const,
  contactHistory: (contactId: string) => ['conversations', 'contactHistory', contactId] as const,
  quickReplies: ['quickReplies'],
  approvedTemplates: (numberId: string) => ['templates', numberId, 'APPROVED'] as const,
  whatsappNumbers: ['whatsappNumbers'],
} as const;
