import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { ConversationStatus } from '../../lib/types';

/** `POST /api/flows/:id/simulations`: who plays the customer, and on which sandbox number. */
export interface StartedSimulation {
  simulationId: string;
  waId: string;
  expiresAt: string;
  phoneNumber: { id: string; phoneNumberId: string; displayPhoneNumber: string; name: string };
}

/** `GET /api/flows/:id/simulations/:simulationId`: null fields until the test customer writes. */
export interface SimulationState {
  simulationId: string;
  expiresAt: string;
  conversationId: string | null;
  status: ConversationStatus | null;
  phase: string | null;
  nodeId: string | null;
  path: string[];
  variables: Record<string, string>;
}

/** Often enough that the canvas follows the bot as the tester taps, cheap enough for the API. */
const POLL_MS = 1_000;

export function useStartSimulation(flowId: string) {
  return useMutation({ mutationFn: () => api<StartedSimulation>(`/api/flows/${flowId}/simulations`, { method: 'POST' }) });
}

export function useSimulation(flowId: string, simulationId: string | null) {
  return useQuery({
    queryKey: ['flows', 'simulation', flowId, simulationId],
    queryFn: ({ signal }) => api<SimulationState>(`/api/flows/${flowId}/simulations/${simulationId}`, { signal }),
    enabled: simulationId !== null,
    refetchInterval: POLL_MS,
  });
}
