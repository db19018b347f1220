import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteNode as RouteNodeType } from '../../types';
import { DepartmentLine } from '../shared/DepartmentLine';
import { NodeShell } from '../shared/NodeShell';
import { TextPreview } from '../shared/TextPreview';
import { routeValidity } from './validity';

function RouteNodeView({ id, data, selected }: NodeProps<RouteNodeType>) {
  const { t } = useTranslation();
  return (
    <NodeShell id={id} type="route" selected={selected} issues={routeValidity(data.config)}>
      <DepartmentLine departmentId={data.config.departmentId} label={t('flows.nodes.route.to')} />
      {data.config.text && <TextPreview text={data.config.text} empty="" lines={2} />}
    </NodeShell>
  );
}

export const RouteNode = memo(RouteNodeView);
