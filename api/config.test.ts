import { describe, expect, test } from 'vitest';
import { loadApiConfig } from './config';
import { loadWorkerConfig } from '../temporal/config';

const valid = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/orquestra', JWT_SECRET: 'x'.repeat(32) };

describe('configuration', () => {
  test('when the required variables are set, then defaults fill the rest', () => {
    const config = loadApiConfig(valid);
    expect(config).toMatchObject({ PORT: 4000, TEMPORAL_ADDRESS: '127.0.0.1:7233', TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: 'orquestra', TRUST_PROXY: false });
  });

  test('when variables are missing or wrong, then the error names every one of them', () => {
    expect(() => loadApiConfig({ PORT: 'abc', JWT_SECRET: 'short', DATABASE_URL: 'mysql://x' })).toThrowError(
      /Invalid configuration for api:\n {2}PORT: .*\n {2}DATABASE_URL: must be a postgresql:\/\/ URL\n {2}JWT_SECRET: must be at least 32 characters/,
    );
    expect(() => loadWorkerConfig({})).toThrowError(/worker:\n {2}DATABASE_URL/);
  });
});
