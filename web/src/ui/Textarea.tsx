import clsx from 'clsx';
import type { TextareaHTMLAttributes } from 'react';
import { controlClass } from './controlStyles';

export function Textarea({ className, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={clsx(controlClass, 'min-h-24 py-2 leading-relaxed', className)} {...rest} />;
}
