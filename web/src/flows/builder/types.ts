import type { Edge, Node } from '@xyflow/react';
import type { FlowNodeType, NodeOf } from '../../../../workflows/flow/schema';

export type NodeConfig<T extends FlowNodeType> = NodeOf<T>['config'];

/** A React Flow node per schema type; `data.config` is the schema's config, possibly still incomplete. */
export type BuilderNodeOf<T extends FlowNodeType> = Node<{ config: NodeConfig<T> }, T>;

export type StartNode = BuilderNodeOf<'start'>;
export type MessageNode = BuilderNodeOf<'message'>;
export type MenuNode = BuilderNodeOf<'menu'>;
export type RouteNode = BuilderNodeOf<'route'>;
export type HandoffNode = BuilderNodeOf<'handoff'>;
export type EndNode = BuilderNodeOf<'end'>;
export type QuestionNode = BuilderNodeOf<'question'>;
export type ConditionNode = BuilderNodeOf<'condition'>;
export type SetVariableNode = BuilderNodeOf<'setVariable'>;
export type TagNode = BuilderNodeOf<'tag'>;
export type WaitNode = BuilderNodeOf<'wait'>;
export type HttpNode = BuilderNodeOf<'http'>;
export type AiNode = BuilderNodeOf<'ai'>;
export type JumpNode = BuilderNodeOf<'jump'>;

export type BuilderNode = StartNode | MessageNode | MenuNode | QuestionNode | ConditionNode | SetVariableNode | TagNode | WaitNode | HttpNode | AiNode | RouteNode | HandoffNode | JumpNode | EndNode;
export type BuilderEdge = Edge;

export const NODE_TYPES = ['start', 'message', 'menu', 'question', 'condition', 'setVariable', 'tag', 'wait', 'http', 'ai', 'route', 'handoff', 'jump', 'end'] as const satisfies readonly FlowNodeType[];

export function isNodeType(value: unknown): value is FlowNodeType {
  return typeof value === 'string' && (NODE_TYPES as readonly string[]).includes(value);
}

/** Ids must match the schema's `[\w-]+`; short random suffixes keep them readable in problem messages. */
export function newId(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}
