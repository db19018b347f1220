import { describe, expect, test } from 'vitest';
import { loadApiConfig } from './config';
import { loadWorkerConfig } from '../temporal/config';

const key = (fill: number, bytes = 32) => Buffer.alloc(bytes, fill).toString('base64');
const valid = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/orquestra', JWT_SECRET: 'x'.repeat(32), WHATSAPP_APP_SECRET: 'app-secret', WHATSAPP_VERIFY_TOKEN: 'verify-token', SECRETS_ENCRYPTION_KEYS: `k1:${key(1)}` };

describe('configuration', () => {
  test('when the required variables are set, then defaults fill the rest', () => {
    const config = loadApiConfig(valid);
    expect(config).toMatchObject({ PORT: 4000, TEMPORAL_ADDRESS: '127.0.0.1:7233', TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: 'orquestra', TRUST_PROXY: false, WHATSAPP_PROVIDER: 'sandbox' });
  });

  test('when variables are missing or wrong, then the error names every one of them', () => {
    expect(() => loadApiConfig({ PORT: 'abc', JWT_SECRET: 'short', DATABASE_URL: 'mysql://x' })).toThrowError(
      /Invalid configuration for api:\n {2}PORT: .*\n {2}DATABASE_URL: must be a postgresql:\/\/ URL\n {2}JWT_SECRET: must be at least 32 characters\n {2}SECRETS_ENCRYPTION_KEYS: must be keyId:base64-key pairs .*\n {2}WHATSAPP_APP_SECRET: /,
    );
    expect(() => loadWorkerConfig({})).toThrowError(/worker:\n {2}DATABASE_URL/);
  });

  test('when the provider is Meta without a token, or WAHA is unsigned in production, then the start is refused naming the variable', () => {
    expect(() => loadApiConfig({ ...valid, WHATSAPP_PROVIDER: 'meta' })).toThrowError(/WHATSAPP_ACCESS_TOKEN: is required when WHATSAPP_PROVIDER=meta/);
    expect(() => loadApiConfig({ ...valid, NODE_ENV: 'production', WAHA_BASE_URL: 'http://waha:3000' })).toThrowError(/WAHA_WEBHOOK_HMAC_KEY: is required in production/);
    expect(loadApiConfig({ ...valid, WHATSAPP_PROVIDER: 'meta', WHATSAPP_ACCESS_TOKEN: 'EAAG...' }).WHATSAPP_PROVIDER).toBe('meta');
  });

  test('when the secrets key ring is missing or malformed, then the API and the worker refuse to start saying what is wrong with it', () => {
    const worker = { DATABASE_URL: valid.DATABASE_URL, SECRETS_ENCRYPTION_KEYS: valid.SECRETS_ENCRYPTION_KEYS };
    expect(() => loadWorkerConfig({ ...worker, SECRETS_ENCRYPTION_KEYS: undefined })).toThrowError(/worker:\n {2}SECRETS_ENCRYPTION_KEYS: must be keyId:base64-key pairs/);
    expect(() => loadApiConfig({ ...valid, SECRETS_ENCRYPTION_KEYS: key(1) })).toThrowError(/SECRETS_ENCRYPTION_KEYS: must be keyId:base64-key pairs .*; entry 1 is not/);
    // A key pasted without its id: the message names the entry, and not one character of the key.
    const leaked = (() => {
      try {
        loadApiConfig({ ...valid, SECRETS_ENCRYPTION_KEYS: `k1:${key(1)},${key(7)}` });
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(leaked).toMatch(/entry 2 is not/);
    expect(leaked).not.toContain(key(7).slice(0, 8));
    expect(() => loadWorkerConfig({ ...worker, SECRETS_ENCRYPTION_KEYS: `new:${key(2, 16)},old:${key(1)}` })).toThrowError(/SECRETS_ENCRYPTION_KEYS: key "new" must be 32 bytes \(AES-256\), it is 16/);
    expect(() => loadApiConfig({ ...valid, SECRETS_ENCRYPTION_KEYS: `k1:${key(1)},k1:${key(2)}` })).toThrowError(/key id "k1" appears twice/);

    const ring = loadWorkerConfig({ ...worker, SECRETS_ENCRYPTION_KEYS: ` new:${key(2)} , old:${key(1).replace(/=+$/, '')}` }).SECRETS_ENCRYPTION_KEYS;
    expect(ring.current.id).toBe('new');
    expect([...ring.byId.keys()]).toEqual(['new', 'old']);
    // KeyObjects: a config that ends up in a log shows no key material.
    expect(JSON.stringify(ring.current)).toBe('{"id":"new","key":{}}');
  });

  test('when OUTBOUND_ALLOWED_HOSTS has something that is neither a hostname nor an address, then the worker refuses to start naming it', () => {
    const worker = { DATABASE_URL: valid.DATABASE_URL, SECRETS_ENCRYPTION_KEYS: valid.SECRETS_ENCRYPTION_KEYS };
    expect(loadWorkerConfig(worker).OUTBOUND_ALLOWED_HOSTS.hosts.size).toBe(0);
    expect(() => loadWorkerConfig({ ...worker, OUTBOUND_ALLOWED_HOSTS: 'crm.local,10.0.0.0/33' })).toThrowError(/OUTBOUND_ALLOWED_HOSTS: "10.0.0.0\/33" is neither/);
    expect(() => loadWorkerConfig({ ...worker, OUTBOUND_ALLOWED_HOSTS: 'http://crm.local' })).toThrowError(/"http:\/\/crm.local" is neither/);
    expect([...loadWorkerConfig({ ...worker, OUTBOUND_ALLOWED_HOSTS: ' CRM.local, 10.20.0.0/16 ,127.0.0.1' }).OUTBOUND_ALLOWED_HOSTS.hosts]).toEqual(['crm.local']);
  });
});
