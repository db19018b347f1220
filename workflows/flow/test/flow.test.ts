import { describe, expect, test } from 'vitest';
import { defaultFlow } from '../defaultFlow';
import { matchMenuOption } from '../matchMenuOption';
import { menuNodeSchema, type FlowDefinitionInput } from '../schema';
import { validateFlow } from '../validateFlow';

const departments = [
  { id: '00000000-0000-4000-8000-000000000001', name: 'Laboratório', slug: 'laboratorio' },
  { id: '00000000-0000-4000-8000-000000000002', name: 'Comercial', slug: 'comercial' },
  { id: '00000000-0000-4000-8000-000000000003', name: 'Financeiro', slug: 'financeiro' },
  { id: '00000000-0000-4000-8000-000000000004', name: 'Administrativo', slug: 'administrativo' },
];
const flow = () => defaultFlow('Demo', departments, departments[3]!.id);

describe('the default flow', () => {
  test('when built for four departments, then it validates and offers them as a list', () => {
    const result = validateFlow(flow());
    expect(result.ok).toBe(true);
    const menu = result.ok ? result.flow.nodes.find((n) => n.type === 'menu') : undefined;
    expect(menu?.type === 'menu' && menu.config.style).toBe('list');
    expect(menu?.type === 'menu' && menu.config.options.map((o) => o.label)).toEqual(['Laboratório', 'Comercial', 'Financeiro', 'Administrativo']);
  });
});

describe('validation points at the node at fault', () => {
  const broken = (change: (f: FlowDefinitionInput) => void) => {
    const f = flow();
    change(f);
    const result = validateFlow(f);
    return result.ok ? [] : result.problems;
  };

  test('when a menu option is not connected, then publishing is refused naming the menu and the exit', () => {
    const problems = broken((f) => (f.edges = f.edges.filter((e) => e.id !== 'e-comercial')));
    expect(problems).toContainEqual({ nodeId: 'menu', code: 'missing_exit', message: 'ligue a saída "opt-comercial" a outro bloco' });
    expect(problems).toContainEqual(expect.objectContaining({ nodeId: 'route-comercial', code: 'unreachable' }));
  });

  test('when there is no start, two starts, a dangling edge or an unknown handle, then each is reported', () => {
    expect(broken((f) => (f.nodes = f.nodes.filter((n) => n.id !== 'start'))).map((p) => p.code)).toContain('no_start');
    expect(broken((f) => f.nodes.push({ id: 'start2', type: 'start', config: {} })).map((p) => p.code)).toContain('many_starts');
    expect(broken((f) => f.edges.push({ id: 'e-x', source: 'greeting', target: 'ghost' })).map((p) => p.code)).toContain('dangling_edge');
    expect(broken((f) => f.edges.push({ id: 'e-y', source: 'greeting', sourceHandle: 'invalid', target: 'menu' })).map((p) => p.code)).toContain('unknown_handle');
  });

  test('when a node config is invalid, then the problem names that node and the field', () => {
    const problems = broken((f) => {
      const menu = f.nodes.find((n) => n.id === 'menu')!;
      (menu.config as { text: string }).text = '';
    });
    expect(problems).toEqual([expect.objectContaining({ nodeId: 'menu', code: 'invalid_config', message: expect.stringContaining('text') })]);
  });

  test('when a button menu has four options or repeated ids, then its config is refused', () => {
    const options = departments.map((d) => ({ id: d.slug, label: d.name }));
    expect(menuNodeSchema.safeParse({ id: 'm', type: 'menu', config: { text: 'x', style: 'buttons', options } }).success).toBe(false);
    expect(menuNodeSchema.safeParse({ id: 'm', type: 'menu', config: { text: 'x', options: [options[0], options[0]] } }).success).toBe(false);
    expect(menuNodeSchema.safeParse({ id: 'm', type: 'menu', config: { text: 'x', style: 'buttons', options: options.slice(0, 3) } }).success).toBe(true);
  });
});

describe('menu answers', () => {
  const parsed = validateFlow(flow());
  const menu = parsed.ok ? parsed.flow.nodes.find((n) => n.type === 'menu') : undefined;
  const options = menu?.type === 'menu' ? menu.config.options : [];
  const chosen = (text: string) => matchMenuOption(options, { text })?.label;

  test.each([
    ['1', 'Laboratório'],
    ['1️⃣', 'Laboratório'],
    [' 2 ', 'Comercial'],
    ['lab', 'Laboratório'],
    ['laboratorio', 'Laboratório'],
    ['Laboratório', 'Laboratório'],
    ['LABORATÓRIO!', 'Laboratório'],
    ['quero falar com o financeiro por favor', 'Financeiro'],
    ['administrativo', 'Administrativo'],
  ])('when the customer answers %j, then %s is chosen', (text, label) => {
    expect(chosen(text)).toBe(label);
  });

  test.each([['9'], ['0'], ['oi'], ['comercial ou financeiro'], ['']])('when the customer answers %j, then nothing is chosen', (text) => {
    expect(chosen(text)).toBeUndefined();
  });

  test('when the customer taps an interactive option, then its id decides whatever the text says', () => {
    expect(matchMenuOption(options, { text: 'Financeiro', replyId: 'opt-comercial' })?.label).toBe('Comercial');
  });
});
