import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCompanyFixture, login, startTestApi, type CompanyFixture, type TestApi } from '../../test/harness';

let api: TestApi;
let company: CompanyFixture;
let other: CompanyFixture;
let admin: Awaited<ReturnType<typeof login>>;

beforeAll(async () => {
  api = await startTestApi();
  [company, other] = await Promise.all([createCompanyFixture('Checagens'), createCompanyFixture('Outra')]);
  admin = await login(api.url, company.users.admin.email);
});
afterAll(() => api.close());

const start = { id: 'start', type: 'start', config: {} };

describe('publishing checks what blocks name in the company', () => {
  test("when a condition looks at another company's department and a jump goes to a flow never published, then publishing refuses naming both blocks", async () => {
    const target = await admin.api.post('/api/flows', { name: 'Destino' });
    const draft = {
      nodes: [
        start,
        { id: 'hours', type: 'condition', config: { branches: [{ id: 'open', label: 'Aberto', rule: { kind: 'businessHours', departmentId: other.departments.a } }] } },
        { id: 'go', type: 'jump', config: { flowId: target.body.id } },
        { id: 'route', type: 'route', config: { departmentId: company.departments.a } },
      ],
      edges: [
        { id: 'a', source: 'start', target: 'hours' },
        { id: 'b', source: 'hours', sourceHandle: 'open', target: 'route' },
        { id: 'c', source: 'hours', sourceHandle: 'else', target: 'go' },
      ],
    };
    const flow = await admin.api.post('/api/flows', { name: 'Triagem', draft });
    const refused = await admin.api.post(`/api/flows/${flow.body.id}/publish`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.problems).toEqual([
      { nodeId: 'hours', code: 'unknown_department', message: 'o departamento deste bloco não existe ou está inativo' },
      { nodeId: 'go', code: 'unknown_flow', message: 'o fluxo de destino não existe ou ainda não foi publicado' },
    ]);
    expect((await admin.api.get(`/api/flows/${flow.body.id}`)).body.versions).toEqual([]);

    expect((await admin.api.post(`/api/flows/${target.body.id}/publish`, {})).status).toBe(201);
    draft.nodes[1] = { ...draft.nodes[1]!, config: { branches: [{ id: 'open', label: 'Aberto', rule: { kind: 'businessHours', departmentId: company.departments.b } }] } };
    expect((await admin.api.patch(`/api/flows/${flow.body.id}`, { draft })).status).toBe(200);
    expect((await admin.api.post(`/api/flows/${flow.body.id}/publish`, {})).status).toBe(201);
  });

  test('when a flow reads a variable nothing sets, then validating the draft lists it without publishing', async () => {
    const draft = {
      nodes: [start, { id: 'hello', type: 'message', config: { text: 'Seu protocolo é {{vars.protocolo}}' } }, { id: 'route', type: 'route', config: { departmentId: company.departments.a } }],
      edges: [
        { id: 'a', source: 'start', target: 'hello' },
        { id: 'b', source: 'hello', target: 'route' },
      ],
    };
    const flow = await admin.api.post('/api/flows', { name: 'Protocolo', draft });
    const checked = await admin.api.post(`/api/flows/${flow.body.id}/validate`, {});
    expect(checked.body).toEqual({ ok: false, problems: [{ nodeId: 'hello', code: 'unset_variable', message: 'nenhum bloco define a variável "protocolo"' }] });
  });
});
