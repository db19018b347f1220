import { describe, expect, test } from 'vitest';
import { templateComponentsSchema } from './schemas';
import { fillBody, templateParts, templateText } from './templateText';

const parts = (components: unknown) => templateParts(templateComponentsSchema.parse(components));

describe('reading a template', () => {
  test('when the body repeats and reorders positional placeholders, then each is asked once in numeric order and filled everywhere', () => {
    const body = parts([{ type: 'BODY', text: 'Pedido {{2}} de {{1}}: {{1}}, confirme o pedido {{ 2 }}.' }]);
    expect(body.parameters).toEqual(['1', '2']);
    expect(fillBody(body, ['Ana', '88'])).toBe('Pedido 88 de Ana: Ana, confirme o pedido 88.');
  });

  test('when a value is still empty, then its placeholder stays visible in the preview', () => {
    expect(fillBody(parts([{ type: 'body', text: 'Olá, {{1}}! Seu código é {{2}}.' }]), ['Ana', ''])).toBe('Olá, Ana! Seu código é {{2}}.');
  });

  test('when placeholders are named, then they are asked in the order they appear', () => {
    expect(parts([{ type: 'BODY', text: 'Oi {{nome}}, seu pedido {{pedido}} chegou, {{nome}}.' }]).parameters).toEqual(['nome', 'pedido']);
  });

  test('when a template has a text header and a footer, then the inbox text carries both around the filled body', () => {
    const full = parts([
      { type: 'HEADER', format: 'text', text: 'Atendimento' },
      { type: 'BODY', text: 'Olá, {{1}}!' },
      { type: 'FOOTER', text: 'Responda para continuar' },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Sim' }] },
    ]);
    expect(full).toMatchObject({ header: 'Atendimento', footer: 'Responda para continuar', headerNeedsValue: false });
    expect(templateText(full, ['Ana'])).toBe('Atendimento\n\nOlá, Ana!\n\nResponda para continuar');
  });

  test('when the header is media or has a placeholder, then it needs a value the inbox does not ask for', () => {
    expect(parts([{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY', text: 'Veja' }])).toMatchObject({ header: null, headerNeedsValue: true });
    expect(parts([{ type: 'HEADER', format: 'TEXT', text: 'Pedido {{1}}' }, { type: 'BODY', text: 'Veja' }]).headerNeedsValue).toBe(true);
  });

  test('when the stored components are not a list, then the template reads as empty instead of breaking the screen', () => {
    expect(parts({ oops: true })).toMatchObject({ body: '', parameters: [], headerNeedsValue: false });
  });
});
