import clsx from 'clsx';
import type { InputHTMLAttributes, Ref } from 'react';
import { controlClass } from './controlStyles';

interface InputProps extends InputHTMLAttributes<HTMLInputElement> {
  ref?: Ref<HTMLInputElement>;
  compact?: boolean;
}

export function Input({ className, compact = false, ...rest }: InputProps) {
  return <input className={clsx(controlClass, compact ? 'h-9' : 'h-10', className)} {...rest} />;
}
