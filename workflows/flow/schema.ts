import { z } from 'zod';

// The flow language: what the visual builder draws and what the conversation workflow executes. It
// lives beside the workflows (deterministic code, no I/O) and is imported by api/ and web/ as well.
// A flow is a graph: typed nodes with a config each, and edges from a node's named handle to a node.

const id = z.string().min(1).max(64).regex(/^[\w-]+$/, 'use letras, números, _ e -');
const position = z.object({ x: z.number(), y: z.number() });
/** Text sent to the customer; may hold variables such as {{contact.name}} or {{vars.cpf}}. */
const messageText = z.string().trim().min(1, 'escreva a mensagem').max(4096);

const node = <T extends string, C extends z.ZodType>(type: T, config: C) => z.object({ id, type: z.literal(type), position: position.default({ x: 0, y: 0 }), config });

export const menuOptionSchema = z.object({
  id,
  label: z.string().trim().min(1, 'dê um nome à opção').max(24),
  description: z.string().max(72).optional(),
  /** Other words that choose this option ("lab", "exames"); matched without case or accents. */
  synonyms: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
});

export const startNodeSchema = node('start', z.object({}).default({}));
/** A variable's name as blocks write it and text reads it ({{vars.cpf}}): lower camel or snake case. */
export const variableName = z.string().trim().regex(/^[a-zA-Z][\w]{0,39}$/, 'use letras, números e _, começando por uma letra');
/** A file sent by link: WhatsApp downloads it from this public URL when sending. */
const mediaLink = z.object({ kind: z.enum(['image', 'video', 'audio', 'document']), url: z.url('informe a URL pública do arquivo'), fileName: z.string().max(240).optional() });
export const messageNodeSchema = node(
  'message',
  z
    .object({
      /** The text, or the caption of the media (an audio's text goes before it); optional with media. */
      text: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), messageText.optional()),
      media: mediaLink.optional(),
      delaySeconds: z.number().int().min(0).max(300).default(0),
    })
    .refine((c) => c.text !== undefined || c.media !== undefined, { message: 'escreva a mensagem', path: ['text'] }),
);

/** Exits every block may have; an option or branch named like one would make two exits of one name. */
const reservedHandles = new Set(['next', 'invalid', 'timeout', 'else', 'replied', 'success', 'error', 'left']);
const notReserved = (ids: string[]) => ids.every((i) => !reservedHandles.has(i));
export const menuNodeSchema = node(
  'menu',
  z
    .object({
      text: messageText,
      /** Buttons (up to 3) or a list (up to 10); `text` numbers the options in the message itself. */
      style: z.enum(['buttons', 'list', 'text']).default('list'),
      buttonLabel: z.string().trim().min(1).max(20).default('Ver opções'),
      options: z.array(menuOptionSchema).min(1, 'um menu precisa de ao menos uma opção').max(10, 'um menu tem no máximo 10 opções'),
      invalidText: messageText.default('Não entendi. Responda com o número ou o nome de uma das opções.'),
      /** Invalid answers accepted before the flow leaves through the `invalid` handle. */
      maxAttempts: z.number().int().min(1).max(10).default(3),
      /** Silence after which the flow leaves through the `timeout` handle; 0 waits forever. */
      timeoutMinutes: z.number().int().min(0).max(10_080).default(0),
    })
    .refine((c) => c.style !== 'buttons' || c.options.length <= 3, { message: 'botões aceitam no máximo 3 opções: use lista', path: ['options'] })
    .refine((c) => new Set(c.options.map((o) => o.id)).size === c.options.length, { message: 'cada opção precisa de um id diferente', path: ['options'] })
    .refine((c) => notReserved(c.options.map((o) => o.id)), { message: 'o id de uma opção não pode ser o nome de uma saída (next, invalid, timeout…)', path: ['options'] }),
);
export const routeNodeSchema = node('route', z.object({ departmentId: z.uuid('escolha um departamento'), text: messageText.optional() }));
/** Straight to a person: the agent takes it if ONLINE with room, otherwise it waits in the department's queue. */
export const handoffNodeSchema = node('handoff', z.object({ departmentId: z.uuid('escolha um departamento'), agentId: z.uuid().optional(), text: messageText.optional() }));
export const endNodeSchema = node('end', z.object({ text: messageText.optional() }).default({}));


/** How a question checks its answer; CPF and CNPJ by their check digits, dates as dd/mm/aaaa. */
export const answerKinds = ['text', 'number', 'email', 'phone', 'cpf', 'cnpj', 'cpfCnpj', 'date', 'regex', 'options'] as const;
export const questionNodeSchema = node(
  'question',
  z
    .object({
      text: messageText,
      /** Where the answer is kept: {{vars.<name>}}. */
      variable: variableName,
      kind: z.enum(answerKinds).default('text'),
      /** For `regex`: the whole answer must match (case ignored). */
      pattern: z.string().max(200).optional(),
      /** For `options`: the accepted answers, matched without case or accents; the one written here is stored. */
      choices: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
      errorText: messageText.default('Não consegui entender sua resposta. Pode tentar de novo?'),
      /** Wrong answers accepted before the flow leaves through the `invalid` handle. */
      maxAttempts: z.number().int().min(1).max(10).default(3),
      /** Silence after which the flow leaves through the `timeout` handle; 0 waits forever. */
      timeoutMinutes: z.number().int().min(0).max(10_080).default(0),
    })
    .refine((c) => c.kind !== 'regex' || (!!c.pattern && isValidPattern(c.pattern)), { message: 'informe uma expressão regular válida', path: ['pattern'] })
    .refine((c) => c.kind !== 'options' || c.choices.length > 0, { message: 'informe as respostas aceitas', path: ['choices'] }),
);

const comparison = z.enum(['equals', 'notEquals', 'contains', 'greaterThan', 'lessThan', 'isSet', 'isEmpty']);
/** One test of a condition block; the first branch whose rule holds is taken, else `else`. */
export const conditionRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('variable'), variable: variableName, comparison, value: z.string().max(200).default('') }),
  /** The customer's last message contains one of the words (without case or accents). */
  z.object({ kind: z.literal('keyword'), keywords: z.array(z.string().trim().min(1).max(60)).min(1, 'informe ao menos uma palavra').max(30) }),
  /** Now is inside the department's business hours. */
  z.object({ kind: z.literal('businessHours'), departmentId: z.uuid('escolha um departamento') }),
  z.object({ kind: z.literal('tag'), tag: z.string().trim().min(1, 'informe a etiqueta').max(40) }),
  /** At least one member of the department is ONLINE. */
  z.object({ kind: z.literal('agentsOnline'), departmentId: z.uuid('escolha um departamento') }),
]);
export type ConditionRule = z.infer<typeof conditionRuleSchema>;
export const conditionNodeSchema = node(
  'condition',
  z
    .object({
      branches: z.array(z.object({ id, label: z.string().trim().min(1, 'dê um nome ao caminho').max(40), rule: conditionRuleSchema })).min(1, 'um bloco de condição precisa de ao menos um caminho').max(10),
    })
    .refine((c) => new Set(c.branches.map((b) => b.id)).size === c.branches.length, { message: 'cada caminho precisa de um id diferente', path: ['branches'] })
    .refine((c) => notReserved(c.branches.map((b) => b.id)), { message: 'o id de um caminho não pode ser o nome de uma saída (else, next…)', path: ['branches'] }),
);

export const setVariableNodeSchema = node(
  'setVariable',
  z.object({ assignments: z.array(z.object({ variable: variableName, value: z.string().max(1000) })).min(1, 'defina ao menos uma variável').max(20) }),
);
export const tagNodeSchema = node(
  'tag',
  z
    .object({ add: z.array(z.string().trim().min(1).max(40)).max(20).default([]), remove: z.array(z.string().trim().min(1).max(40)).max(20).default([]) })
    .refine((c) => c.add.length + c.remove.length > 0, { message: 'adicione ou remova ao menos uma etiqueta', path: ['add'] }),
);

/**
 * A durable timer (minutes to days). A customer message during the wait either leaves through the
 * `replied` handle at once (`interrupt`) or is kept for the next question while the wait goes on.
 */
export const waitNodeSchema = node(
  'wait',
  z
    .object({ amount: z.number().int().min(1).max(10_080), unit: z.enum(['minutes', 'hours', 'days']).default('minutes'), onReply: z.enum(['interrupt', 'continue']).default('continue') })
    .refine((c) => c.amount * { minutes: 1, hours: 60, days: 1440 }[c.unit] <= 30 * 1440, { message: 'espere no máximo 30 dias', path: ['amount'] }),
);

/** Text may name a company secret as {{secrets.NAME}} (headers, URL, body): resolved by the activity, never shown back. */
export const httpRequestNodeSchema = node(
  'http',
  z.object({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
    url: z.string().trim().min(1, 'informe a URL').max(2000).regex(/^(https?:\/\/|\{\{)/, 'a URL começa com http:// ou https://'),
    headers: z.array(z.object({ name: z.string().trim().min(1).max(100).regex(/^[\w-]+$/, 'nome de cabeçalho inválido'), value: z.string().max(2000) })).max(20).default([]),
    /** JSON with {{variables}}; values are inserted as JSON strings. */
    body: z.string().max(10_000).optional(),
    timeoutSeconds: z.number().int().min(1).max(30).default(10),
    retries: z.number().int().min(0).max(5).default(0),
    /** Response fields kept as variables: `path` like `data.customer.name` or `items.0.id`. */
    saveResponse: z.array(z.object({ variable: variableName, path: z.string().trim().min(1).max(200) })).max(20).default([]),
  }),
);

/** Answers with an OpenAI-compatible chat model; off (leaves through `error`) until the company configures it. */
export const aiReplyNodeSchema = node(
  'ai',
  z.object({
    systemPrompt: z.string().trim().min(1, 'escreva as instruções do assistente').max(8000),
    /** Messages of the conversation given to the model, newest last. */
    historyMessages: z.number().int().min(0).max(50).default(10),
    /** Also keep the answer in a variable. */
    variable: variableName.optional(),
    timeoutSeconds: z.number().int().min(1).max(60).default(20),
  }),
);

/** Continues in another flow's published version (resolved when the conversation gets there). */
export const jumpNodeSchema = node('jump', z.object({ flowId: z.uuid('escolha o fluxo') }));

export const flowNodeSchema = z.discriminatedUnion('type', [
  startNodeSchema,
  messageNodeSchema,
  menuNodeSchema,
  questionNodeSchema,
  conditionNodeSchema,
  setVariableNodeSchema,
  tagNodeSchema,
  waitNodeSchema,
  httpRequestNodeSchema,
  aiReplyNodeSchema,
  routeNodeSchema,
  handoffNodeSchema,
  jumpNodeSchema,
  endNodeSchema,
]);
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowNodeType = FlowNode['type'];
export type NodeOf<T extends FlowNodeType> = Extract<FlowNode, { type: T }>;

export const flowEdgeSchema = z.object({
  id,
  source: id,
  /** Which exit of the source: `next`, a menu option or condition branch id, `invalid`, `timeout`, `else`, `replied`, `success`, `error`. */
  sourceHandle: z.string().min(1).max(64).default('next'),
  target: id,
});
export type FlowEdge = z.infer<typeof flowEdgeSchema>;

export const FLOW_SCHEMA_VERSION = 1;

export const flowDefinitionSchema = z.object({
  schemaVersion: z.literal(FLOW_SCHEMA_VERSION).default(FLOW_SCHEMA_VERSION),
  nodes: z.array(flowNodeSchema).min(1).max(500),
  edges: z.array(flowEdgeSchema).max(2000),
});
export type FlowDefinition = z.infer<typeof flowDefinitionSchema>;
export type FlowDefinitionInput = z.input<typeof flowDefinitionSchema>;

/** The exits a node offers, each of which an edge may leave from. */
export function handlesOf(node: FlowNode): { handle: string; required: boolean }[] {
  switch (node.type) {
    case 'start':
    case 'message':
      return [{ handle: 'next', required: true }];
    case 'menu':
      return [
        ...node.config.options.map((o) => ({ handle: o.id, required: true })),
        { handle: 'invalid', required: true },
        ...(node.config.timeoutMinutes > 0 ? [{ handle: 'timeout', required: true }] : []),
      ];
    case 'question':
      return [
        { handle: 'next', required: true },
        { handle: 'invalid', required: true },
        ...(node.config.timeoutMinutes > 0 ? [{ handle: 'timeout', required: true }] : []),
      ];
    case 'condition':
      return [...node.config.branches.map((b) => ({ handle: b.id, required: true })), { handle: 'else', required: true }];
    case 'setVariable':
    case 'tag':
      return [{ handle: 'next', required: true }];
    case 'wait':
      return [{ handle: 'next', required: true }, ...(node.config.onReply === 'interrupt' ? [{ handle: 'replied', required: true }] : [])];
    case 'http':
      return [
        { handle: 'success', required: true },
        { handle: 'error', required: true },
      ];
    case 'ai':
      return [
        { handle: 'next', required: true },
        { handle: 'timeout', required: true },
        { handle: 'error', required: true },
      ];
    case 'route':
    case 'handoff':
    case 'jump':
    case 'end':
      return [];
  }
}

function isValidPattern(pattern: string) {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** Variables a node gives a value to (for the "set before use" check). */
export function variablesWrittenBy(node: FlowNode): string[] {
  switch (node.type) {
    case 'question':
      return [node.config.variable];
    case 'setVariable':
      return node.config.assignments.map((a) => a.variable);
    case 'http':
      return node.config.saveResponse.map((s) => s.variable);
    case 'ai':
      return node.config.variable ? [node.config.variable] : [];
    default:
      return [];
  }
}

const varReference = /\{\{\s*vars\.(\w+)\s*\}\}/g;
/** Variables a node reads: {{vars.x}} in any of its texts, and the variable a condition compares. */
export function variablesReadBy(node: FlowNode): string[] {
  const names = new Set<string>();
  const scan = (value: unknown): void => {
    if (typeof value === 'string') for (const m of value.matchAll(varReference)) names.add(m[1]!);
    else if (Array.isArray(value)) value.forEach(scan);
    else if (value && typeof value === 'object') Object.values(value).forEach(scan);
  };
  scan(node.config);
  if (node.type === 'condition') for (const b of node.config.branches) if (b.rule.kind === 'variable' && b.rule.comparison !== 'isSet' && b.rule.comparison !== 'isEmpty') names.add(b.rule.variable);
  return [...names];
}
