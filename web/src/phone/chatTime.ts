import i18n, { currentLanguage } from '../i18n';

export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLanguage(), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

const dayKey = (date: Date) => `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;

export function sameDay(a: string, b: string): boolean {
  return dayKey(new Date(a)) === dayKey(new Date(b));
}

/** The chip between days, as WhatsApp writes it: "Hoje", "Ontem", then the date. */
export function dayLabel(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (dayKey(date) === dayKey(now)) return i18n.t('phone.chat.today');
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (dayKey(date) === dayKey(yesterday)) return i18n.t('phone.chat.yesterday');
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'long' }).format(date);
}
