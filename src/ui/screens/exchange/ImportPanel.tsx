/**
 * Import: pick or drop a bundle → its passphrase if encrypted (a wrong one is said so; try again)
 * → verified in full with a progress bar → a preview of what it would change, before any write →
 * applied only on "Import", with progress and a Stop → a report. Every refusal shows its own
 * reason and that nothing changed.
 *
 * Works for any assessment: on an assessment's exchange screen a bundle of another assessment is
 * said so in the preview (importing it adds or updates THAT assessment); with no assessment open it
 * is how a new device receives its first one (ImportBundleScreen).
 *
 * Reading and previewing only read, so they can be abandoned at any moment (the run is dropped).
 * Applying is stopped between batches through the AbortSignal the bundle code takes; what was
 * written stays consistent, and importing the same file again completes it.
 */
import { effect } from '@preact/signals';
import type { TFunction } from 'i18next';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import type { FrameworkRef } from '../../../exchange/bundle/format';
import type { BundleProgress } from '../../../exchange/bundle/progress';
import { readBundle, readBundleHeader, type VerifiedBundle } from '../../../exchange/bundle/readBundle';
import { applyImport, previewImport, type ImportPreview, type ImportReport } from '../../../exchange/importBundle';
import type { AssessmentData } from '../../session/assessmentSession';
import type { ShellState } from '../../shell/shellState';
import { useAppState } from '../../AppStateContext';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { BundleDropZone } from './BundleDropZone';
import type { ExchangeDeps } from './exchangeDeps';
import { ImportPassphraseForm } from './ImportPassphraseForm';
import { ImportPreviewView } from './ImportPreviewView';
import { ImportRefusalView, type Refusal } from './ImportRefusalView';
import { ImportReportView } from './ImportReportView';
import { importProblemText } from './problemMessage';
import { applyPlan, progressPercent, verifyPlan } from './progressPercent';
import { ProgressBar } from './ProgressBar';

export interface ImportPanelProps {
  readonly deps: ExchangeDeps;
  /** The assessment open on this screen; undefined on the device-level import screen. */
  readonly current?: { readonly id: string; readonly title: string } | undefined;
  readonly data?: AssessmentData | null | undefined;
  readonly index?: FrameworkIndex | undefined;
  /** Called after anything was imported (the export form reads its peers again). */
  readonly onImported?: (() => void) | undefined;
  /** Moves the focus to this screen's conflicts section (the report's "Review the conflicts"). */
  readonly onReviewConflicts?: (() => void) | undefined;
}

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'opening'; readonly file: File }
  | { readonly kind: 'passphrase'; readonly file: File; readonly wrong: boolean; readonly attempt: number }
  | { readonly kind: 'verifying'; readonly file: File; readonly encrypted: boolean; readonly progress: BundleProgress | undefined; readonly percent: number }
  | { readonly kind: 'preview'; readonly file: File; readonly bundle: VerifiedBundle; readonly preview: ImportPreview }
  | {
      readonly kind: 'applying';
      readonly file: File;
      readonly bundle: VerifiedBundle;
      readonly preview: ImportPreview;
      readonly progress: BundleProgress | undefined;
      readonly percent: number;
      readonly controller: AbortController;
    }
  | { readonly kind: 'done'; readonly file: File; readonly preview: ImportPreview; readonly report: ImportReport }
  | {
      readonly kind: 'refused';
      readonly file: File;
      readonly refusal: Refusal;
      /** What "Try again" does: read the file again, or apply the same verified bundle again. */
      readonly retry: 'open' | { readonly bundle: VerifiedBundle; readonly preview: ImportPreview } | undefined;
    };

export function ImportPanel({ deps, current, data = null, index, onImported, onReviewConflicts }: ImportPanelProps) {
  const { t } = useTranslation();
  const shell = useShell();
  const appState = useAppState();
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [status, setStatus] = useState('');
  const run = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  /** Set when the person went back to choosing a file: the file input gets the focus. */
  const focusPicker = useRef(false);

  useEffect(
    () => () => {
      // Reading and previewing are dropped with the screen; an import being applied goes on (it is
      // safe to finish, and the next visit shows its result in the data).
      run.current += 1;
    },
    [],
  );
  // Layout effect: focus moves in the same frame as the content, before anyone can act on the old one.
  useLayoutEffect(() => {
    if (phase.kind === 'idle' && focusPicker.current) {
      focusPicker.current = false;
      picker.current?.focus();
    }
    if (phase.kind === 'preview' || phase.kind === 'done' || phase.kind === 'refused') heading.current?.focus();
    if (phase.kind === 'applying') stopButton.current?.focus();
    if (phase.kind === 'verifying' || phase.kind === 'opening') cancelButton.current?.focus();
  }, [phase.kind]);

  const refuse = (mine: number, file: File, refusal: Refusal, retry: Extract<Phase, { kind: 'refused' }>['retry']) => {
    if (run.current !== mine) return;
    setPhase({ kind: 'refused', file, refusal, retry });
    if (refusal.code === 'storage-failed') shell.notify('error', importProblemText(t, refusal));
  };

  const open = async (file: File) => {
    const mine = ++run.current;
    setStatus('');
    setPhase({ kind: 'opening', file });
    try {
      const header = await readBundleHeader(file);
      if (run.current !== mine) return;
      if (!header.ok) return refuse(mine, file, header.error, header.error.code === 'read-failed' ? 'open' : undefined);
      if (header.value.encrypted) {
        setPhase({ kind: 'passphrase', file, wrong: false, attempt: 0 });
        return;
      }
      await verify(mine, file, undefined, 0);
    } catch (error) {
      refuse(mine, file, unexpected(error), undefined);
    }
  };

  const verify = async (mine: number, file: File, passphrase: string | undefined, attempt: number) => {
    const encrypted = passphrase !== undefined;
    setPhase({ kind: 'verifying', file, encrypted, progress: undefined, percent: 0 });
    try {
      const frameworks = await installedFrameworks(shell);
      if (run.current !== mine) return;
      // Attachments are unknown before the manifest is read: plan for some, and the bar jumps to
      // the end if there are none.
      const plan = verifyPlan(true);
      let floor = 0;
      const read = await readBundle(file, {
        ...(passphrase === undefined ? {} : { passphrase }),
        frameworks,
        requireEncryption: appState.requireEncryptedBundles.peek(),
        onProgress: (progress) => {
          if (run.current !== mine) return;
          floor = progressPercent(progress, plan, floor);
          setPhase({ kind: 'verifying', file, encrypted, progress, percent: floor });
        },
      });
      if (run.current !== mine) return;
      if (!read.ok) {
        if (read.error.code === 'wrong-passphrase' || read.error.code === 'needs-passphrase') {
          setPhase({ kind: 'passphrase', file, wrong: read.error.code === 'wrong-passphrase', attempt: attempt + 1 });
          return;
        }
        return refuse(mine, file, read.error, read.error.code === 'read-failed' ? 'open' : undefined);
      }
      const preview = await previewImport(deps.store, read.value);
      if (run.current !== mine) return;
      if (!preview.ok) return refuse(mine, file, preview.error, preview.error.code === 'storage-failed' ? 'open' : undefined);
      setPhase({ kind: 'preview', file, bundle: read.value, preview: preview.value });
    } catch (error) {
      refuse(mine, file, unexpected(error), undefined);
    }
  };

  const apply = async (file: File, bundle: VerifiedBundle, preview: ImportPreview) => {
    const mine = ++run.current;
    const controller = new AbortController();
    const plan = applyPlan(bundle.blobs.length > 0);
    let floor = 0;
    setPhase({ kind: 'applying', file, bundle, preview, progress: undefined, percent: 0, controller });
    try {
      const result = await applyImport(deps.store, bundle, {
        signal: controller.signal,
        onProgress: (progress) => {
          if (run.current !== mine) return;
          floor = progressPercent(progress, plan, floor);
          setPhase({ kind: 'applying', file, bundle, preview, progress, percent: floor, controller });
        },
      });
      onImported?.();
      if (run.current !== mine) return;
      if (!result.ok) return refuse(mine, file, result.error, result.error.code === 'aborted' || result.error.code === 'storage-failed' ? { bundle, preview } : undefined);
      setPhase({ kind: 'done', file, preview, report: result.value });
    } catch (error) {
      refuse(mine, file, unexpected(error, true), undefined);
    }
  };

  const reset = (message = '') => {
    run.current += 1;
    focusPicker.current = true;
    setPhase({ kind: 'idle' });
    setStatus(message);
  };

  const resetNodeId = async () => {
    const reset = await deps.store.resetNodeId();
    setStatus(reset.ok ? t('exchange:report.nodeIdReset') : t('exchange:problem.storage-failed'));
  };

  const busy = phase.kind === 'opening' || phase.kind === 'verifying' || phase.kind === 'applying';

  return (
    <section class="panel xc-panel xc-import" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('exchange:import.heading')}</h3>
      <p class="section-intro">{t('exchange:import.intro')}</p>

      {phase.kind === 'idle' && <BundleDropZone inputRef={picker} onFile={(file) => void open(file)} />}

      {phase.kind !== 'idle' && (
        <p class="xc-file-line">
          {t('exchange:import.fileChosen', { file: phase.file.name })}
          {!busy && phase.kind !== 'done' && phase.kind !== 'refused' && (
            <>
              {' '}
              <button type="button" class="button xc-inline-button" onClick={() => reset()}>
                {t('exchange:import.chooseAnother')}
              </button>
            </>
          )}
        </p>
      )}

      {phase.kind === 'passphrase' && (
        <ImportPassphraseForm
          fileName={phase.file.name}
          wrong={phase.wrong}
          attempt={phase.attempt}
          onSubmit={(passphrase) => {
            const mine = ++run.current;
            void verify(mine, phase.file, passphrase, phase.attempt);
          }}
          onCancel={() => reset(t('exchange:import.cancelled'))}
        />
      )}

      {(phase.kind === 'opening' || phase.kind === 'verifying') && (
        <div class="xc-working">
          <ProgressBar
            label={t('exchange:import.verifyLabel')}
            stage={phase.kind === 'opening' ? t('exchange:import.stage.opening') : verifyStageText(t, phase.progress, phase.encrypted)}
            percent={phase.kind === 'opening' ? undefined : phase.progress === undefined && phase.encrypted ? undefined : phase.percent}
          />
          <div class="xc-actions">
            <button ref={cancelButton} type="button" class="button" onClick={() => reset(t('exchange:import.cancelled'))}>
              {t('exchange:import.cancel')}
            </button>
          </div>
        </div>
      )}

      {phase.kind === 'preview' && (
        <ImportPreviewView
          preview={phase.preview}
          current={current}
          data={data}
          index={index}
          headingRef={heading}
          onImport={() => void apply(phase.file, phase.bundle, phase.preview)}
          onCancel={() => reset(phase.preview.nothingNew ? '' : t('exchange:import.cancelled'))}
        />
      )}

      {phase.kind === 'applying' && (
        <div class="xc-working">
          <ProgressBar label={t('exchange:import.applyLabel')} stage={applyStageText(t, phase.progress)} percent={phase.percent} />
          <p class="field-hint">{t('exchange:import.stopHint')}</p>
          <div class="xc-actions">
            <button ref={stopButton} type="button" class="button" onClick={() => phase.controller.abort()} disabled={phase.controller.signal.aborted}>
              {t('exchange:import.stop')}
            </button>
          </div>
        </div>
      )}

      {phase.kind === 'done' && (
        <ImportReportView
          report={phase.report}
          assessment={phase.preview.assessment}
          isCurrent={current?.id === phase.preview.assessment.id}
          headingRef={heading}
          onReviewConflicts={current?.id === phase.preview.assessment.id ? onReviewConflicts : undefined}
          onResetNodeId={() => void resetNodeId()}
          onAnother={() => reset()}
        />
      )}

      {phase.kind === 'refused' && (
        <div role="alert">
          <ImportRefusalView
            refusal={phase.refusal}
            fileName={phase.file.name}
            headingRef={heading}
            onAnother={() => reset()}
            onRetry={retryOf(phase)}
          />
        </div>
      )}

      <p class="xc-status" role="status">
        {status}
      </p>
    </section>
  );

  /** "Try again" after a refusal: read the file again, or finish an import that stopped part-way. */
  function retryOf(refused: Extract<Phase, { kind: 'refused' }>): (() => void) | undefined {
    const { file, retry } = refused;
    if (retry === undefined) return undefined;
    if (retry === 'open') return () => void open(file);
    // applyImport checks the database again itself; what the first attempt wrote counts as already here.
    return () => void apply(file, retry.bundle, retry.preview);
  }
}

function unexpected(error: unknown, whileWriting = false): Refusal {
  return { code: 'unexpected', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error), whileWriting };
}

/** The installed frameworks, once the shell has read them (a bundle's framework must be one of them). */
function installedFrameworks(shell: ShellState): Promise<FrameworkRef[]> {
  const refs = () => shell.frameworks.peek().map((entry) => ({ id: entry.framework.id, version: entry.framework.version }));
  if (shell.frameworksLoaded.peek()) return Promise.resolve(refs());
  return new Promise((resolve) => {
    let settled = false;
    const dispose = effect(() => {
      if (settled || !shell.frameworksLoaded.value) return;
      settled = true;
      resolve(refs());
      queueMicrotask(() => dispose());
    });
  });
}

function verifyStageText(t: TFunction, progress: BundleProgress | undefined, encrypted: boolean): string {
  switch (progress?.stage) {
    case undefined:
      return encrypted ? t('exchange:import.stage.key') : t('exchange:import.stage.opening');
    case 'changes':
      return t('exchange:import.stage.changes');
    case 'attachments':
      return t('exchange:import.stage.attachments');
    case 'finishing':
      return t('exchange:import.stage.previewing');
  }
}

function applyStageText(t: TFunction, progress: BundleProgress | undefined): string {
  switch (progress?.stage) {
    case undefined:
      return t('exchange:import.stage.preparing');
    case 'attachments':
      return t('exchange:import.stage.storingAttachments');
    case 'changes':
      return t('exchange:import.stage.writingChanges');
    case 'finishing':
      return t('exchange:import.stage.finishing');
  }
}
