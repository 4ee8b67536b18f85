/**
 * Export: the whole assessment or only what a colleague lacks, with or without attachments,
 * optionally encrypted; a progress bar while the bundle is written; then a summary and the file,
 * offered as a download (and "Save as…" where the browser has a save dialog).
 *
 * Exporting only reads this device's data, so "Cancel" is safe at any moment: the bundle code has no
 * way to stop mid-write, so the screen drops the run and its result (the browser finishes the
 * current step in the background and the file is discarded).
 */
import type { TFunction } from 'i18next';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Assessor } from '../../../core/assessment/assessorSchema';
import { deriveBundleKey, type BundleKey } from '../../../exchange/bundle/encryption';
import type { BundleProgress } from '../../../exchange/bundle/progress';
import { exportBundle, type ExportedBundle } from '../../../exchange/exportBundle';
import { listBundlePeers, type BundlePeer } from '../../../exchange/importBundle';
import type { AssessmentData } from '../../session/assessmentSession';
import { formatBytes } from '../../shell/formatStorage';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import type { ExchangeDeps } from './exchangeDeps';
import { attachmentTotals, initialSigner, peerViews, resolveSigner, type PeerView } from './exportScope';
import { checkPassphrase } from './passphraseCheck';
import { PassphraseFields } from './PassphraseFields';
import { SignerField } from './SignerField';
import { exportProblemText } from './problemMessage';
import { exportPlan, progressPercent } from './progressPercent';
import { ProgressBar } from './ProgressBar';
import { saveFilePickerOf, saveWithPicker, useObjectUrl } from './saveBundleFile';

export interface ExportPanelProps {
  readonly assessmentId: string;
  readonly data: AssessmentData;
  readonly me: Assessor | undefined;
  readonly deps: ExchangeDeps;
  /** Changes when an import may have added a peer: the list is read again. */
  readonly peersVersion: number;
}

type Scope = { readonly kind: 'all' } | { readonly kind: 'peer'; readonly node: string };

interface ExportSummary {
  readonly result: ExportedBundle;
  readonly encrypted: boolean;
  readonly peerName: string | null | undefined;
}

type Phase =
  | { readonly kind: 'form' }
  | { readonly kind: 'deriving'; readonly run: number }
  | { readonly kind: 'writing'; readonly run: number; readonly progress: BundleProgress | undefined; readonly percent: number; readonly withAttachments: boolean }
  | { readonly kind: 'done'; readonly summary: ExportSummary }
  | { readonly kind: 'failed'; readonly message: string; readonly detail: string };

type PeersLoad = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly peers: readonly BundlePeer[] } | { readonly kind: 'failed' };

export function ExportPanel({ assessmentId, data, me, deps, peersVersion }: ExportPanelProps) {
  const { t, format, language } = useTranslation();
  const shell = useShell();
  const id = useId();
  const [peersLoad, setPeersLoad] = useState<PeersLoad>({ kind: 'loading' });
  const [scope, setScope] = useState<Scope>({ kind: 'all' });
  const [includeAttachments, setIncludeAttachments] = useState(true);
  const [encrypt, setEncrypt] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [signerChoice, setSignerChoice] = useState(() => initialSigner(data.assessors, me?.id));
  const [signerName, setSignerName] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [status, setStatus] = useState('');
  const [saveNote, setSaveNote] = useState('');
  const run = useRef(0);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const confirmationRef = useRef<HTMLInputElement>(null);
  const signerRef = useRef<HTMLSelectElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const failedHeading = useRef<HTMLHeadingElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  /** Where focus goes when the form comes back: "Export" after a cancel, the first choice after a result. */
  const focusOnForm = useRef<'submit' | 'start' | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void listBundlePeers(deps.store, assessmentId).then((read) => {
      if (!live) return;
      setPeersLoad(read.ok ? { kind: 'ready', peers: read.value } : { kind: 'failed' });
    });
    return () => {
      live = false;
    };
  }, [deps.db, assessmentId, peersVersion]);
  // "Who am I" chosen in the header after the screen opened: sign as that person unless already chosen.
  useEffect(() => {
    if (me !== undefined) setSignerChoice((choice) => (choice === '' ? me.id : choice));
  }, [me]);
  // Dropping the run on unmount: a result that arrives after the screen is gone is discarded.
  useEffect(
    () => () => {
      run.current += 1;
    },
    [],
  );

  const peers = useMemo(() => (peersLoad.kind === 'ready' ? peerViews(peersLoad.peers, data.assessors) : []), [peersLoad, data.assessors]);
  const chosenPeer = scope.kind === 'peer' ? peers.find((peer) => peer.node === scope.node) : undefined;
  const totals = useMemo(() => attachmentTotals(data.attachments, chosenPeer?.peer.blobsHeld), [data.attachments, chosenPeer]);
  const allTotals = useMemo(() => attachmentTotals(data.attachments), [data.attachments]);
  const signer = resolveSigner(signerChoice, signerName, data.assessors);
  const check = checkPassphrase(passphrase, confirmation);
  const blobUrl = useObjectUrl(phase.kind === 'done' ? phase.summary.result.blob : undefined);
  const picker = typeof window === 'undefined' ? undefined : saveFilePickerOf(window);

  useLayoutEffect(() => {
    if (phase.kind === 'done') resultHeading.current?.focus();
    if (phase.kind === 'failed') failedHeading.current?.focus();
    // The submit button leaves with the form's controls: focus goes where the next action is.
    if (phase.kind === 'deriving' || phase.kind === 'writing') cancelButton.current?.focus();
    if (phase.kind === 'form' && focusOnForm.current !== undefined) {
      if (focusOnForm.current === 'submit') submitButton.current?.focus();
      else formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
      focusOnForm.current = undefined;
    }
  }, [phase.kind]);

  const busy = phase.kind === 'deriving' || phase.kind === 'writing';

  const start = async () => {
    setAttempted(true);
    setStatus('');
    setSaveNote('');
    if (!signer.ok) {
      (signer.problem === 'name' ? nameRef : signerRef).current?.focus();
      return;
    }
    if (encrypt && check.problems.length > 0) {
      (check.problems.some((problem) => problem !== 'mismatch') ? passphraseRef : confirmationRef).current?.focus();
      return;
    }
    const mine = ++run.current;
    const withAttachments = includeAttachments && totals.files > 0;
    const peer = chosenPeer;
    try {
      let key: BundleKey | undefined;
      if (encrypt) {
        setPhase({ kind: 'deriving', run: mine });
        key = await deriveBundleKey(passphrase);
        if (run.current !== mine) return;
      }
      setPhase({ kind: 'writing', run: mine, progress: undefined, percent: 0, withAttachments });
      const plan = exportPlan(withAttachments);
      let floor = 0;
      const result = await exportBundle(deps.store, {
        assessmentId,
        includeAttachments,
        ...(peer === undefined ? {} : { since: peer.peer.versionVector, peerBlobs: peer.peer.blobsHeld }),
        ...(key === undefined ? {} : { key }),
        createdBy: { name: signer.name, assessorId: signer.assessorId },
        onProgress: (progress) => {
          if (run.current !== mine) return;
          floor = progressPercent(progress, plan, floor);
          setPhase({ kind: 'writing', run: mine, progress, percent: floor, withAttachments });
        },
      });
      if (run.current !== mine) return;
      if (!result.ok) {
        setPhase({ kind: 'failed', message: exportProblemText(t, result.error), detail: result.error.message });
        if (result.error.code === 'storage-failed' && result.error.failure.kind === 'quota-exceeded') shell.notify('error', exportProblemText(t, result.error));
        return;
      }
      // The passphrase has done its job: it does not stay in the form (or in memory longer than needed).
      setPassphrase('');
      setConfirmation('');
      setAttempted(false);
      setPhase({ kind: 'done', summary: { result: result.value, encrypted: key !== undefined, peerName: peer === undefined ? undefined : peer.name } });
    } catch (error) {
      if (run.current !== mine) return;
      setPhase({ kind: 'failed', message: t('exchange:export.unexpected'), detail: error instanceof Error ? error.message : String(error) });
    }
  };

  const cancel = () => {
    run.current += 1;
    focusOnForm.current = 'submit';
    setPhase({ kind: 'form' });
    setStatus(t('exchange:export.cancelled'));
  };

  const again = () => {
    focusOnForm.current = 'start';
    setPhase({ kind: 'form' });
    setStatus('');
    setSaveNote('');
  };

  const saveAs = async () => {
    if (phase.kind !== 'done' || picker === undefined || phase.summary.result.blob === undefined) return;
    const outcome = await saveWithPicker(picker, phase.summary.result.blob, phase.summary.result.fileName, t('exchange:export.fileType'));
    setSaveNote(outcome.kind === 'saved' ? t('exchange:export.savedAs') : outcome.kind === 'failed' ? t('exchange:export.saveFailed', { message: outcome.message }) : '');
  };

  return (
    <section class="panel xc-panel xc-export" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('exchange:export.heading')}</h3>
      <p class="section-intro">{t('exchange:export.intro')}</p>

      {(phase.kind === 'form' || busy) && (
        <form
          ref={formRef}
          class="xc-export-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy) void start();
          }}
        >
          <fieldset class="fieldset xc-fieldset" disabled={busy}>
            <legend>{t('exchange:export.scope.legend')}</legend>
            <label class="radio">
              <input type="radio" name={`${id}-scope`} checked={scope.kind === 'all'} onChange={() => setScope({ kind: 'all' })} />
              <span>{t('exchange:export.scope.all')}</span>
            </label>
            {peers.map((peer) => (
              <PeerChoice key={peer.node} peer={peer} name={`${id}-scope`} checked={scope.kind === 'peer' && scope.node === peer.node} onChoose={() => setScope({ kind: 'peer', node: peer.node })} />
            ))}
            <p class="field-hint">
              {peersLoad.kind === 'loading'
                ? t('exchange:export.scope.loadingPeers')
                : peersLoad.kind === 'failed'
                  ? t('exchange:export.scope.peersFailed')
                  : peers.length === 0
                    ? t('exchange:export.scope.noPeers')
                    : t('exchange:export.scope.peersHint')}
            </p>
          </fieldset>

          <fieldset class="fieldset xc-fieldset" disabled={busy}>
            <legend>{t('exchange:export.attachments.legend')}</legend>
            <label class="checkbox">
              <input type="checkbox" checked={includeAttachments} onChange={(event) => setIncludeAttachments(event.currentTarget.checked)} />
              <span>
                {totals.files === 0
                  ? chosenPeer !== undefined && allTotals.files > 0
                    ? t('exchange:export.attachments.peerHasAll')
                    : t('exchange:export.attachments.none')
                  : t('exchange:export.attachments.include', { count: totals.files, size: formatBytes(totals.bytes, language) })}
              </span>
            </label>
            <p class="field-hint">{t('exchange:export.attachments.hint')}</p>
          </fieldset>

          <fieldset class="fieldset xc-fieldset" disabled={busy}>
            <legend>{t('exchange:export.signer.legend')}</legend>
            <SignerField
              assessors={data.assessors}
              choice={signerChoice}
              name={signerName}
              onChoice={setSignerChoice}
              onName={setSignerName}
              problem={attempted && !signer.ok ? signer.problem : undefined}
              selectRef={signerRef}
              nameRef={nameRef}
            />
          </fieldset>

          <fieldset class="fieldset xc-fieldset" disabled={busy}>
            <legend>{t('exchange:export.protection.legend')}</legend>
            <label class="checkbox">
              <input type="checkbox" checked={encrypt} onChange={(event) => setEncrypt(event.currentTarget.checked)} />
              <span>{t('exchange:export.protection.encrypt')}</span>
            </label>
            {encrypt ? (
              <PassphraseFields
                passphrase={passphrase}
                confirmation={confirmation}
                onPassphrase={setPassphrase}
                onConfirmation={setConfirmation}
                check={check}
                showProblems={attempted}
                passphraseRef={passphraseRef}
                confirmationRef={confirmationRef}
              />
            ) : (
              <p class="banner banner-warning">{t('exchange:export.protection.plainWarning')}</p>
            )}
          </fieldset>

          {!busy && (
            <div class="xc-actions">
              <button ref={submitButton} type="submit" class="button button-primary">
                {chosenPeer === undefined ? t('exchange:export.start') : t('exchange:export.startForPeer', { name: chosenPeer.name ?? t('exchange:unknownPerson') })}
              </button>
            </div>
          )}
        </form>
      )}

      {busy && (
        <div class="xc-working">
          {phase.kind === 'deriving' ? (
            <ProgressBar label={t('exchange:export.progressLabel')} stage={t('exchange:export.stage.key')} percent={undefined} />
          ) : (
            phase.kind === 'writing' && <ProgressBar label={t('exchange:export.progressLabel')} stage={exportStageText(t, phase.progress)} percent={phase.percent} />
          )}
          <div class="xc-actions">
            <button ref={cancelButton} type="button" class="button" onClick={cancel}>
              {t('exchange:export.cancel')}
            </button>
          </div>
        </div>
      )}

      <p class="xc-status" role="status">
        {status}
      </p>

      {phase.kind === 'failed' && (
        <div class="xc-refusal" role="alert">
          <h4 ref={failedHeading} tabIndex={-1}>
            {t('exchange:export.failedHeading')}
          </h4>
          <p>{phase.message}</p>
          <details class="xc-details">
            <summary>{t('exchange:technicalDetails')}</summary>
            <p lang="en">{phase.detail}</p>
          </details>
          <div class="xc-actions">
            <button type="button" class="button" onClick={again}>
              {t('exchange:export.tryAgain')}
            </button>
          </div>
        </div>
      )}

      {phase.kind === 'done' && (
        <div class="xc-result">
          <h4 ref={resultHeading} tabIndex={-1} class="xc-result-heading">
            {t('exchange:export.doneHeading')}
          </h4>
          <ExportSummaryView summary={phase.summary} />
          <div class="xc-actions">
            {blobUrl !== undefined && (
              <a class="button button-primary xc-download" href={blobUrl} download={phase.summary.result.fileName}>
                {t('exchange:export.download', { file: phase.summary.result.fileName })}
              </a>
            )}
            {picker !== undefined && (
              <button type="button" class="button" onClick={() => void saveAs()}>
                {t('exchange:export.saveAs')}
              </button>
            )}
            <button type="button" class="button" onClick={again}>
              {t('exchange:export.another')}
            </button>
          </div>
          <p class="xc-status" role="status">
            {saveNote}
          </p>
          {phase.summary.encrypted && <p class="field-hint">{t('exchange:export.sendPassphraseApart')}</p>}
          <p class="field-hint">
            {t('exchange:export.createdAt', { date: format.dateTime(new Date(phase.summary.result.manifest.createdAt)) })}
          </p>
        </div>
      )}
    </section>
  );
}

function PeerChoice({ peer, name, checked, onChoose }: { readonly peer: PeerView; readonly name: string; readonly checked: boolean; readonly onChoose: () => void }) {
  const { t, format } = useTranslation();
  return (
    <label class="radio xc-peer">
      <input type="radio" name={name} checked={checked} onChange={onChoose} />
      <span>
        {t('exchange:export.scope.peer', { name: peer.name ?? t('exchange:unknownPerson') })}
        <span class="xc-peer-meta">
          {t('exchange:export.scope.peerLast', { date: format.dateTime(new Date(peer.lastBundleCreatedAt)), device: shortNode(peer.node) })}
        </span>
      </span>
    </label>
  );
}

function ExportSummaryView({ summary }: { readonly summary: ExportSummary }) {
  const { t, language } = useTranslation();
  const { result } = summary;
  const { counts } = result.manifest;
  const missing = result.skippedBlobs.filter((blob) => blob.reason === 'missing').length;
  const damaged = result.skippedBlobs.length - missing;
  return (
    <>
      <dl class="xc-facts">
        <div>
          <dt>{t('exchange:export.summary.file')}</dt>
          <dd>
            <code class="xc-file-name">{result.fileName}</code> · {formatBytes(result.bytes, language)}
          </dd>
        </div>
        <div>
          <dt>{t('exchange:export.summary.scope')}</dt>
          <dd>
            {summary.peerName === undefined ? t('exchange:export.summary.scopeAll') : t('exchange:export.summary.scopePeer', { name: summary.peerName ?? t('exchange:unknownPerson') })}
          </dd>
        </div>
        <div>
          <dt>{t('exchange:export.summary.changes')}</dt>
          <dd>{t('exchange:export.summary.changeCount', { count: counts.changes })}</dd>
        </div>
        <div>
          <dt>{t('exchange:export.summary.attachments')}</dt>
          <dd>
            {counts.blobs === 0
              ? result.manifest.includesAttachments
                ? t('exchange:export.summary.noAttachments')
                : t('exchange:export.summary.attachmentsLeftOut')
              : t('exchange:export.summary.attachmentCount', { count: counts.blobs, size: formatBytes(counts.blobBytes, language) })}
          </dd>
        </div>
        <div>
          <dt>{t('exchange:export.summary.protection')}</dt>
          <dd>{summary.encrypted ? t('exchange:export.summary.encrypted') : t('exchange:export.summary.notEncrypted')}</dd>
        </div>
      </dl>
      {missing > 0 && <p class="banner banner-warning">{t('exchange:export.summary.missingBlobs', { count: missing })}</p>}
      {damaged > 0 && <p class="banner banner-warning">{t('exchange:export.summary.damagedBlobs', { count: damaged })}</p>}
      {result.skippedChanges > 0 && <p class="banner banner-warning">{t('exchange:export.summary.skippedChanges', { count: result.skippedChanges })}</p>}
    </>
  );
}

/** The last six hex digits of a node id: enough to tell two devices apart on screen. */
export function shortNode(node: string): string {
  return node.slice(-6);
}

function exportStageText(t: TFunction, progress: BundleProgress | undefined): string {
  switch (progress?.stage) {
    case undefined:
      return t('exchange:export.stage.reading');
    case 'changes':
      return t('exchange:export.stage.changes');
    case 'attachments':
      return t('exchange:export.stage.attachments');
    case 'finishing':
      return t('exchange:export.stage.finishing');
  }
}

