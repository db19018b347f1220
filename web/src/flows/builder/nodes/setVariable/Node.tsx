import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetVariableNode as SetVariableNodeType } from '../../types';
import { NextHandle } from '../shared/ExitHandle';
import { NodeShell } from '../shared/NodeShell';
import { VariableChip } from '../shared/VariableChip';
import { setVariableValidity } from './validity';

const SHOWN = 4;

function SetVariableNodeView({ id, data, selected }: NodeProps<SetVariableNodeType>) {
  const { t } = useTranslation();
  const assignments = Array.isArray(data.config.assignments) ? data.config.assignments : [];
  return (
    <NodeShell id={id} type="setVariable" selected={selected} issues={setVariableValidity(data.config)}>
      <ul className="space-y-1">
        {assignments.slice(0, SHOWN).map((a, index) => (
          <li key={index} className="flex min-w-0 items-center gap-1.5 text-[12px] text-zinc-600">
            <VariableChip name={`vars.${a.variable || '?'}`} />
            <span className="text-zinc-400">=</span>
            <span className="truncate font-mono text-[11px]">{a.value || t('flows.nodes.setVariable.emptyValue')}</span>
          </li>
        ))}
      </ul>
      {assignments.length > SHOWN && <p className="text-[11px] text-zinc-400">{t('flows.nodes.setVariable.more', { count: assignments.length - SHOWN })}</p>}
      <NextHandle />
    </NodeShell>
  );
}

export const SetVariableNode = memo(SetVariableNodeView);
