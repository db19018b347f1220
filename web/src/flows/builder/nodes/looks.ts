import { CirclePlay, Flag, Headset, ListTree, MessageSquareText, Network, type LucideIcon } from 'lucide-react';
import type { FlowNodeType } from '../../../../../workflows/flow/schema';

/** Icon and accent per type, shared by the canvas, the palette, the minimap and the side panel. */
export const nodeLooks: Record<FlowNodeType, { icon: LucideIcon; tile: string; minimap: string }> = {
  start: { icon: CirclePlay, tile: 'bg-emerald-100 text-emerald-700', minimap: '#10b981' },
  message: { icon: MessageSquareText, tile: 'bg-sky-100 text-sky-700', minimap: '#0ea5e9' },
  menu: { icon: ListTree, tile: 'bg-violet-100 text-violet-700', minimap: '#8b5cf6' },
  route: { icon: Network, tile: 'bg-amber-100 text-amber-700', minimap: '#f59e0b' },
  handoff: { icon: Headset, tile: 'bg-rose-100 text-rose-700', minimap: '#f43f5e' },
  end: { icon: Flag, tile: 'bg-zinc-200 text-zinc-700', minimap: '#71717a' },
};
