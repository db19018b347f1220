import type { UseFormRegisterReturn } from 'react-hook-form';
import type { ControlProps } from '../../../../ui/Field';
import { Input } from '../../../../ui/Input';

/** A variable's name, typed after the `vars.` that text will use to read it. */
export function VariableInput({ control, registration, placeholder }: { control: ControlProps; registration: UseFormRegisterReturn; placeholder?: string }) {
  return (
    <div className="flex items-center">
      <span className="flex h-10 items-center rounded-l-lg border border-r-0 border-zinc-300 bg-zinc-50 px-2.5 font-mono text-xs text-zinc-500">vars.</span>
      <Input {...control} {...registration} placeholder={placeholder} autoComplete="off" spellCheck={false} className="rounded-l-none font-mono" />
    </div>
  );
}
