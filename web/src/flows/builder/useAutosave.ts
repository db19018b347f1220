import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../lib/api';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

const DEBOUNCE_MS = 800;

/**
 * Saves the serialised draft a moment after the last change, one request at a time; `flush` saves
 * now and resolves once the server has what the canvas shows (validate and publish read the saved draft).
 */
export function useAutosave(flowId: string, serialized: string | null) {
  const [status, setStatus] = useState<SaveStatus>('saved');
  const lastSaved = useRef<string | null>(null);
  const latest = useRef(serialized);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  latest.current = serialized;

  const save = useCallback((): Promise<void> => {
    const run = chain.current.then(async () => {
      const body = latest.current;
      if (body === null || body === lastSaved.current) {
        setStatus('saved');
        return;
      }
      setStatus('saving');
      try {
        await api(`/api/flows/${flowId}`, { method: 'PATCH', body: { draft: JSON.parse(body) as unknown } });
        lastSaved.current = body;
        setStatus(latest.current === body ? 'saved' : 'pending');
      } catch (error) {
        setStatus('error');
        throw error;
      }
    });
    chain.current = run.catch(() => undefined);
    return run;
  }, [flowId]);

  /** What was loaded from the server is already saved. */
  const markSaved = useCallback((value: string) => {
    lastSaved.current = value;
    setStatus('saved');
  }, []);

  useEffect(() => {
    if (serialized === null || lastSaved.current === null || serialized === lastSaved.current) return;
    setStatus((s) => (s === 'saving' ? s : 'pending'));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save().catch(() => undefined), DEBOUNCE_MS);
    return () => clearTimeout(timer.current);
  }, [serialized, save]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current !== lastSaved.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    return save();
  }, [save]);

  return { status, flush, markSaved, retry: flush };
}
