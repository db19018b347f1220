import { Client, Connection } from '@temporalio/client';

/**
 * Lazy: the API starts (and /readyz reports) while Temporal is still down; the first call connects.
 */
export function createTemporalClient(options: { address: string; namespace: string }): Client {
  const connection = Connection.lazy({ address: options.address });
  return new Client({ connection, namespace: options.namespace });
}
