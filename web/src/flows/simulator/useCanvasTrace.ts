import { useEffect, useRef } from 'react';
import { useBuilderStore } from '../builder/store';
import type { SimulationState } from './simulatorApi';

const samePath = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * Mirrors the simulation onto the canvas. An ended conversation answers without its path (only the
 * workflow knew it), so the path it had stays drawn, without a block running; cleared on unmount.
 */
export function useCanvasTrace(state: SimulationState | undefined) {
  const shownFor = useRef<string | null>(null);
  useEffect(() => {
    const { trace, setTrace } = useBuilderStore.getState();
    if (!state?.conversationId) {
      if (trace) setTrace(null);
      return;
    }
    const sameConversation = shownFor.current === state.conversationId;
    shownFor.current = state.conversationId;
    const path = state.path.length > 0 || !sameConversation ? state.path : (trace?.path ?? []);
    const nodeId = state.status === 'RESOLVED' ? null : state.nodeId;
    if (trace && trace.nodeId === nodeId && samePath(trace.path, path)) return;
    setTrace({ nodeId, path });
  }, [state]);
  useEffect(() => () => useBuilderStore.getState().setTrace(null), []);
}
