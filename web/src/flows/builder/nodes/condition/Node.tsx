import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartmentDirectory } from '../../../../lib/directory';
import { exitsOfView } from '../../exits';
import type { ConditionNode as ConditionNodeType } from '../../types';
import { ExitRows } from '../shared/ExitRows';
import { NodeShell } from '../shared/NodeShell';
import { ruleSummary } from './ruleSummary';
import { conditionValidity } from './validity';

function ConditionNodeView(props: NodeProps<ConditionNodeType>) {
  const { id, data, selected } = props;
  const { t } = useTranslation();
  const departments = useDepartmentDirectory();
  const departmentName = (departmentId: string | undefined) => departments.data?.find((d) => d.id === departmentId)?.name ?? '?';
  const branches = new Map((Array.isArray(data.config.branches) ? data.config.branches : []).map((b) => [b.id, b]));
  return (
    <NodeShell id={id} type="condition" selected={selected} issues={conditionValidity(data.config)}>
      <p className="text-[12px] text-zinc-500">{t('flows.nodes.condition.summary.first')}</p>
      <ExitRows
        exits={exitsOfView(props)}
        label={(exit) =>
          exit.kind === 'branch' ? (
            <span className="min-w-0 py-0.5">
              <span className="block truncate">{exit.label || t('flows.nodes.condition.unnamed')}</span>
              <span className="block truncate text-[11px] font-normal text-zinc-500">{ruleSummary(branches.get(exit.handle)?.rule, t, departmentName)}</span>
            </span>
          ) : (
            t('flows.nodes.condition.else')
          )
        }
      />
    </NodeShell>
  );
}

export const ConditionNode = memo(ConditionNodeView);
