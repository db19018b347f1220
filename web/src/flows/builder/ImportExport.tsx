import { Download, Upload } from 'lucide-react';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { flowDefinitionSchema, type FlowDefinition } from '../../../../workflows/flow/schema';
import i18n from '../../i18n';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { toDraft } from './convert';
import { importIssues } from './importIssues';
import { useBuilderStore } from './store';

/** Problems listed in the refusal; the rest are counted, so a wrong file does not fill the screen. */
const SHOWN_ISSUES = 12;

type Pending = { file: string; definition: FlowDefinition } | { file: string; problems: string[] };

/** Characters file systems refuse in a name. */
const fileNameOf = (name: string) => name.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'fluxo';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${fileNameOf(name)}.json`;
  link.click();
  // Revoked after the click has started the download, not before.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

async function readDefinition(file: File): Promise<Pending> {
  let input: unknown;
  try {
    input = JSON.parse(await file.text());
  } catch {
    return { file: file.name, problems: [i18n.t('flows.builder.importNotJson')] };
  }
  const parsed = flowDefinitionSchema.safeParse(input);
  return parsed.success ? { file: file.name, definition: parsed.data } : { file: file.name, problems: importIssues(parsed.error, input) };
}

/** Export the draft as JSON, or replace it with a checked JSON file (after a confirmation). */
export function ImportExport({ flowName, onImport }: { flowName: string; onImport: (definition: FlowDefinition) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  const exportDraft = () => {
    const { nodes, edges } = useBuilderStore.getState();
    download(flowName, JSON.stringify(toDraft(nodes, edges), null, 2));
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again, once fixed, fires another change.
    event.target.value = '';
    if (file) setPending(await readDefinition(file));
  };

  return (
    <>
      <Button variant="ghost" size="icon" onClick={exportDraft} aria-label={t('flows.builder.export')} title={t('flows.builder.exportHint')}>
        <Download aria-hidden="true" className="size-4" />
      </Button>
      <Button variant="ghost" size="icon" onClick={() => input.current?.click()} aria-label={t('flows.builder.import')} title={t('flows.builder.importHint')}>
        <Upload aria-hidden="true" className="size-4" />
      </Button>
      <input ref={input} type="file" accept="application/json,.json" className="hidden" tabIndex={-1} aria-hidden="true" data-import-file onChange={(e) => void onFile(e)} />
      {pending && 'definition' in pending && (
        <ConfirmDialog
          title={t('flows.builder.importConfirmTitle', { file: pending.file })}
          message={t('flows.builder.importConfirmMessage', { count: pending.definition.nodes.length })}
          confirmLabel={t('flows.builder.importConfirm')}
          tone="primary"
          onConfirm={() => {
            onImport(pending.definition);
            setPending(null);
          }}
          onClose={() => setPending(null)}
        />
      )}
      {pending && 'problems' in pending && (
        <Dialog
          title={t('flows.builder.importInvalidTitle', { file: pending.file })}
          onClose={() => setPending(null)}
          footer={
            <Button variant="secondary" onClick={() => setPending(null)} data-autofocus>
              {t('common.close')}
            </Button>
          }
        >
          <p className="text-sm text-zinc-600">{t('flows.builder.importInvalidIntro')}</p>
          <ul role="alert" className="mt-3 space-y-1 rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 font-mono text-xs leading-relaxed text-red-800">
            {pending.problems.slice(0, SHOWN_ISSUES).map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
            {pending.problems.length > SHOWN_ISSUES && <li className="font-sans font-medium">{t('flows.builder.importMore', { count: pending.problems.length - SHOWN_ISSUES })}</li>}
          </ul>
        </Dialog>
      )}
    </>
  );
}
