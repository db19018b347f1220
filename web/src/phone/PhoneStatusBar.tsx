import { BatteryFull, Signal, Wifi } from 'lucide-react';
import { useEffect, useState } from 'react';
import { currentLanguage } from '../i18n';

const clock = () => new Intl.DateTimeFormat(currentLanguage(), { hour: '2-digit', minute: '2-digit' }).format(new Date());

/** Decoration that makes the frame read as a phone: the clock, the camera island and the usual icons. */
export function PhoneStatusBar() {
  const [time, setTime] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setTime(clock()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div aria-hidden="true" className="relative flex h-8 shrink-0 items-center justify-between bg-[#008069] px-6 text-xs font-semibold text-white">
      <span className="tabular-nums">{time}</span>
      <span className="absolute top-1.5 left-1/2 h-5 w-20 -translate-x-1/2 rounded-full bg-zinc-900" />
      <span className="flex items-center gap-1">
        <Signal className="size-3.5" />
        <Wifi className="size-3.5" />
        <BatteryFull className="size-4" />
      </span>
    </div>
  );
}
