import type { FlowDefinitionInput } from './schema';

interface DepartmentChoice {
  id: string;
  name: string;
  slug: string;
}

/**
 * The flow a company starts with: a greeting and a menu of its departments, each option routing to
 * its department's queue; after repeated invalid answers the customer goes to the fallback department.
 */
export function defaultFlow(companyName: string, departments: DepartmentChoice[], fallbackDepartmentId: string): FlowDefinitionInput {
  const column = (i: number) => ({ x: 80 + i * 260, y: 420 });
  return {
    nodes: [
      { id: 'start', type: 'start', position: { x: 80, y: 0 }, config: {} },
      { id: 'greeting', type: 'message', position: { x: 80, y: 120 }, config: { text: `Olá, {{contact.name}}! Bem-vindo(a) ao atendimento da ${companyName}.` } },
      {
        id: 'menu',
        type: 'menu',
        position: { x: 80, y: 260 },
        config: {
          text: 'Com qual setor você quer falar?',
          style: departments.length <= 3 ? 'buttons' : 'list',
          options: departments.map((d) => ({ id: `opt-${d.slug}`, label: d.name.slice(0, 24), synonyms: [d.slug, d.slug.slice(0, 3)] })),
        },
      },
      ...departments.map((d, i) => ({ id: `route-${d.slug}`, type: 'route' as const, position: column(i), config: { departmentId: d.id, text: `Certo! Vou te encaminhar para o ${d.name}. Um atendente vai falar com você em instantes.` } })),
      { id: 'route-fallback', type: 'route', position: column(departments.length), config: { departmentId: fallbackDepartmentId, text: 'Vou te encaminhar para um atendente que vai te ajudar.' } },
    ],
    edges: [
      { id: 'e-start', source: 'start', target: 'greeting' },
      { id: 'e-greeting', source: 'greeting', target: 'menu' },
      ...departments.map((d) => ({ id: `e-${d.slug}`, source: 'menu', sourceHandle: `opt-${d.slug}`, target: `route-${d.slug}` })),
      { id: 'e-invalid', source: 'menu', sourceHandle: 'invalid', target: 'route-fallback' },
    ],
  };
}
