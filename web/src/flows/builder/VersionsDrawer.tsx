import { Eye, History, RotateCcw, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errorMessage';
import { formatDateTime } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { toast } from '../../ui/toastStore';
import { useRollbackFlow, type FlowDetail, type FlowVersionSummary } from '../flowsApi';

/** Published versions, newest first: view one read-only, or make it the live one again. */
export function VersionsDrawer({ flow, onView, onClose }: { flow: FlowDetail; onView: (version: FlowVersionSummary) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const rollback = useRollbackFlow(flow.id);
  const [restoring, setRestoring] = useState<FlowVersionSummary | null>(null);
  return (
    <aside aria-label={t('flows.versions.title')} className="absolute inset-y-0 right-0 z-20 flex w-96 flex-col border-l border-zinc-200 bg-white shadow-2xl">
      <header className="flex items-center gap-2 border-b border-zinc-100 px-4 py-3">
        <History aria-hidden="true" className="size-4 text-zinc-500" />
        <h2 className="flex-1 text-sm font-semibold text-zinc-900">{t('flows.versions.title')}</h2>
        <Button variant="ghost" size="icon" onClick={onClose} aria-label={t('common.close')}>
          <X aria-hidden="true" className="size-4" />
        </Button>
      </header>
      {flow.versions.length === 0 ? (
        <EmptyState icon={History} title={t('flows.versions.emptyTitle')} description={t('flows.versions.emptyText')} />
      ) : (
        <ol className="flex-1 divide-y divide-zinc-100 overflow-y-auto">
          {flow.versions.map((version) => {
            const live = version.id === flow.publishedVersionId;
            return (
              <li key={version.id} data-version={version.version} className="px-4 py-3">
                <div className="flex items-center gap-2">
                  <span className="text-sm font-semibold text-zinc-900">{t('flows.versions.version', { version: version.version })}</span>
                  {live && <Badge tone="emerald">{t('flows.versions.live')}</Badge>}
                  <span className="ml-auto text-xs text-zinc-400">{formatDateTime(version.publishedAt)}</span>
                </div>
                {version.note && <p className="mt-1 text-sm text-zinc-600">{version.note}</p>}
                <div className="mt-2 flex gap-1">
                  <Button variant="ghost" size="sm" onClick={() => onView(version)}>
                    <Eye aria-hidden="true" className="size-3.5" />
                    {t('flows.versions.view')}
                  </Button>
                  {!live && (
                    <Button variant="accentGhost" size="sm" onClick={() => setRestoring(version)}>
                      <RotateCcw aria-hidden="true" className="size-3.5" />
                      {t('flows.versions.restore')}
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {restoring && (
        <ConfirmDialog
          tone="primary"
          title={t('flows.versions.restoreTitle', { version: restoring.version })}
          message={t('flows.versions.restoreMessage', { version: restoring.version })}
          confirmLabel={t('flows.versions.restore')}
          pending={rollback.isPending}
          error={rollback.error ? errorMessage(rollback.error) : null}
          onClose={() => setRestoring(null)}
          onConfirm={() =>
            rollback.mutate(restoring.id, {
              onSuccess: () => {
                toast(t('flows.versions.restored', { version: restoring.version }));
                setRestoring(null);
              },
            })
          }
        />
      )}
    </aside>
  );
}
