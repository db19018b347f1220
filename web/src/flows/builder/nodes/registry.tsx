import type { NodeTypes } from '@xyflow/react';
import type { ComponentType } from 'react';
import type { FlowNodeType } from '../../../../../workflows/flow/schema';
import type { BuilderNode, NodeConfig } from '../types';
import { EndNode } from './end/Node';
import { EndPanel } from './end/Panel';
import { HandoffNode } from './handoff/Node';
import { HandoffPanel } from './handoff/Panel';
import { MenuNode } from './menu/Node';
import { MenuPanel } from './menu/Panel';
import { MessageNode } from './message/Node';
import { MessagePanel } from './message/Panel';
import { RouteNode } from './route/Node';
import { RoutePanel } from './route/Panel';
import { StartNode } from './start/Node';
import { StartPanel } from './start/Panel';

/** One place mapping a node type to its canvas view; module scope so React Flow never remounts nodes. */
export const nodeTypes = {
  start: StartNode,
  message: MessageNode,
  menu: MenuNode,
  route: RouteNode,
  handoff: HandoffNode,
  end: EndNode,
} satisfies NodeTypes;

type PanelProps<T extends FlowNodeType> = { id: string; config: NodeConfig<T> };

const panels: { [T in FlowNodeType]: ComponentType<PanelProps<T>> } = {
  start: StartPanel,
  message: MessagePanel,
  menu: MenuPanel,
  route: RoutePanel,
  handoff: HandoffPanel,
  end: EndPanel,
};

/** The side-panel form for a node, typed through the node's own type. */
export function NodePanel({ node }: { node: BuilderNode }) {
  const Panel = panels[node.type] as ComponentType<PanelProps<FlowNodeType>>;
  return <Panel id={node.id} config={node.data.config as never} />;
}

/** Types offered in the palette, in the order a bot is usually built. */
export const paletteTypes: Exclude<FlowNodeType, 'start'>[] = ['message', 'menu', 'route', 'handoff', 'end'];
