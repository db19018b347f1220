import type { NodeTypes } from '@xyflow/react';
import type { ComponentType } from 'react';
import type { FlowNodeType } from '../../../../../workflows/flow/schema';
import type { BuilderNode, NodeConfig } from '../types';
import { AiNode } from './ai/Node';
import { AiPanel } from './ai/Panel';
import { ConditionNode } from './condition/Node';
import { ConditionPanel } from './condition/Panel';
import { EndNode } from './end/Node';
import { EndPanel } from './end/Panel';
import { HandoffNode } from './handoff/Node';
import { HandoffPanel } from './handoff/Panel';
import { HttpNode } from './http/Node';
import { HttpPanel } from './http/Panel';
import { JumpNode } from './jump/Node';
import { JumpPanel } from './jump/Panel';
import { MenuNode } from './menu/Node';
import { MenuPanel } from './menu/Panel';
import { MessageNode } from './message/Node';
import { MessagePanel } from './message/Panel';
import { QuestionNode } from './question/Node';
import { QuestionPanel } from './question/Panel';
import { RouteNode } from './route/Node';
import { RoutePanel } from './route/Panel';
import { SetVariableNode } from './setVariable/Node';
import { SetVariablePanel } from './setVariable/Panel';
import { StartNode } from './start/Node';
import { StartPanel } from './start/Panel';
import { TagNode } from './tag/Node';
import { TagPanel } from './tag/Panel';
import { WaitNode } from './wait/Node';
import { WaitPanel } from './wait/Panel';

/** One place mapping a node type to its canvas view; module scope so React Flow never remounts nodes. */
export const nodeTypes = {
  start: StartNode,
  message: MessageNode,
  menu: MenuNode,
  question: QuestionNode,
  condition: ConditionNode,
  setVariable: SetVariableNode,
  tag: TagNode,
  wait: WaitNode,
  http: HttpNode,
  ai: AiNode,
  route: RouteNode,
  handoff: HandoffNode,
  jump: JumpNode,
  end: EndNode,
} satisfies NodeTypes;

type PanelProps<T extends FlowNodeType> = { id: string; config: NodeConfig<T> };

const panels: { [T in FlowNodeType]: ComponentType<PanelProps<T>> } = {
  start: StartPanel,
  message: MessagePanel,
  menu: MenuPanel,
  question: QuestionPanel,
  condition: ConditionPanel,
  setVariable: SetVariablePanel,
  tag: TagPanel,
  wait: WaitPanel,
  http: HttpPanel,
  ai: AiPanel,
  route: RoutePanel,
  handoff: HandoffPanel,
  jump: JumpPanel,
  end: EndPanel,
};

/** The side-panel form for a node, typed through the node's own type. */
export function NodePanel({ node }: { node: BuilderNode }) {
  const Panel = panels[node.type] as ComponentType<PanelProps<FlowNodeType>>;
  return <Panel id={node.id} config={node.data.config as never} />;
}

type PaletteType = Exclude<FlowNodeType, 'start'>;

/** Types offered in the palette, grouped and ordered the way a bot is usually built. */
export const paletteGroups: { id: 'talk' | 'logic' | 'integrations' | 'people'; types: PaletteType[] }[] = [
  { id: 'talk', types: ['message', 'menu', 'question'] },
  { id: 'logic', types: ['condition', 'setVariable', 'tag', 'wait'] },
  { id: 'integrations', types: ['http', 'ai'] },
  { id: 'people', types: ['route', 'handoff', 'jump', 'end'] },
];
