import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { exitsOfView } from '../../exits';
import type { AiNode as AiNodeType } from '../../types';
import { ExitRows } from '../shared/ExitRows';
import { NodeShell } from '../shared/NodeShell';
import { TextPreview } from '../shared/TextPreview';
import { VariableChip } from '../shared/VariableChip';
import { aiValidity } from './validity';

function AiNodeView(props: NodeProps<AiNodeType>) {
  const { id, data, selected } = props;
  const { t } = useTranslation();
  const config = data.config;
  return (
    <NodeShell id={id} type="ai" selected={selected} issues={aiValidity(config)}>
      <TextPreview text={config.systemPrompt} empty={t('flows.nodes.ai.empty')} lines={3} />
      <div className="flex flex-wrap items-center gap-1.5 text-[11px] text-zinc-500">
        <span>{t('flows.nodes.ai.history', { count: Number(config.historyMessages) || 0 })}</span>
        {config.variable && (
          <>
            <span aria-hidden="true">·</span>
            <span>{t('flows.nodes.question.savesIn')}</span>
            <VariableChip name={`vars.${config.variable}`} />
          </>
        )}
      </div>
      <ExitRows
        exits={exitsOfView(props)}
        label={(exit) => (exit.kind === 'timeout' ? t('flows.nodes.ai.timeout', { count: Number(config.timeoutSeconds) || 0 }) : t(exit.kind === 'error' ? 'flows.nodes.ai.error' : 'flows.nodes.ai.answered'))}
      />
    </NodeShell>
  );
}

export const AiNode = memo(AiNodeView);
