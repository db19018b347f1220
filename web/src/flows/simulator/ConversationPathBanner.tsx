import { Route, X } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { useBuilderStore } from '../builder/store';
import { useConversationFlowPath } from '../conversationFlowPath';

/**
 * Opened from a conversation (`?conversa=<id>`): outlines on the canvas the blocks that conversation
 * went through and the one it is on, refreshed while it runs.
 */
export function ConversationPathBanner({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const position = useConversationFlowPath(conversationId, { refetchInterval: 3000 });
  const data = position.data;
  useEffect(() => {
    if (data) useBuilderStore.getState().setTrace({ nodeId: data.nodeId, path: data.path });
  }, [data]);
  useEffect(() => () => useBuilderStore.getState().setTrace(null), []);

  const text = position.isError ? t('flows.path.error') : !data ? t('flows.path.loading') : data.path.length === 0 ? t('flows.path.ended') : t('flows.path.showing', { count: data.path.length });
  return (
    <div role="status" className="absolute top-3 left-3 z-10 flex max-w-[calc(100%-1.5rem)] items-center gap-2 rounded-lg border border-sky-200 bg-sky-50 px-3 py-1.5 text-sm text-sky-900 shadow-sm">
      <Route aria-hidden="true" className="size-4 shrink-0 text-sky-600" />
      <span>{text}</span>
      <Button variant="ghost" size="icon" onClick={onClose} aria-label={t('common.close')}>
        <X aria-hidden="true" className="size-4" />
      </Button>
    </div>
  );
}
