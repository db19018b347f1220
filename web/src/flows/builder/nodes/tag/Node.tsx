import type { NodeProps } from '@xyflow/react';
import clsx from 'clsx';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagNode as TagNodeType } from '../../types';
import { NextHandle } from '../shared/ExitHandle';
import { NodeShell } from '../shared/NodeShell';
import { tagValidity } from './validity';

function TagList({ tags, removing }: { tags: unknown; removing?: boolean }) {
  if (!Array.isArray(tags) || tags.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-1">
      {(tags as string[]).map((tag) => (
        <span key={tag} className={clsx('rounded-full px-2 py-0.5 text-[11px] font-medium', removing ? 'bg-red-50 text-red-700 line-through decoration-red-300' : 'bg-lime-50 text-lime-800 ring-1 ring-lime-200')}>
          {removing ? '−' : '+'} {tag}
        </span>
      ))}
    </div>
  );
}

function TagNodeView({ id, data, selected }: NodeProps<TagNodeType>) {
  const { t } = useTranslation();
  const none = !data.config.add?.length && !data.config.remove?.length;
  return (
    <NodeShell id={id} type="tag" selected={selected} issues={tagValidity(data.config)}>
      {none ? <p className="text-[13px] text-zinc-400 italic">{t('flows.nodes.tag.empty')}</p> : null}
      <TagList tags={data.config.add} />
      <TagList tags={data.config.remove} removing />
      <NextHandle />
    </NodeShell>
  );
}

export const TagNode = memo(TagNodeView);
