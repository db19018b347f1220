import type { NodeConfig } from '../../types';

export const emptyAssignment: NodeConfig<'setVariable'>['assignments'][number] = { variable: '', value: '' };

export function setVariableDefaults(): NodeConfig<'setVariable'> {
  return { assignments: [{ ...emptyAssignment }] };
}
