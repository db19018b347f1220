import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { exitsOfView } from '../../exits';
import type { QuestionNode as QuestionNodeType } from '../../types';
import { ExitRows } from '../shared/ExitRows';
import { NodeShell } from '../shared/NodeShell';
import { TextPreview } from '../shared/TextPreview';
import { VariableChip } from '../shared/VariableChip';
import { questionValidity } from './validity';

function QuestionNodeView(props: NodeProps<QuestionNodeType>) {
  const { id, data, selected } = props;
  const { t } = useTranslation();
  const config = data.config;
  return (
    <NodeShell id={id} type="question" selected={selected} issues={questionValidity(config)}>
      <TextPreview text={config.text} empty={t('flows.nodes.question.empty')} lines={3} />
      <div className="flex flex-wrap items-center gap-1.5 text-[11px] text-zinc-500">
        <span className="rounded bg-indigo-50 px-1.5 py-0.5 font-medium text-indigo-700" data-answer-kind={config.kind}>
          {t(`flows.nodes.question.kinds.${config.kind ?? 'text'}`)}
        </span>
        <span>{t('flows.nodes.question.savesIn')}</span>
        {config.variable ? <VariableChip name={`vars.${config.variable}`} /> : <span className="italic">{t('flows.nodes.question.noVariable')}</span>}
      </div>
      <ExitRows
        exits={exitsOfView(props)}
        label={(exit) =>
          exit.kind === 'invalid'
            ? t('flows.nodes.menu.invalid', { count: Number(config.maxAttempts ?? 3) || 1 })
            : exit.kind === 'timeout'
              ? t('flows.nodes.menu.timeout', { count: Number(config.timeoutMinutes) })
              : t('flows.nodes.question.answered')
        }
      />
    </NodeShell>
  );
}

export const QuestionNode = memo(QuestionNodeView);
