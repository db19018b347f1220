/** A variable as text refers to it, set apart from the words around it. */
export function VariableChip({ name }: { name: string }) {
  return <span className="rounded bg-violet-50 px-1 font-mono text-[11px] break-all text-violet-700 ring-1 ring-violet-200">{name}</span>;
}
