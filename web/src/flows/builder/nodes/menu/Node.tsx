import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { exitsOfView } from '../../exits';
import type { MenuNode as MenuNodeType } from '../../types';
import { ExitRow } from '../shared/ExitHandle';
import { NodeShell } from '../shared/NodeShell';
import { TextPreview } from '../shared/TextPreview';
import { menuValidity } from './validity';

function MenuNodeView(props: NodeProps<MenuNodeType>) {
  const { id, data, selected } = props;
  const { t } = useTranslation();
  const config = data.config;
  const exits = exitsOfView(props);
  return (
    <NodeShell id={id} type="menu" selected={selected} issues={menuValidity(config)}>
      <TextPreview text={config.text} empty={t('flows.nodes.menu.empty')} lines={3} />
      <p className="text-[11px] font-medium text-zinc-400">{t(`flows.nodes.menu.style.${config.style ?? 'list'}`)}</p>
      <div className="space-y-1.5">
        {exits.map((exit, index) =>
          exit.kind === 'option' ? (
            <ExitRow key={exit.handle} handle={exit.handle}>
              <span className="flex size-4 shrink-0 items-center justify-center rounded bg-white text-[10px] font-semibold text-zinc-500 ring-1 ring-zinc-200">{index + 1}</span>
              <span className="truncate">{exit.label || t('flows.nodes.menu.unnamed')}</span>
            </ExitRow>
          ) : exit.kind === 'invalid' ? (
            <ExitRow key="invalid" handle="invalid" tone="amber">
              {t('flows.nodes.menu.invalid', { count: Number(config.maxAttempts ?? 3) || 1 })}
            </ExitRow>
          ) : (
            <ExitRow key="timeout" handle="timeout" tone="sky">
              {t('flows.nodes.menu.timeout', { count: Number(config.timeoutMinutes) })}
            </ExitRow>
          ),
        )}
      </div>
    </NodeShell>
  );
}

export const MenuNode = memo(MenuNodeView);
