import { FlaskConical, RotateCcw, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errorMessage';
import { PhoneChat } from '../../phone/PhoneChat';
import type { HostedNumber } from '../../phone/sandboxApi';
import type { ChatTarget } from '../../phone/useSandbox';
import { useSandboxEvents } from '../../phone/useSandboxEvents';
import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Spinner';
import { ProblemsList } from '../builder/ProblemsList';
import { useBuilderStore } from '../builder/store';
import { problemsOf, type Problem } from '../flowsApi';
import { SimulationStatus } from './SimulationStatus';
import { useSimulation, useStartSimulation, type StartedSimulation } from './simulatorApi';
import { useCanvasTrace } from './useCanvasTrace';
import { VariablesList } from './VariablesList';

interface SimulatorPanelProps {
  flowId: string;
  /** Saves the draft first: the simulation runs what the server has, not what is on screen. */
  flush: () => Promise<void>;
  onClose: () => void;
}

type Outcome = { kind: 'running'; session: StartedSimulation } | { kind: 'refused'; problems: Problem[] } | { kind: 'failed'; message: string };

/**
 * "Testar": the tester plays a sandbox customer talking to a snapshot of the draft, while the canvas
 * shows the block the bot is on and the path it took. "Reiniciar" takes a new snapshot.
 */
export function SimulatorPanel({ flowId, flush, onClose }: SimulatorPanelProps) {
  const { t } = useTranslation();
  const start = useStartSimulation(flowId);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const begin = async () => {
    setOutcome(null);
    // The block form would squeeze the canvas between two panels; the canvas is what the tester watches.
    useBuilderStore.getState().select(null);
    useBuilderStore.getState().setTrace(null);
    try {
      await flush();
      const session = await start.mutateAsync();
      setOutcome({ kind: 'running', session });
    } catch (error) {
      const problems = problemsOf(error);
      if (problems) useBuilderStore.getState().setProblems(problems);
      setOutcome(problems ? { kind: 'refused', problems } : { kind: 'failed', message: errorMessage(error) });
    }
  };
  // Opening the panel is the tester's "Testar": start once, even when React runs effects twice.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void begin();
  });

  return (
    <aside aria-label={t('flows.simulator.title')} className="flex w-[25rem] shrink-0 flex-col border-l border-zinc-200 bg-zinc-50">
      <header className="flex items-center gap-2.5 border-b border-zinc-200 bg-white px-4 py-3">
        <span className="flex size-8 items-center justify-center rounded-lg bg-sky-50 text-sky-700">
          <FlaskConical aria-hidden="true" className="size-4" />
        </span>
        <div className="min-w-0 flex-1">
          <h2 className="text-sm font-semibold text-zinc-900">{t('flows.simulator.title')}</h2>
          <p className="truncate text-xs text-zinc-500">{t('flows.simulator.subtitle')}</p>
        </div>
        <Button variant="secondary" size="sm" loading={start.isPending} onClick={() => void begin()}>
          {!start.isPending && <RotateCcw aria-hidden="true" className="size-3.5" />}
          {t('flows.simulator.restart')}
        </Button>
        <Button variant="ghost" size="icon" onClick={onClose} aria-label={t('common.close')} title={t('common.close')}>
          <X aria-hidden="true" className="size-4" />
        </Button>
      </header>
      {!outcome && (
        <div className="flex flex-1 items-center justify-center">
          <Spinner className="size-6 text-zinc-400" />
        </div>
      )}
      {outcome?.kind === 'refused' && (
        <div role="alert" className="m-4 overflow-hidden rounded-xl border border-red-200 bg-white">
          <p className="bg-red-50 px-3 py-2 text-sm font-semibold text-red-800">{t('flows.simulator.refused', { count: outcome.problems.length })}</p>
          <ProblemsList problems={outcome.problems} />
        </div>
      )}
      {outcome?.kind === 'failed' && (
        <p role="alert" className="m-4 rounded-xl border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800">
          {outcome.message}
        </p>
      )}
      {outcome?.kind === 'running' && <RunningSimulation key={outcome.session.simulationId} flowId={flowId} session={outcome.session} />}
    </aside>
  );
}

function RunningSimulation({ flowId, session }: { flowId: string; session: StartedSimulation }) {
  const { t } = useTranslation();
  const simulation = useSimulation(flowId, session.simulationId);
  useCanvasTrace(simulation.data);
  const target: ChatTarget = { waId: session.waId, name: t('flows.simulator.customerName'), phoneNumberId: session.phoneNumber.phoneNumberId };
  const business: HostedNumber = { phone_number_id: session.phoneNumber.phoneNumberId, waba_id: '', display_phone_number: session.phoneNumber.displayPhoneNumber, verified_name: session.phoneNumber.name };
  const events = useSandboxEvents(target, true);
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3 p-3">
      <SimulationStatus state={simulation.data} />
      <PhoneChat target={target} business={business} live={events.state === 'live'} typing={events.typing} size="min-h-[22rem] w-full flex-1" />
      <VariablesList variables={simulation.data?.variables ?? {}} />
    </div>
  );
}
