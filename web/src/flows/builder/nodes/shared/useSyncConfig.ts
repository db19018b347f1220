import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

/**
 * Every keystroke goes to the node (and so to autosave and undo) even while the form still shows an
 * error: the draft may be incomplete, and only publishing insists on a valid config.
 */
export function useSyncConfig<T extends FieldValues, O>(id: string, form: UseFormReturn<T, unknown, O>) {
  const { updateNodeData } = useReactFlow();
  const { subscribe, trigger } = form;
  useEffect(() => {
    void trigger();
    return subscribe({
      formState: { values: true },
      callback: ({ values }) => updateNodeData(id, { config: structuredClone(values) }),
    });
  }, [id, subscribe, trigger, updateNodeData]);
}
