import clsx from 'clsx';

const palette = ['bg-emerald-100 text-emerald-800', 'bg-sky-100 text-sky-800', 'bg-violet-100 text-violet-800', 'bg-amber-100 text-amber-800', 'bg-rose-100 text-rose-800', 'bg-teal-100 text-teal-800', 'bg-indigo-100 text-indigo-800'];

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** The colour follows the name, so a person keeps the same avatar everywhere. */
function colourOf(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return palette[Math.abs(hash) % palette.length] ?? palette[0]!;
}

const sizes = { sm: 'size-7 text-[10px]', md: 'size-8 text-xs', lg: 'size-12 text-base', xl: 'size-16 text-xl' };

export function Avatar({ name, size = 'md', className }: { name: string; size?: keyof typeof sizes; className?: string }) {
  return (
    <span aria-hidden="true" className={clsx('inline-flex shrink-0 items-center justify-center rounded-full font-semibold', sizes[size], colourOf(name), className)}>
      {initials(name)}
    </span>
  );
}
