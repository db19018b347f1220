import { Braces, CirclePlay, Flag, Forward, GitBranch, Globe, Headset, Hourglass, ListTree, MessageCircleQuestion, MessageSquareText, Network, Sparkles, Tag, type LucideIcon } from 'lucide-react';
import type { FlowNodeType } from '../../../../../workflows/flow/schema';

/** Icon and accent per type, shared by the canvas, the palette, the minimap and the side panel. */
export const nodeLooks: Record<FlowNodeType, { icon: LucideIcon; tile: string; minimap: string }> = {
  start: { icon: CirclePlay, tile: 'bg-emerald-100 text-emerald-700', minimap: '#10b981' },
  message: { icon: MessageSquareText, tile: 'bg-sky-100 text-sky-700', minimap: '#0ea5e9' },
  menu: { icon: ListTree, tile: 'bg-violet-100 text-violet-700', minimap: '#8b5cf6' },
  question: { icon: MessageCircleQuestion, tile: 'bg-indigo-100 text-indigo-700', minimap: '#6366f1' },
  condition: { icon: GitBranch, tile: 'bg-orange-100 text-orange-700', minimap: '#f97316' },
  setVariable: { icon: Braces, tile: 'bg-fuchsia-100 text-fuchsia-700', minimap: '#d946ef' },
  tag: { icon: Tag, tile: 'bg-lime-100 text-lime-700', minimap: '#84cc16' },
  wait: { icon: Hourglass, tile: 'bg-cyan-100 text-cyan-700', minimap: '#06b6d4' },
  http: { icon: Globe, tile: 'bg-slate-200 text-slate-700', minimap: '#64748b' },
  ai: { icon: Sparkles, tile: 'bg-purple-100 text-purple-700', minimap: '#a855f7' },
  route: { icon: Network, tile: 'bg-amber-100 text-amber-700', minimap: '#f59e0b' },
  handoff: { icon: Headset, tile: 'bg-rose-100 text-rose-700', minimap: '#f43f5e' },
  jump: { icon: Forward, tile: 'bg-teal-100 text-teal-700', minimap: '#14b8a6' },
  end: { icon: Flag, tile: 'bg-zinc-200 text-zinc-700', minimap: '#71717a' },
};
