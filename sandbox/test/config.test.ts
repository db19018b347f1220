import { describe, expect, it } from 'vitest';
import { DEFAULT_NUMBER, DEFAULT_WEBHOOK_URL, DEV_ACCESS_TOKEN, loadSandboxConfig, parseSandboxOptions } from '../config';

describe('sandbox configuration', () => {
  it('when no variable is set, then the documented defaults apply', () => {
    const { options, logLevel } = loadSandboxConfig({});

    expect(logLevel).toBe('info');
    expect(options).toMatchObject({
      host: '127.0.0.1',
      port: 4010,
      webhookUrl: DEFAULT_WEBHOOK_URL,
      accessTokens: [DEV_ACCESS_TOKEN],
      numbers: [DEFAULT_NUMBER],
      throughputPerSecond: 80,
      pairRate: { burst: 45, intervalMs: 6_000 },
      statusDelaysMs: { sent: 50, delivered: 300, read: 1_500 },
      autoRead: false,
      templateApproval: { mode: 'auto', delayMs: 2_000 },
      windowErrorDelivery: 'webhook',
      mediaUrlTtlMs: 300_000,
      webhookRetry: { initialDelayMs: 1_000, maxDelayMs: 600_000, maxDurationMs: 86_400_000, timeoutMs: 10_000 },
      webhookConcurrency: 64,
      faults: { failRecipients: [], duplicateProbability: 0, reorderProbability: 0 },
    });
    expect(options.seedTemplates.map((t) => t.name)).toEqual(['hello_world', 'retomar_atendimento']);
  });

  it('when numbers, tokens and switches come from the environment, then they are parsed', () => {
    const { options } = loadSandboxConfig({
      SANDBOX_NUMBERS: JSON.stringify([{ phoneNumberId: '1', wabaId: '2', displayPhoneNumber: '+1 555 0100' }]),
      WHATSAPP_ACCESS_TOKEN: 'a, b',
      SANDBOX_AUTO_READ: 'true',
      SANDBOX_FAIL_RECIPIENTS: '5511999990000,5511999990001',
      SANDBOX_TEMPLATE_APPROVAL: 'manual',
    });

    expect(options.numbers).toEqual([{ phoneNumberId: '1', wabaId: '2', displayPhoneNumber: '+1 555 0100', verifiedName: 'Orquestra Sandbox' }]);
    expect(options.accessTokens).toEqual(['a', 'b']);
    expect(options.autoRead).toBe(true);
    expect(options.faults.failRecipients).toEqual(['5511999990000', '5511999990001']);
    expect(options.templateApproval.mode).toBe('manual');
  });

  it('when a variable is malformed, then the error names it', () => {
    expect(() => loadSandboxConfig({ SANDBOX_NUMBERS: '[{' })).toThrow(/SANDBOX_NUMBERS: must be valid JSON/);
    expect(() => loadSandboxConfig({ SANDBOX_NUMBERS: '[{"phoneNumberId":"x"}]' })).toThrow(/SANDBOX_NUMBERS/);
    expect(() => loadSandboxConfig({ SANDBOX_WEBHOOK_URL: 'not a url' })).toThrow(/SANDBOX_WEBHOOK_URL/);
  });

  it('when status delays are out of order, then the options are refused', () => {
    expect(() => parseSandboxOptions({ webhookUrl: 'http://127.0.0.1:1/x', statusDelaysMs: { sent: 100, delivered: 10 } })).toThrow(/sent <= delivered <= read/);
  });
});
