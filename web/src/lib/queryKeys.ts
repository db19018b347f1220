/** One place for cache keys, so a mutation in one feature can refresh another's lists. */
export const queryKeys = {
  me: ['me'],
  users: ['users'],
  departments: ['departments'],
  passwordResets: ['passwordResets'],
} as const;
