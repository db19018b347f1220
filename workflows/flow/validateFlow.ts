import { flowDefinitionSchema, handlesOf, variablesReadBy, variablesWrittenBy, type FlowDefinition } from './schema';

export interface FlowProblem {
  nodeId: string | null;
  code: 'invalid_config' | 'no_start' | 'many_starts' | 'unreachable' | 'missing_exit' | 'unknown_handle' | 'dangling_edge' | 'duplicate_exit' | 'duplicate_node' | 'unknown_department' | 'unknown_flow' | 'unset_variable';
  message: string;
}

/**
 * Everything that would stop a flow from running as drawn, each problem pointing at its node, so the
 * builder can mark it and publishing can refuse with the whole list at once.
 */
export function validateFlow(input: unknown): { ok: true; flow: FlowDefinition } | { ok: false; problems: FlowProblem[] } {
  const parsed = flowDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const nodes = (input as { nodes?: { id?: unknown }[] })?.nodes ?? [];
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const index = issue.path[0] === 'nodes' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
        const nodeId = index === undefined ? null : String(nodes[index]?.id ?? index);
        return { nodeId, code: 'invalid_config' as const, message: `${issue.path.slice(2).join('.') || issue.path.join('.')}: ${issue.message}` };
      }),
    };
  }
  const flow = parsed.data;
  const problems: FlowProblem[] = [];
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  if (byId.size !== flow.nodes.length) problems.push({ nodeId: null, code: 'duplicate_node', message: 'dois blocos têm o mesmo id' });

  const starts = flow.nodes.filter((n) => n.type === 'start');
  if (starts.length === 0) problems.push({ nodeId: null, code: 'no_start', message: 'o fluxo precisa de um bloco de início' });
  if (starts.length > 1) for (const s of starts.slice(1)) problems.push({ nodeId: s.id, code: 'many_starts', message: 'o fluxo só pode ter um bloco de início' });

  const exits = new Map<string, string>();
  for (const edge of flow.edges) {
    const source = byId.get(edge.source);
    if (!source || !byId.has(edge.target)) {
      problems.push({ nodeId: source?.id ?? null, code: 'dangling_edge', message: `a ligação ${edge.id} aponta para um bloco que não existe` });
      continue;
    }
    if (!handlesOf(source).some((h) => h.handle === edge.sourceHandle)) {
      problems.push({ nodeId: source.id, code: 'unknown_handle', message: `a saída "${edge.sourceHandle}" não existe neste bloco` });
      continue;
    }
    const key = `${edge.source}:${edge.sourceHandle}`;
    if (exits.has(key)) problems.push({ nodeId: source.id, code: 'duplicate_exit', message: `a saída "${edge.sourceHandle}" está ligada mais de uma vez` });
    exits.set(key, edge.target);
  }
  for (const n of flow.nodes) {
    for (const h of handlesOf(n)) {
      if (h.required && !exits.has(`${n.id}:${h.handle}`)) problems.push({ nodeId: n.id, code: 'missing_exit', message: `ligue a saída "${h.handle}" a outro bloco` });
    }
  }
  if (starts[0]) {
    const seen = new Set<string>([starts[0].id]);
    const queue = [starts[0].id];
    while (queue.length) {
      const current = queue.shift()!;
      for (const edge of flow.edges) {
        if (edge.source === current && !seen.has(edge.target) && byId.has(edge.target)) {
          seen.add(edge.target);
          queue.push(edge.target);
        }
      }
    }
    for (const n of flow.nodes) if (!seen.has(n.id)) problems.push({ nodeId: n.id, code: 'unreachable', message: 'este bloco não é alcançado a partir do início' });
  }
  problems.push(...unsetVariables(flow));
  return problems.length ? { ok: false, problems } : { ok: true, flow };
}

/**
 * A block that reads {{vars.x}} needs some block before it (on a path from itself back towards the
 * start) that writes x: otherwise the customer would read an empty gap where the value should be.
 */
function unsetVariables(flow: FlowDefinition): FlowProblem[] {
  const writtenAnywhere = new Set(flow.nodes.flatMap(variablesWrittenBy));
  const predecessors = new Map<string, string[]>();
  for (const e of flow.edges) predecessors.set(e.target, [...(predecessors.get(e.target) ?? []), e.source]);
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const problems: FlowProblem[] = [];
  for (const node of flow.nodes) {
    const wanted = variablesReadBy(node);
    if (!wanted.length) continue;
    const before = new Set<string>();
    const stack = [...(predecessors.get(node.id) ?? [])];
    const visited = new Set<string>();
    while (stack.length) {
      const id = stack.pop()!;
      if (visited.has(id)) continue;
      visited.add(id);
      const n = byId.get(id);
      if (!n) continue;
      for (const v of variablesWrittenBy(n)) before.add(v);
      stack.push(...(predecessors.get(id) ?? []));
    }
    for (const v of wanted) {
      if (!before.has(v)) problems.push({ nodeId: node.id, code: 'unset_variable', message: writtenAnywhere.has(v) ? `a variável "${v}" é usada antes de receber um valor` : `nenhum bloco define a variável "${v}"` });
    }
  }
  return problems;
}
