import type { NodeConfig } from '../../types';

type Config = NodeConfig<'http'>;
export const emptyHeader: Config['headers'][number] = { name: '', value: '' };
export const emptySavedField: Config['saveResponse'][number] = { variable: '', path: '' };

export function httpDefaults(): Config {
  return { method: 'GET', url: '', headers: [], timeoutSeconds: 10, retries: 0, saveResponse: [] };
}
