import { describe, expect, test } from 'vitest';
import { evaluateRule } from '../evaluateRule';
import { fillTemplate, jsonStringContent } from '../fillTemplate';
import { flowNodeSchema, handlesOf, type FlowDefinitionInput } from '../schema';
import { isCnpj, isCpf, validateAnswer } from '../validateAnswer';
import { validateFlow } from '../validateFlow';

const department = '00000000-0000-4000-8000-000000000001';
const flowId = '00000000-0000-4000-8000-0000000000f1';

/** A good config of every block type, as the builder saves it. */
const good = {
  message: { text: 'Veja nosso catálogo', media: { kind: 'document', url: 'https://example.com/catalogo.pdf', fileName: 'catalogo.pdf' }, delaySeconds: 2 },
  question: { text: 'Qual é o seu CPF?', variable: 'cpf', kind: 'cpf', timeoutMinutes: 10 },
  condition: { branches: [{ id: 'vip', label: 'VIP', rule: { kind: 'tag', tag: 'vip' } }] },
  setVariable: { assignments: [{ variable: 'origem', value: 'whatsapp' }] },
  tag: { add: ['lead'] },
  wait: { amount: 2, unit: 'days', onReply: 'interrupt' },
  http: { method: 'POST', url: 'https://crm.example.com/leads', body: '{"cpf":"{{vars.cpf}}"}', saveResponse: [{ variable: 'lead', path: 'id' }] },
  ai: { systemPrompt: 'Responda como a recepção da clínica.' },
  jump: { flowId },
} as const;

/** A config each type must refuse, and the message the admin reads next to the block. */
const bad: [keyof typeof good, unknown, string][] = [
  ['message', { text: 'Oi', media: { kind: 'image', url: 'não é url' } }, 'informe a URL pública do arquivo'],
  ['message', { delaySeconds: 1 }, 'escreva a mensagem'],
  ['question', { text: 'Seu CPF?', variable: '1cpf' }, 'use letras, números e _, começando por uma letra'],
  ['question', { text: 'Placa?', variable: 'placa', kind: 'regex', pattern: '[A-Z{3' }, 'informe uma expressão regular válida'],
  ['question', { text: 'Cor?', variable: 'cor', kind: 'options' }, 'informe as respostas aceitas'],
  ['condition', { branches: [] }, 'um bloco de condição precisa de ao menos um caminho'],
  ['condition', { branches: [{ id: 'a', label: 'A', rule: { kind: 'keyword', keywords: [] } }] }, 'informe ao menos uma palavra'],
  ['condition', { branches: [{ id: 'a', label: 'A', rule: { kind: 'businessHours', departmentId: 'x' } }] }, 'escolha um departamento'],
  ['condition', { branches: [{ id: 'a', label: 'A', rule: { kind: 'tag', tag: 'x' } }, { id: 'a', label: 'B', rule: { kind: 'tag', tag: 'y' } }] }, 'cada caminho precisa de um id diferente'],
  ['condition', { branches: [{ id: 'else', label: 'Senão', rule: { kind: 'tag', tag: 'x' } }] }, 'o id de um caminho não pode ser o nome de uma saída (else, next…)'],
  ['setVariable', { assignments: [] }, 'defina ao menos uma variável'],
  ['tag', { add: [], remove: [] }, 'adicione ou remova ao menos uma etiqueta'],
  ['wait', { amount: 31, unit: 'days' }, 'espere no máximo 30 dias'],
  ['http', { url: 'ftp://files.example.com' }, 'a URL começa com http:// ou https://'],
  ['http', { url: 'https://x.example.com', headers: [{ name: 'X Bad', value: '1' }] }, 'nome de cabeçalho inválido'],
  ['ai', { systemPrompt: '  ' }, 'escreva as instruções do assistente'],
  ['jump', { flowId: 'outro' }, 'escolha o fluxo'],
];

const parse = (type: string, config: unknown) => flowNodeSchema.safeParse({ id: 'n1', type, config });

describe('every block type has a schema', () => {
  test.each(Object.entries(good))('when a %s block is configured sensibly, then it parses with its defaults filled', (type, config) => {
    const parsed = parse(type, config);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  test.each(bad)('when a %s block is configured wrongly, then it is refused with a message the admin understands', (type, config, message) => {
    const parsed = parse(type, config);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message)).toContain(message);
  });

  test('when a message carries only a file, or a menu option is named like an exit, then the first parses and the second is refused', () => {
    expect(parse('message', { text: ' ', media: { kind: 'audio', url: 'https://example.com/boas-vindas.ogg' } }).success).toBe(true);
    const menu = parse('menu', { text: 'Escolha', options: [{ id: 'invalid', label: 'Inválido' }] });
    expect(menu.error?.issues.map((i) => i.message)).toContain('o id de uma opção não pode ser o nome de uma saída (next, invalid, timeout…)');
  });

  test('when blocks are parsed, then each offers the exits the builder draws', () => {
    const exits = (type: keyof typeof good) => handlesOf(flowNodeSchema.parse({ id: 'n', type, config: good[type] })).map((h) => h.handle);
    expect(exits('question')).toEqual(['next', 'invalid', 'timeout']);
    expect(exits('condition')).toEqual(['vip', 'else']);
    expect(exits('wait')).toEqual(['next', 'replied']);
    expect(exits('http')).toEqual(['success', 'error']);
    expect(exits('ai')).toEqual(['next', 'timeout', 'error']);
    expect(exits('jump')).toEqual([]);
    expect(handlesOf(flowNodeSchema.parse({ id: 'n', type: 'wait', config: { amount: 5 } })).map((h) => h.handle)).toEqual(['next']);
  });
});

describe('variables are set before they are used', () => {
  const flowWith = (reader: string, writerFirst: boolean): FlowDefinitionInput => ({
    nodes: [
      { id: 'start', type: 'start', config: {} },
      { id: 'ask', type: 'question', config: { text: 'Seu nome?', variable: 'nome' } },
      { id: 'say', type: 'message', config: { text: reader } },
      { id: 'route', type: 'route', config: { departmentId: department } },
    ],
    edges: writerFirst
      ? [
          { id: 'a', source: 'start', target: 'ask' },
          { id: 'b', source: 'ask', target: 'say' },
          { id: 'c', source: 'ask', sourceHandle: 'invalid', target: 'route' },
          { id: 'd', source: 'say', target: 'route' },
        ]
      : [
          { id: 'a', source: 'start', target: 'say' },
          { id: 'b', source: 'say', target: 'ask' },
          { id: 'c', source: 'ask', target: 'route' },
          { id: 'd', source: 'ask', sourceHandle: 'invalid', target: 'route' },
        ],
  });
  const problemsOf = (f: FlowDefinitionInput) => {
    const result = validateFlow(f);
    return result.ok ? [] : result.problems;
  };

  test('when a message reads a variable a question before it sets, then the flow is valid', () => {
    expect(problemsOf(flowWith('Obrigado, {{vars.nome}}!', true))).toEqual([]);
  });

  test('when a message reads a variable before the question that sets it, or one no block sets, then the message is pointed at', () => {
    expect(problemsOf(flowWith('Obrigado, {{vars.nome}}!', false))).toEqual([{ nodeId: 'say', code: 'unset_variable', message: 'a variável "nome" é usada antes de receber um valor' }]);
    expect(problemsOf(flowWith('Seu pedido {{ vars.pedido }}', true))).toEqual([{ nodeId: 'say', code: 'unset_variable', message: 'nenhum bloco define a variável "pedido"' }]);
  });
});

describe('answers to questions', () => {
  test('when documents are typed with or without punctuation, then CPF and CNPJ are checked by their digits', () => {
    expect(isCpf('529.982.247-25')).toBe(true);
    expect(isCpf('52998224725')).toBe(true);
    expect(isCpf('529.982.247-24')).toBe(false);
    expect(isCpf('111.111.111-11')).toBe(false);
    expect(isCnpj('11.222.333/0001-81')).toBe(true);
    expect(isCnpj('11.222.333/0001-80')).toBe(false);
    expect(validateAnswer({ kind: 'cpfCnpj', choices: [] }, '11.222.333/0001-81')).toEqual({ ok: true, value: '11222333000181' });
  });

  test.each([
    ['number', '1.234,56', '1234.56'],
    ['number', '42', '42'],
    ['email', 'Joana@Exemplo.com.br', 'joana@exemplo.com.br'],
    ['phone', '(11) 98765-4321', '11987654321'],
    ['date', '7/3/2026', '07/03/2026'],
    ['text', '  qualquer coisa ', 'qualquer coisa'],
  ] as const)('when a %s question gets "%s", then "%s" is kept', (kind, answer, value) => {
    expect(validateAnswer({ kind, choices: [] }, answer)).toEqual({ ok: true, value });
  });

  test.each([
    ['number', 'muitos'],
    ['email', 'joana@'],
    ['phone', '1234'],
    ['date', '31/02/2026'],
    ['text', '   '],
  ] as const)('when a %s question gets "%s", then it is asked again', (kind, answer) => {
    expect(validateAnswer({ kind, choices: [] }, answer)).toEqual({ ok: false });
  });

  test('when a pattern or a list of choices is asked for, then the whole answer must match, without case or accents for choices', () => {
    expect(validateAnswer({ kind: 'regex', pattern: '[A-Z]{3}-?\\d{4}', choices: [] }, 'abc-1234')).toEqual({ ok: true, value: 'abc-1234' });
    expect(validateAnswer({ kind: 'regex', pattern: '[A-Z]{3}-?\\d{4}', choices: [] }, 'placa abc-1234')).toEqual({ ok: false });
    expect(validateAnswer({ kind: 'options', choices: ['Manhã', 'Tarde'] }, 'manha')).toEqual({ ok: true, value: 'Manhã' });
    expect(validateAnswer({ kind: 'options', choices: ['Manhã', 'Tarde'] }, 'noite')).toEqual({ ok: false });
  });
});

describe('conditions decided from the conversation', () => {
  const values = { 'vars.total': '150,50', 'vars.plano': 'Ouro', 'vars.vazio': '', 'vars.limite': '100' };
  test.each([
    [{ kind: 'variable', variable: 'plano', comparison: 'equals', value: 'ouro' }, true],
    [{ kind: 'variable', variable: 'plano', comparison: 'notEquals', value: 'ouro' }, false],
    [{ kind: 'variable', variable: 'plano', comparison: 'contains', value: 'ur' }, true],
    [{ kind: 'variable', variable: 'total', comparison: 'greaterThan', value: '{{vars.limite}}' }, true],
    [{ kind: 'variable', variable: 'total', comparison: 'lessThan', value: '100' }, false],
    [{ kind: 'variable', variable: 'plano', comparison: 'greaterThan', value: '1' }, false],
    [{ kind: 'variable', variable: 'vazio', comparison: 'isEmpty', value: '' }, true],
    [{ kind: 'variable', variable: 'nunca', comparison: 'isSet', value: '' }, false],
    [{ kind: 'keyword', keywords: ['segunda via', 'boleto'] }, true],
    [{ kind: 'keyword', keywords: ['cancelar'] }, false],
  ] as const)('when the rule is %o, then it holds: %s', (rule, holds) => {
    expect(evaluateRule(rule as Parameters<typeof evaluateRule>[0], { values, lastText: 'Quero a 2ª, digo, a SEGUNDA VIA do boleto!' })).toBe(holds);
  });
});

describe('templates for machines', () => {
  test('when values land in a URL or a JSON string, then each is escaped for its place', () => {
    expect(fillTemplate('https://crm/x?phone={{contact.phone}}', { 'contact.phone': '+55 11' }, encodeURIComponent)).toBe('https://crm/x?phone=%2B55%2011');
    expect(JSON.parse(fillTemplate('{"nome": "{{vars.nome}}"}', { 'vars.nome': 'Ana "Bia"\n' }, jsonStringContent))).toEqual({ nome: 'Ana "Bia"\n' });
    expect(fillTemplate('{{vars.none}}-{{ vars.a }}', { 'vars.a': '1' })).toBe('-1');
  });
});
