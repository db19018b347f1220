import { Plus, Trash } from 'lucide-react';
import { get, useFieldArray, type ArrayPath, type FieldArray, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { Button } from '../../../../ui/Button';
import { Input } from '../../../../ui/Input';

interface Column {
  key: string;
  label: string;
  placeholder?: string;
}

interface PairListEditorProps<T extends FieldValues, O, N extends ArrayPath<T>> {
  form: UseFormReturn<T, unknown, O>;
  name: N;
  columns: [Column, Column];
  /** Drawn between the two inputs: what relates them (=, ←, :). */
  joiner: string;
  empty: FieldArray<T, N>;
  max: number;
  addLabel: string;
  removeLabel: (n: number) => string;
  /** Shown when the list is empty. */
  emptyText?: string;
}

/** Rows of two short fields (header name and value, variable and path), added and removed in place. */
export function PairListEditor<T extends FieldValues, O, N extends ArrayPath<T>>({ form, name, columns, joiner, empty, max, addLabel, removeLabel, emptyText }: PairListEditorProps<T, O, N>) {
  const rows = useFieldArray({ control: form.control, name, keyName: 'key' });
  const { errors } = form.formState;
  const listErrors = get(errors, name) as { message?: string; root?: { message?: string } } | undefined;
  const listError = listErrors?.root?.message ?? listErrors?.message;
  return (
    <div className="space-y-2">
      {rows.fields.length === 0 && emptyText && <p className="text-xs text-zinc-400 italic">{emptyText}</p>}
      {rows.fields.length > 0 && (
        <div className="grid grid-cols-[1fr_auto_1fr_2rem] items-center gap-x-1.5 text-[11px] font-medium text-zinc-500">
          <span>{columns[0].label}</span>
          <span aria-hidden="true" />
          <span>{columns[1].label}</span>
        </div>
      )}
      {rows.fields.map((row, index) => {
        const messages = columns.map((c) => (get(errors, `${name}.${index}.${c.key}`) as { message?: string } | undefined)?.message).filter(Boolean);
        return (
          <div key={row.key} data-row-index={index}>
            <div className="grid grid-cols-[1fr_auto_1fr_2rem] items-center gap-x-1.5">
              {columns.map((column, c) => (
                <span key={column.key} className="contents">
                  {c === 1 && (
                    <span aria-hidden="true" className="font-mono text-xs text-zinc-400">
                      {joiner}
                    </span>
                  )}
                  <Input
                    compact
                    aria-label={`${column.label} ${index + 1}`}
                    placeholder={column.placeholder}
                    aria-invalid={get(errors, `${name}.${index}.${column.key}`) ? true : undefined}
                    className="min-w-0 font-mono text-[13px]"
                    {...form.register(`${name}.${index}.${column.key}` as Path<T>)}
                  />
                </span>
              ))}
              <Button variant="dangerGhost" size="icon" onClick={() => rows.remove(index)} aria-label={removeLabel(index + 1)} title={removeLabel(index + 1)}>
                <Trash aria-hidden="true" className="size-4" />
              </Button>
            </div>
            {messages.length > 0 && <p className="mt-1 text-xs font-medium text-red-600">{messages.join(' · ')}</p>}
          </div>
        );
      })}
      {listError && <p className="text-xs font-medium text-red-600">{listError}</p>}
      <Button variant="secondary" size="sm" disabled={rows.fields.length >= max} onClick={() => rows.append(structuredClone(empty))}>
        <Plus aria-hidden="true" className="size-4" />
        {addLabel}
      </Button>
    </div>
  );
}
