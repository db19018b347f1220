import { ApplicationFailure } from '@temporalio/activity';
import { readCompanySettings } from '../api/companies/settings';
import { openingState } from '../api/departments/businessHours';
import { businessHoursSchema } from '../api/departments/schemas';
import { decryptSecret, UnreadableSecretError, type SecretOwner } from '../api/secrets/secretCipher';
import { fillTemplate, jsonStringContent } from '../workflows/flow/fillTemplate';
import { flowDefinitionSchema, type ConditionRule, type FlowDefinition, type NodeOf } from '../workflows/flow/schema';
import { publishConversation } from './conversationEvents';
import type { ActivityDeps } from './deps';
import { outboundRequest, type OutboundResponse } from './outbound/outboundRequest';
import { onPool, writeTimelineLine } from './routingRows';

export interface HttpBlockInput {
  conversationId: string;
  request: Pick<NodeOf<'http'>['config'], 'method' | 'url' | 'headers' | 'body' | 'timeoutSeconds' | 'saveResponse'>;
  /** The conversation's variables as templates read them (`contact.name`, `vars.cpf`). */
  values: Record<string, string>;
}

export interface HttpBlockResult {
  ok: boolean;
  status: number;
  /** The response fields the block maps into variables, as strings. */
  saved: Record<string, string>;
}

export interface AiReplyInput {
  conversationId: string;
  systemPrompt: string;
  historyMessages: number;
  timeoutSeconds: number;
}

/** The longest response body an HTTP or AI block reads: enough for an API answer, not for a download. */
const MAX_RESPONSE_BYTES = 1_000_000;

/** `items.0.name` inside a parsed JSON value; objects and arrays come back as JSON text. */
function pick(value: unknown, path: string): string | undefined {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  if (current === undefined || current === null) return undefined;
  return typeof current === 'object' ? JSON.stringify(current) : String(current);
}

const timedOut = (error: unknown) => error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');

export function createFlowBlockActivities({ db, sql, notify, secretKeys, outboundAllowed }: ActivityDeps) {
  /** A value that does not open fails the block: sending a wrong credential would be worse than stopping. */
  function plaintextOf(owner: SecretOwner, stored: string) {
    try {
      return decryptSecret(secretKeys, owner, stored);
    } catch (error) {
      if (!(error instanceof UnreadableSecretError)) throw error;
      throw ApplicationFailure.nonRetryable(`Não foi possível ler o segredo ${owner.name}: a chave que o cifrou não está mais configurada ou o valor foi alterado. Cadastre o segredo de novo.`, 'UnreadableSecret', error.message);
    }
  }

  const conversationOf = (conversationId: string) => db.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { id: true, companyId: true, numberId: true, contactId: true, departmentId: true } });

  /** {{secrets.NAME}} of the company; a name that does not exist fails the block rather than sending an empty credential. */
  async function secretsFor(companyId: string, texts: string[]) {
    const names = [...new Set(texts.flatMap((t) => [...t.matchAll(/\{\{\s*secrets\.(\w+)\s*\}\}/g)].map((m) => m[1]!)))];
    if (!names.length) return {};
    const rows = await db.companySecret.findMany({ where: { companyId, name: { in: names } }, select: { name: true, value: true } });
    const missing = names.filter((n) => !rows.some((r) => r.name === n));
    if (missing.length) throw ApplicationFailure.nonRetryable(`Segredo não cadastrado: ${missing.join(', ')}`, 'MissingSecret');
    return Object.fromEntries(rows.map((r) => [`secrets.${r.name}`, plaintextOf({ companyId, name: r.name }, r.value)]));
  }

  return {
    /** The whole set each time, so a retry writes the same thing. */
    async saveConversationVariables(input: { conversationId: string; variables: Record<string, string> }) {
      await db.conversation.update({ where: { id: input.conversationId }, data: { variables: input.variables } });
      await publishConversation({ db, notify }, input.conversationId);
    },

    async changeContactTags(input: { conversationId: string; add: string[]; remove: string[] }) {
      const { contactId } = await conversationOf(input.conversationId);
      const contact = await db.contact.findUniqueOrThrow({ where: { id: contactId }, select: { tags: true } });
      const tags = [...new Set([...contact.tags.filter((t) => !input.remove.includes(t)), ...input.add.filter((t) => !input.remove.includes(t))])];
      await db.contact.update({ where: { id: contactId }, data: { tags } });
    },

    /** The rules a condition block cannot decide from the conversation alone. */
    async checkConditionRule(input: { conversationId: string; rule: Extract<ConditionRule, { kind: 'businessHours' | 'tag' | 'agentsOnline' }> }): Promise<boolean> {
      const { rule } = input;
      if (rule.kind === 'tag') {
        const { contactId } = await conversationOf(input.conversationId);
        const contact = await db.contact.findUniqueOrThrow({ where: { id: contactId }, select: { tags: true } });
        return contact.tags.some((t) => t.toLowerCase() === rule.tag.toLowerCase());
      }
      if (rule.kind === 'businessHours') {
        const department = await db.department.findUnique({ where: { id: rule.departmentId }, select: { businessHours: true } });
        return !!department && openingState(businessHoursSchema.parse(department.businessHours), new Date()).open;
      }
      const online = await db.departmentMember.count({ where: { departmentId: rule.departmentId, user: { active: true, status: 'ONLINE' } } });
      return online > 0;
    },

    /**
     * Calls the URL a flow's HTTP block names. Network failures, timeouts and 5xx answers throw, so the
     * block's retries apply; any other answer returns, and the block leaves through `success` for 2xx.
     */
    async callHttpBlock(input: HttpBlockInput): Promise<HttpBlockResult> {
      const { companyId } = await conversationOf(input.conversationId);
      const { request } = input;
      const values = { ...input.values, ...(await secretsFor(companyId, [request.url, request.body ?? '', ...request.headers.map((h) => h.value)])) };
      const url = fillTemplate(request.url, values, encodeURIComponent);
      if (!/^https?:\/\//.test(url)) throw ApplicationFailure.nonRetryable(`URL inválida: ${url.slice(0, 80)}`, 'InvalidUrl');
      const headers = new Headers(request.headers.map((h): [string, string] => [h.name, fillTemplate(h.value, values)]));
      const body = request.body && request.method !== 'GET' ? fillTemplate(request.body, values, jsonStringContent) : undefined;
      if (body && !headers.has('content-type')) headers.set('content-type', 'application/json');
      let response: OutboundResponse;
      try {
        response = await outboundRequest(outboundAllowed, { method: request.method, url, headers, body, timeoutMs: request.timeoutSeconds * 1000, maxResponseBytes: MAX_RESPONSE_BYTES });
      } catch (error) {
        if (error instanceof ApplicationFailure) throw error;
        throw ApplicationFailure.retryable(timedOut(error) ? `Sem resposta em ${request.timeoutSeconds} s` : `Falha ao chamar ${new URL(url).host}: ${(error as Error).message}`, timedOut(error) ? 'Timeout' : 'NetworkError');
      }
      const { text } = response;
      if (response.status >= 500) throw ApplicationFailure.retryable(`O serviço respondeu ${response.status}`, 'ServerError');
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // A plain-text answer can still be saved whole with the path "body".
      }
      const saved: Record<string, string> = {};
      for (const { variable, path } of request.saveResponse) {
        const value = path === 'body' ? text : pick(parsed, path);
        if (value !== undefined) saved[variable] = value.slice(0, 4096);
      }
      return { ok: response.ok, status: response.status, saved };
    },

    /**
     * The company's OpenAI-compatible chat endpoint answers with the block's instructions and the
     * conversation so far. Not configured and timed out are refusals the block branches on.
     */
    async askAiBlock(input: AiReplyInput): Promise<{ text: string }> {
      const conversation = await db.conversation.findUniqueOrThrow({ where: { id: input.conversationId }, select: { companyId: true, company: { select: { settings: true } } } });
      const settings = readCompanySettings(conversation.company.settings);
      if (!settings.aiBaseUrl || !settings.aiApiKeySecret) throw ApplicationFailure.nonRetryable('A IA não está configurada nesta empresa', 'AiNotConfigured');
      const owner = { companyId: conversation.companyId, name: settings.aiApiKeySecret };
      const secret = await db.companySecret.findUnique({ where: { companyId_name: owner }, select: { value: true } });
      if (!secret) throw ApplicationFailure.nonRetryable(`Segredo não cadastrado: ${settings.aiApiKeySecret}`, 'AiNotConfigured');
      const apiKey = plaintextOf(owner, secret.value);
      const history = input.historyMessages
        ? await db.message.findMany({
            where: { conversationId: input.conversationId, type: { not: 'event' }, body: { not: null } },
            orderBy: { createdAt: 'desc' },
            take: input.historyMessages,
            select: { direction: true, body: true },
          })
        : [];
      const messages = [
        { role: 'system', content: input.systemPrompt },
        ...history.reverse().map((m) => ({ role: m.direction === 'INBOUND' ? 'user' : 'assistant', content: m.body! })),
      ];
      let response: OutboundResponse;
      try {
        response = await outboundRequest(outboundAllowed, {
          method: 'POST',
          url: `${settings.aiBaseUrl.replace(/\/$/, '')}/chat/completions`,
          headers: new Headers({ 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }),
          body: JSON.stringify({ model: settings.aiModel, messages }),
          timeoutMs: input.timeoutSeconds * 1000,
          maxResponseBytes: MAX_RESPONSE_BYTES,
        });
      } catch (error) {
        if (error instanceof ApplicationFailure) throw error;
        if (timedOut(error)) throw ApplicationFailure.nonRetryable(`A IA não respondeu em ${input.timeoutSeconds} s`, 'AiTimeout');
        throw ApplicationFailure.retryable(`Falha ao chamar a IA: ${(error as Error).message}`, 'AiUnavailable');
      }
      if (response.status === 429 || response.status >= 500) throw ApplicationFailure.retryable(`A IA respondeu ${response.status}`, 'AiUnavailable');
      let body: { choices?: { message?: { content?: string } }[] } | null = null;
      try {
        body = JSON.parse(response.text);
      } catch {
        // Not JSON: refused below like an answer without text.
      }
      const text = body?.choices?.[0]?.message?.content?.trim();
      if (!response.ok || !text) throw ApplicationFailure.nonRetryable(`A IA recusou o pedido (${response.status})`, 'AiRefused');
      return { text: text.slice(0, 4096) };
    },

    /** The published version of the flow a jump block goes to, fixed when the conversation gets there. */
    async loadJumpFlow(input: { conversationId: string; flowId: string }): Promise<{ flowVersionId: string; flow: FlowDefinition } | null> {
      const { companyId } = await conversationOf(input.conversationId);
      const target = await db.flow.findFirst({ where: { id: input.flowId, companyId }, select: { publishedVersionId: true } });
      if (!target?.publishedVersionId) return null;
      const version = await db.flowVersion.findUniqueOrThrow({ where: { id: target.publishedVersionId }, select: { id: true, definition: true } });
      return { flowVersionId: version.id, flow: flowDefinitionSchema.parse(version.definition) };
    },

    /** The bot could not go on (a loop without waits, a jump to nowhere): agents read why in the timeline. */
    async recordBotFailure(input: { conversationId: string; stepId: string; nodeId: string | null; reason: string }) {
      const conversation = await conversationOf(input.conversationId);
      await writeTimelineLine(onPool(sql), conversation, { stepId: input.stepId, line: { kind: 'bot.failed', text: `O bot parou${input.nodeId ? ` no bloco "${input.nodeId}"` : ''}: ${input.reason}. A conversa foi passada para um atendente.` } });
      await notify({ type: 'message.new', companyId: conversation.companyId, conversationId: conversation.id, departmentId: conversation.departmentId, payload: { message: await db.message.findUniqueOrThrow({ where: { id: input.stepId } }) } });
    },
  };
}

export type FlowBlockActivities = ReturnType<typeof createFlowBlockActivities>;
