import { weekdays, type BusinessHours } from './schemas';

const MINUTE_MS = 60_000;

function localClock(timezone: string, at: Date): { day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday'));
  return { day, minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/**
 * Whether the department is open at `at`, and if not, how long until it opens. A department with no
 * hours configured on any day is always open: hours are opt-in.
 */
export function openingState(hours: BusinessHours, at: Date): { open: true } | { open: false; opensInMs: number } {
  const intervals = weekdays.map((d) => (hours.days[d] ?? []).map((i) => ({ start: toMinutes(i.start), end: toMinutes(i.end) })));
  if (intervals.every((day) => day.length === 0)) return { open: true };
  const now = localClock(hours.timezone, at);
  if (intervals[now.day]!.some((i) => now.minutes >= i.start && now.minutes < i.end)) return { open: true };
  for (let ahead = 0; ahead <= 7; ahead++) {
    const day = (now.day + ahead) % 7;
    const starts = intervals[day]!.map((i) => i.start + ahead * 1440 - now.minutes).filter((m) => m > 0);
    if (starts.length > 0) return { open: false, opensInMs: Math.min(...starts) * MINUTE_MS - (at.getSeconds() * 1000 + at.getMilliseconds()) };
  }
  return { open: true };
}
