import { Plus, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../lib/formErrors';
import { weekdays, type TimeInterval, type Weekday } from '../../lib/types';
import { Button } from '../../ui/Button';
import { Input } from '../../ui/Input';
import { Switch } from '../../ui/Switch';
import { MAX_INTERVALS_PER_DAY, type WeekHours } from './departmentForm';

interface BusinessHoursEditorProps {
  week: WeekHours;
  timezone: string;
  onChange: (week: WeekHours) => void;
  errors: FieldErrors;
}

/** A new interval starts where the day's last one ends, the usual case being a lunch break. */
function nextInterval(intervals: TimeInterval[]): TimeInterval {
  const start = intervals.at(-1)?.end ?? '08:00';
  return { start, end: start < '23:00' ? '23:00' : '23:59' };
}

export function BusinessHoursEditor({ week, timezone, onChange, errors }: BusinessHoursEditorProps) {
  const { t } = useTranslation();

  const update = (day: Weekday, patch: Partial<WeekHours[Weekday]>) => onChange({ ...week, [day]: { ...week[day], ...patch } });
  const setInterval = (day: Weekday, index: number, patch: Partial<TimeInterval>) =>
    update(day, { intervals: week[day].intervals.map((interval, i) => (i === index ? { ...interval, ...patch } : interval)) });

  return (
    <fieldset>
      <legend className="text-sm font-medium text-zinc-800">{t('departments.form.businessHours')}</legend>
      <p className="mt-0.5 mb-3 text-xs text-zinc-500">
        {t('departments.form.timezone', { timezone })} · {t('departments.form.alwaysOpenHint')}
      </p>
      {/* The API treats a week without hours as always open, which a row of "Fechado" would contradict. */}
      {weekdays.every((day) => !week[day].open) && (
        <p role="status" className="mb-3 rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t('departments.form.alwaysOpen')}
        </p>
      )}
      <div className="divide-y divide-zinc-100 rounded-lg border border-zinc-200">
        {weekdays.map((day) => {
          const { open, intervals } = week[day];
          const dayName = t(`weekdays.${day}`);
          return (
            <div key={day} className="flex flex-col gap-2 px-3 py-2 sm:flex-row sm:items-start">
              <div className="flex h-9 w-36 shrink-0 items-center gap-3">
                <Switch checked={open} onChange={(value) => update(day, { open: value })} label={t('departments.form.openOn', { day: dayName })} />
                <span className={open ? 'text-sm font-medium text-zinc-800' : 'text-sm text-zinc-500'}>{dayName}</span>
              </div>
              {open ? (
                <div className="flex flex-1 flex-col gap-2">
                  {intervals.map((interval, index) => {
                    const path = `businessHours.days.${day}.${index}`;
                    const error = errors[`${path}.start`] ?? errors[`${path}.end`] ?? errors[path];
                    const last = index === intervals.length - 1;
                    return (
                      <div key={index}>
                        <div className="flex items-center gap-2">
                          <div className="w-32 shrink-0">
                            <Input
                              compact
                              type="time"
                              aria-label={t('departments.form.opensAt', { day: dayName })}
                              aria-invalid={errors[`${path}.start`] ? true : undefined}
                              value={interval.start}
                              onChange={(e) => setInterval(day, index, { start: e.target.value })}
                            />
                          </div>
                          <span className="text-sm text-zinc-400">{t('departments.form.until')}</span>
                          <div className="w-32 shrink-0">
                            <Input
                              compact
                              type="time"
                              aria-label={t('departments.form.closesAt', { day: dayName })}
                              aria-invalid={errors[`${path}.end`] ? true : undefined}
                              value={interval.end}
                              onChange={(e) => setInterval(day, index, { end: e.target.value })}
                            />
                          </div>
                          {intervals.length > 1 && (
                            <Button variant="dangerGhost" size="icon" aria-label={t('departments.form.removeInterval', { day: dayName })} title={t('departments.form.removeInterval', { day: dayName })} onClick={() => update(day, { intervals: intervals.filter((_, i) => i !== index) })}>
                              <X aria-hidden="true" className="size-4" />
                            </Button>
                          )}
                          {last && intervals.length < MAX_INTERVALS_PER_DAY && (
                            <Button variant="accentGhost" size="icon" aria-label={t('departments.form.addInterval', { day: dayName })} title={t('departments.form.addInterval', { day: dayName })} onClick={() => update(day, { intervals: [...intervals, nextInterval(intervals)] })}>
                              <Plus aria-hidden="true" className="size-4" />
                            </Button>
                          )}
                        </div>
                        {error && <p className="mt-1 text-xs font-medium text-red-600">{error}</p>}
                      </div>
                    );
                  })}
                </div>
              ) : (
                <p className="flex h-9 items-center text-sm text-zinc-400">{t('departments.closed')}</p>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
