import i18n from '../../i18n';
import { weekdays, type AssignmentStrategy, type BusinessHours, type Department, type TimeInterval, type Weekday } from '../../lib/types';
import * as rules from '../../lib/validation';
import type { DepartmentChanges } from './useDepartments';

interface DayHours {
  open: boolean;
  /** Kept while a day is closed, so reopening it restores what was there. */
  intervals: TimeInterval[];
}

export type WeekHours = Record<Weekday, DayHours>;

export interface DepartmentFormValues {
  name: string;
  color: string;
  greeting: string;
  responseTimeoutMinutes: string;
  assignmentStrategy: AssignmentStrategy;
  /** '' keeps an unanswered conversation where it is and only alerts supervisors. */
  escalationDepartmentId: string;
  maxEscalations: string;
  active: boolean;
  week: WeekHours;
  memberIds: string[];
}

export const DEPARTMENT_FIELDS = [
  'name',
  'slug',
  'color',
  'greeting',
  'responseTimeoutMinutes',
  'assignmentStrategy',
  'escalationDepartmentId',
  'maxEscalations',
  'businessHours',
  'active',
  'memberIds',
] as const;
export const MAX_INTERVALS_PER_DAY = 6;
const DEFAULT_INTERVAL: TimeInterval = { start: '08:00', end: '18:00' };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const HEX = /^#[0-9a-fA-F]{6}$/;
const WORKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

function weekFrom(hours: BusinessHours | null): WeekHours {
  return Object.fromEntries(
    weekdays.map((day) => {
      if (!hours) return [day, { open: WORKDAYS.includes(day), intervals: [{ ...DEFAULT_INTERVAL }] }];
      const intervals = hours.days[day] ?? [];
      return [day, { open: intervals.length > 0, intervals: intervals.length > 0 ? intervals : [{ ...DEFAULT_INTERVAL }] }];
    }),
  ) as WeekHours;
}

export function initialValues(department: Department | null): DepartmentFormValues {
  return {
    name: department?.name ?? '',
    color: department?.color ?? '#059669',
    greeting: department?.greeting ?? '',
    responseTimeoutMinutes: String(department?.responseTimeoutMinutes ?? 10),
    assignmentStrategy: department?.assignmentStrategy ?? 'MANUAL',
    escalationDepartmentId: department?.escalationDepartmentId ?? '',
    maxEscalations: String(department?.maxEscalations ?? 3),
    active: department?.active ?? true,
    week: weekFrom(department?.businessHours ?? null),
    memberIds: department?.members.map((m) => m.id) ?? [],
  };
}

/** Error keys use the API's paths (`businessHours.days.mon.0.end`) so client and server errors land in the same place. */
export function validate(values: DepartmentFormValues): Record<string, string> {
  const checks: Record<string, string | null> = {
    name: rules.requiredText(values.name, 2, 80),
    color: HEX.test(values.color) ? null : i18n.t('validation.color'),
    greeting: values.greeting.length > 1000 ? i18n.t('validation.maxLength', { count: 1000 }) : null,
    responseTimeoutMinutes: rules.integerBetween(values.responseTimeoutMinutes, 1, 1440),
    maxEscalations: rules.integerBetween(values.maxEscalations, 1, 20),
  };
  for (const day of weekdays) {
    const { open, intervals } = values.week[day];
    if (!open) continue;
    intervals.forEach((interval, index) => {
      const path = `businessHours.days.${day}.${index}`;
      if (!TIME.test(interval.start)) checks[`${path}.start`] = i18n.t('validation.time');
      else if (!TIME.test(interval.end)) checks[`${path}.end`] = i18n.t('validation.time');
      else if (interval.start >= interval.end) checks[`${path}.end`] = i18n.t('validation.timeOrder');
    });
  }
  return rules.collect(checks);
}

function toBusinessHours(week: WeekHours, timezone: string): BusinessHours {
  return { timezone, days: Object.fromEntries(weekdays.map((day) => [day, week[day].open ? week[day].intervals : []])) };
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

export function toChanges(values: DepartmentFormValues, original: Department | null): DepartmentChanges {
  const next = {
    name: values.name.trim(),
    color: values.color.toLowerCase(),
    greeting: values.greeting,
    responseTimeoutMinutes: Number(values.responseTimeoutMinutes),
    assignmentStrategy: values.assignmentStrategy,
    escalationDepartmentId: values.escalationDepartmentId || null,
    maxEscalations: Number(values.maxEscalations),
    active: values.active,
    businessHours: toBusinessHours(values.week, original?.businessHours.timezone ?? 'America/Sao_Paulo'),
  };
  if (!original) return { ...next, memberIds: values.memberIds };
  const changes: DepartmentChanges = {};
  if (next.name !== original.name) changes.name = next.name;
  if (next.color !== original.color.toLowerCase()) changes.color = next.color;
  if (next.greeting !== original.greeting) changes.greeting = next.greeting;
  if (next.responseTimeoutMinutes !== original.responseTimeoutMinutes) changes.responseTimeoutMinutes = next.responseTimeoutMinutes;
  if (next.assignmentStrategy !== original.assignmentStrategy) changes.assignmentStrategy = next.assignmentStrategy;
  if (next.escalationDepartmentId !== original.escalationDepartmentId) changes.escalationDepartmentId = next.escalationDepartmentId;
  if (next.maxEscalations !== original.maxEscalations) changes.maxEscalations = next.maxEscalations;
  if (next.active !== original.active) changes.active = next.active;
  if (JSON.stringify(next.businessHours) !== JSON.stringify(toBusinessHours(weekFrom(original.businessHours), original.businessHours.timezone))) {
    changes.businessHours = next.businessHours;
  }
  if (!sameSet(values.memberIds, original.members.map((m) => m.id))) changes.memberIds = values.memberIds;
  return changes;
}
