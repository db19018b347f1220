import '@xyflow/react/dist/style.css';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import clsx from 'clsx';
import { ArrowLeft, Check, CircleAlert, CloudOff, FlaskConical, History, LayoutGrid, LoaderCircle, Redo2, Rocket, ShieldCheck, Undo2, X } from 'lucide-react';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { FlowNodeType } from '../../../workflows/flow/schema';
import { errorMessage } from '../lib/errorMessage';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ErrorState } from '../ui/ErrorState';
import { Spinner } from '../ui/Spinner';
import { toast } from '../ui/toastStore';
import { FlowCanvas } from './builder/FlowCanvas';
import { ImportExport } from './builder/ImportExport';
import { fromDraft, toDraft } from './builder/convert';
import { Palette } from './builder/Palette';
import { ProblemsList } from './builder/ProblemsList';
import { PublishDialog } from './builder/PublishDialog';
import { SidePanel } from './builder/SidePanel';
import { useBuilderStore } from './builder/store';
import { useAutosave, type SaveStatus } from './builder/useAutosave';
import { useShortcuts } from './builder/useShortcuts';
import { VersionPreview } from './builder/VersionPreview';
import { VersionsDrawer } from './builder/VersionsDrawer';
import { ConversationPathBanner } from './simulator/ConversationPathBanner';
import { SimulatorPanel } from './simulator/SimulatorPanel';
import { problemsOf, useFlow, usePublishFlow, useUpdateFlow, validateFlowDraft, type FlowDetail, type FlowDraft, type FlowVersionSummary, type Problem } from './flowsApi';

export default function FlowBuilderPage() {
  const { flowId = '' } = useParams();
  const flow = useFlow(flowId);
  const { t } = useTranslation();
  useDocumentTitle(flow.data?.name ?? t('nav.flows'));
  if (flow.isError) return <ErrorState error={flow.error} onRetry={() => void flow.refetch()} retrying={flow.isRefetching} />;
  if (!flow.data)
    return (
      <div className="flex h-full items-center justify-center">
        <Spinner className="size-6 text-zinc-400" />
      </div>
    );
  return (
    <ReactFlowProvider>
      <Builder key={flow.data.id} flow={flow.data} />
    </ReactFlowProvider>
  );
}

function Builder({ flow }: { flow: FlowDetail }) {
  const { t } = useTranslation();
  const nodes = useBuilderStore((s) => s.nodes);
  const edges = useBuilderStore((s) => s.edges);
  const canUndo = useBuilderStore((s) => s.past.length > 0);
  const canRedo = useBuilderStore((s) => s.future.length > 0);
  const problemList = useBuilderStore((s) => s.problemList);
  const [ready, setReady] = useState(false);
  const serialized = useMemo(() => (ready ? JSON.stringify(toDraft(nodes, edges)) : null), [ready, nodes, edges]);
  const autosave = useAutosave(flow.id, serialized);
  const { screenToFlowPosition, fitView } = useReactFlow();
  const publish = usePublishFlow(flow.id);
  const [validating, setValidating] = useState(false);
  const [problemsOpen, setProblemsOpen] = useState(false);
  const [publishing, setPublishing] = useState<{ refused: Problem[] | null; error: string | null } | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [viewing, setViewing] = useState<FlowVersionSummary | null>(null);
  const [simulating, setSimulating] = useState(false);
  const [params, setParams] = useSearchParams();
  const followed = simulating ? null : params.get('conversa');
  useShortcuts(ready && !viewing && !publishing);

  // Loaded before paint, and marked saved, so autosave never writes another flow's graph or an unchanged one.
  const { markSaved } = autosave;
  useLayoutEffect(() => {
    const graph = fromDraft(flow.draft);
    useBuilderStore.getState().load(graph.nodes, graph.edges);
    markSaved(JSON.stringify(toDraft(graph.nodes, graph.edges)));
    setReady(true);
  }, [flow.draft, markSaved]);

  const { flush } = autosave;
  useEffect(() => () => void flush().catch(() => undefined), [flush]);

  const addAtCentre = (type: FlowNodeType) => {
    const bounds = document.querySelector('.react-flow')?.getBoundingClientRect();
    const point = bounds ? screenToFlowPosition({ x: bounds.left + bounds.width / 2, y: bounds.top + bounds.height / 2 }) : { x: 0, y: 0 };
    // Successive clicks would stack nodes exactly; a small cascade keeps each one visible.
    const offset = (useBuilderStore.getState().nodes.length % 6) * 24;
    useBuilderStore.getState().addNode(type, { x: point.x - 128 + offset, y: point.y - 40 + offset });
  };

  const layout = () => {
    useBuilderStore.getState().layout();
    requestAnimationFrame(() => void fitView({ duration: 300, padding: 0.2, maxZoom: 1 }));
  };

  const validate = async () => {
    setValidating(true);
    try {
      await flush();
      const result = await validateFlowDraft(flow.id);
      useBuilderStore.getState().setProblems(result.problems);
      setProblemsOpen(!result.ok);
      if (result.ok) toast(t('flows.builder.validOk'));
    } catch (error) {
      toast(errorMessage(error), 'error');
    } finally {
      setValidating(false);
    }
  };

  const submitPublish = async (note: string) => {
    try {
      await flush();
      const version = await publish.mutateAsync(note);
      useBuilderStore.getState().setProblems([]);
      setPublishing(null);
      setProblemsOpen(false);
      toast(t('flows.publish.done', { version: version.version }));
    } catch (error) {
      const refused = problemsOf(error);
      if (refused) {
        useBuilderStore.getState().setProblems(refused);
        setProblemsOpen(true);
      }
      setPublishing({ refused, error: refused ? null : errorMessage(error) });
    }
  };

  const replaceDraft = (definition: FlowDraft, message: string) => {
    const graph = fromDraft(definition);
    useBuilderStore.getState().replace(graph.nodes, graph.edges);
    toast(message);
    requestAnimationFrame(() => void fitView({ duration: 300, padding: 0.25, maxZoom: 1 }));
  };

  const copyToDraft = (definition: FlowDraft) => {
    setViewing(null);
    setHistoryOpen(false);
    replaceDraft(definition, t('flows.versions.copied'));
  };

  const live = flow.versions.find((v) => v.id === flow.publishedVersionId);
  const nextVersion = (flow.versions[0]?.version ?? 0) + 1;

  return (
    <div className="flex h-full flex-col">
      <header className="flex h-14 shrink-0 items-center gap-3 border-b border-zinc-200 bg-white px-3">
        <Link to="/flows" className="rounded-lg p-2 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800" aria-label={t('flows.builder.back')} title={t('flows.builder.back')}>
          <ArrowLeft aria-hidden="true" className="size-4" />
        </Link>
        <FlowName flow={flow} />
        {live ? <Badge tone="emerald">{t('flows.list.publishedVersion', { version: live.version })}</Badge> : <Badge>{t('flows.list.notPublished')}</Badge>}
        <SaveIndicator status={autosave.status} onRetry={() => void autosave.retry().catch(() => undefined)} />
        <div className="ml-auto flex items-center gap-1">
          <Button variant="ghost" size="icon" disabled={!canUndo} onClick={() => useBuilderStore.getState().undo()} aria-label={t('flows.builder.undo')} title={t('flows.builder.undoShortcut')}>
            <Undo2 aria-hidden="true" className="size-4" />
          </Button>
          <Button variant="ghost" size="icon" disabled={!canRedo} onClick={() => useBuilderStore.getState().redo()} aria-label={t('flows.builder.redo')} title={t('flows.builder.redoShortcut')}>
            <Redo2 aria-hidden="true" className="size-4" />
          </Button>
          <span aria-hidden="true" className="mx-1 h-6 w-px bg-zinc-200" />
          <Button variant="ghost" size="sm" onClick={layout}>
            <LayoutGrid aria-hidden="true" className="size-4" />
            {t('flows.builder.layout')}
          </Button>
          <ImportExport flowName={flow.name} onImport={(definition) => replaceDraft(definition, t('flows.builder.imported'))} />
          <Button variant="ghost" size="sm" onClick={() => setHistoryOpen((open) => !open)} aria-pressed={historyOpen}>
            <History aria-hidden="true" className="size-4" />
            {t('flows.versions.title')}
          </Button>
          <Button variant="secondary" size="sm" loading={validating} onClick={() => void validate()}>
            {!validating && <ShieldCheck aria-hidden="true" className="size-4" />}
            {t('flows.builder.validate')}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setSimulating((open) => !open)} aria-pressed={simulating} title={t('flows.simulator.openHint')}>
            <FlaskConical aria-hidden="true" className="size-4" />
            {t('flows.simulator.open')}
          </Button>
          <Button size="sm" onClick={() => setPublishing({ refused: null, error: null })}>
            <Rocket aria-hidden="true" className="size-4" />
            {t('flows.publish.open')}
          </Button>
        </div>
      </header>

      <div className="relative flex min-h-0 flex-1">
        <Palette onAdd={addAtCentre} />
        <div className="relative min-w-0 flex-1">
          {ready && <FlowCanvas />}
          {ready && followed && <ConversationPathBanner conversationId={followed} onClose={() => setParams({}, { replace: true })} />}
          {problemsOpen && problemList.length > 0 && (
            <div role="alert" className="absolute top-3 left-1/2 z-10 w-[28rem] max-w-[calc(100%-2rem)] -translate-x-1/2 overflow-hidden rounded-xl border border-red-200 bg-white shadow-lg">
              <div className="flex items-center gap-2 bg-red-50 px-3 py-2">
                <CircleAlert aria-hidden="true" className="size-4 text-red-600" />
                <p className="flex-1 text-sm font-semibold text-red-800">{t('flows.builder.problems', { count: problemList.length })}</p>
                <Button variant="ghost" size="icon" onClick={() => setProblemsOpen(false)} aria-label={t('common.close')}>
                  <X aria-hidden="true" className="size-4" />
                </Button>
              </div>
              <div className="max-h-48 overflow-y-auto">
                <ProblemsList problems={problemList} />
              </div>
            </div>
          )}
        </div>
        <SidePanel />
        {simulating && <SimulatorPanel flowId={flow.id} flush={flush} onClose={() => setSimulating(false)} />}
        {historyOpen && <VersionsDrawer flow={flow} onView={setViewing} onClose={() => setHistoryOpen(false)} />}
        {viewing && <VersionPreview flowId={flow.id} version={viewing} onCopyToDraft={copyToDraft} onClose={() => setViewing(null)} />}
      </div>

      {publishing && <PublishDialog nextVersion={nextVersion} pending={publish.isPending} refused={publishing.refused} error={publishing.error} onPublish={(note) => void submitPublish(note)} onClose={() => setPublishing(null)} />}
    </div>
  );
}

function FlowName({ flow }: { flow: FlowDetail }) {
  const { t } = useTranslation();
  const update = useUpdateFlow(flow.id);
  const [name, setName] = useState(flow.name);
  const commit = () => {
    const next = name.trim();
    if (next.length < 2) return setName(flow.name);
    if (next === flow.name) return;
    update.mutate({ name: next }, { onError: (error) => toast(errorMessage(error), 'error') });
  };
  return (
    <input
      aria-label={t('flows.builder.name')}
      value={name}
      maxLength={80}
      onChange={(e) => setName(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      className="h-9 w-64 min-w-0 truncate rounded-lg border border-transparent px-2 text-[15px] font-semibold text-zinc-900 hover:border-zinc-200 focus:border-emerald-600 focus:ring-3 focus:ring-emerald-600/15 focus:outline-none"
    />
  );
}

function SaveIndicator({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const { t } = useTranslation();
  if (status === 'error')
    return (
      <button type="button" onClick={onRetry} className="flex items-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50" data-save-status={status}>
        <CloudOff aria-hidden="true" className="size-3.5" />
        {t('flows.builder.saveFailed')}
      </button>
    );
  return (
    <span role="status" data-save-status={status} className={clsx('flex items-center gap-1.5 text-xs whitespace-nowrap', status === 'saved' ? 'text-zinc-400' : 'text-zinc-500')}>
      {status === 'saved' ? <Check aria-hidden="true" className="size-3.5" /> : <LoaderCircle aria-hidden="true" className={clsx('size-3.5', status === 'saving' && 'animate-spin')} />}
      {t(`flows.builder.save.${status}`)}
    </span>
  );
}
