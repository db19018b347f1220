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
export const messageNodeSchema = node('message', z.object({ text: messageText, delaySeconds: z.number().int().min(0).max(300).default(0) }));
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
    .refine((c) => new Set(c.options.map((o) => o.id)).size === c.options.length, { message: 'cada opção precisa de um id diferente', path: ['options'] }),
);
export const routeNodeSchema = node('route', z.object({ departmentId: z.uuid('escolha um departamento'), text: messageText.optional() }));
/** Straight to a person: the agent takes it if ONLINE with room, otherwise it waits in the department's queue. */
export const handoffNodeSchema = node('handoff', z.object({ departmentId: z.uuid('escolha um departamento'), agentId: z.uuid().optional(), text: messageText.optional() }));
export const endNodeSchema = node('end', z.object({ text: messageText.optional() }).default({}));

export const flowNodeSchema = z.discriminatedUnion('type', [startNodeSchema, messageNodeSchema, menuNodeSchema, routeNodeSchema, handoffNodeSchema, endNodeSchema]);
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowNodeType = FlowNode['type'];
export type NodeOf<T extends FlowNodeType> = Extract<FlowNode, { type: T }>;

export const flowEdgeSchema = z.object({
  id,
  source: id,
  /** Which exit of the source: `next`, a menu option id, `invalid` or `timeout`. */
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
    case 'route':
    case 'handoff':
    case 'end':
      return [];
  }
}
