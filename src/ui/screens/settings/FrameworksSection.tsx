/**
 * Frameworks on this device: the built-in MMDMA v1 and any imported file. An import is validated in
 * full before anything is stored; an invalid file gets EVERY problem listed with its path (a
 * methodologist fixing a long file by hand needs the whole list at once) and changes nothing.
 */
import type { TFunction } from 'i18next';
import { useId, useRef, useState } from 'preact/hooks';
import type { Framework } from '../../../core/framework/frameworkSchema';
import type { FrameworkProblem } from '../../../core/framework/validateFramework';
import { countFramework } from '../../shared/frameworkCounts';
import { FilePicker } from '../../shared/FilePicker';
import { FrameworkText } from '../../shared/FrameworkText';
import { describeStorageFailure } from '../../shell/describeStorageFailure';
import { ConfirmButton } from '../../shell/fields/ConfirmButton';
import type { InstallFailure, InstallRefusal } from '../../shell/frameworkRegistry';
import { frameworkKey, type InstalledFramework } from '../../shell/installedFrameworks';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { checkFrameworkFileOffThread, MAX_FRAMEWORK_FILE_BYTES, SHOWN_FRAMEWORK_PROBLEMS } from './checkFrameworkFile';

type ImportOutcome =
  | { readonly kind: 'reading'; readonly fileName: string }
  | { readonly kind: 'invalid'; readonly fileName: string; readonly problems: readonly FrameworkProblem[] }
  | { readonly kind: 'refused'; readonly fileName: string; readonly message: string }
  | { readonly kind: 'installed'; readonly fileName: string; readonly framework: Framework };

export function FrameworksSection() {
  const shell = useShell();
  const { t } = useTranslation();
  const inputId = useId();
  const [outcome, setOutcome] = useState<ImportOutcome | undefined>(undefined);
  const problemsRef = useRef<HTMLHeadingElement>(null);
  const installed = shell.frameworks.value;
  const unreadable = shell.unreadableFrameworks.value;

  // The picker clears its input after each choice, so the same file may be chosen again after fixing it.
  const importFile = async (file: File) => {
    setOutcome({ kind: 'reading', fileName: file.name });
    if (file.size > MAX_FRAMEWORK_FILE_BYTES) {
      setOutcome({ kind: 'refused', fileName: file.name, message: t('settings:frameworks.tooLarge', { size: Math.round(file.size / 1_000_000) }) });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setOutcome({ kind: 'refused', fileName: file.name, message: t('settings:frameworks.unreadableFile', { message: error instanceof Error ? error.message : String(error) }) });
      return;
    }
    let check;
    try {
      check = await checkFrameworkFileOffThread(text, shell.frameworks.peek());
    } catch (error) {
      setOutcome({ kind: 'refused', fileName: file.name, message: t('settings:frameworks.unreadableFile', { message: error instanceof Error ? error.message : String(error) }) });
      return;
    }
    if (check.kind === 'invalid') {
      setOutcome({ kind: 'invalid', fileName: file.name, problems: check.problems });
      // Focus the list's heading so a screen reader starts reading the problems there.
      requestAnimationFrame(() => problemsRef.current?.focus());
      return;
    }
    if (check.kind === 'refused') {
      setOutcome({ kind: 'refused', fileName: file.name, message: refusalMessage(t, check.refusal, check.framework) });
      return;
    }
    const result = await shell.installFramework(check.framework, file.name);
    if (!result.ok) {
      setOutcome({ kind: 'refused', fileName: file.name, message: installFailureMessage(t, result.error, check.framework) });
      return;
    }
    setOutcome({ kind: 'installed', fileName: file.name, framework: check.framework });
  };

  return (
    <section class="panel frameworks-section" aria-labelledby="settings-frameworks-heading">
      <h2 id="settings-frameworks-heading">{t('settings:frameworks.heading')}</h2>
      <p class="section-intro">{t('settings:frameworks.intro')}</p>
      <ul class="framework-cards">
        {installed.map((entry) => (
          <FrameworkCard key={frameworkKey(entry.framework.id, entry.framework.version)} entry={entry} />
        ))}
      </ul>
      {unreadable.length > 0 && (
        <div class="banner banner-warning">
          <p>{t('settings:frameworks.unreadable', { count: unreadable.length })}</p>
          <ul>
            {unreadable.map((row) => (
              <li key={row.key}>
                <code>{row.key}</code>: {row.problems.slice(0, 3).map((problem) => `${problem.path} ${problem.message}`).join('; ')}
              </li>
            ))}
          </ul>
        </div>
      )}

      <h3>{t('settings:frameworks.importHeading')}</h3>
      <FilePicker id={inputId} label={t('settings:frameworks.importLabel')} accept=".json,application/json" describedBy={`${inputId}-hint`} onFile={(file) => void importFile(file)} />
      <p id={`${inputId}-hint`} class="field-hint">
        {t('settings:frameworks.importHint')}
      </p>

      <div class="import-outcome">
        <p role="status" class="import-status">
          {outcome?.kind === 'reading'
            ? t('settings:frameworks.reading', { file: outcome.fileName })
            : outcome?.kind === 'installed'
              ? t('settings:frameworks.installed', {
                  file: outcome.fileName,
                  id: outcome.framework.id,
                  version: outcome.framework.version,
                  pillars: countFramework(outcome.framework).pillars,
                  indicators: countFramework(outcome.framework).indicators,
                })
              : ''}
        </p>
        <div role="alert">
          {outcome?.kind === 'refused' && <p class="import-refused">{outcome.message}</p>}
          {outcome?.kind === 'invalid' && (
            <p class="import-refused">{t('settings:frameworks.invalidSummary', { file: outcome.fileName, count: outcome.problems.length })}</p>
          )}
        </div>
        {outcome?.kind === 'invalid' && (
          <div class="import-problems">
            <h3 ref={problemsRef} tabIndex={-1}>
              {t('settings:frameworks.problemsHeading', { count: outcome.problems.length })}
            </h3>
            <ol class="problem-list">
              {/* The first ones only: a hundred thousand list items would freeze the screen. */}
              {outcome.problems.slice(0, SHOWN_FRAMEWORK_PROBLEMS).map((problem, index) => (
                <li key={index}>
                  <code class="problem-path">{problem.path === '' ? t('settings:frameworks.wholeFile') : problem.path}</code>{' '}
                  <span class="problem-message">{problem.message}</span>
                </li>
              ))}
            </ol>
            {outcome.problems.length > SHOWN_FRAMEWORK_PROBLEMS && (
              <p class="problem-more">{t('settings:frameworks.moreProblems', { count: outcome.problems.length - SHOWN_FRAMEWORK_PROBLEMS, shown: SHOWN_FRAMEWORK_PROBLEMS })}</p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

function FrameworkCard({ entry }: { readonly entry: InstalledFramework }) {
  const shell = useShell();
  const { t, format } = useTranslation();
  const { framework } = entry;
  const counts = countFramework(framework);
  const inUse = (shell.assessments.value ?? []).filter((assessment) => assessment.frameworkId === framework.id && assessment.frameworkVersion === framework.version).length;
  const titleId = `framework-${frameworkKey(framework.id, framework.version).replace(/[^a-z0-9-]/gi, '-')}`;
  const importedAt = entry.importedAt ? new Date(entry.importedAt) : undefined;
  return (
    <li class="framework-card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <FrameworkText value={framework.name} />
      </h3>
      <dl class="framework-facts">
        <div>
          <dt>{t('settings:frameworks.id')}</dt>
          <dd>
            <code>{framework.id}</code>
          </dd>
        </div>
        <div>
          <dt>{t('settings:frameworks.version')}</dt>
          <dd>{framework.version}</dd>
        </div>
        <div>
          <dt>{t('settings:frameworks.contents')}</dt>
          <dd>
            {t('explorer:counts.pillars', { count: counts.pillars })} · {t('explorer:counts.subTopics', { count: counts.subTopics })} ·{' '}
            {t('explorer:counts.indicators', { count: counts.indicators })}
          </dd>
        </div>
        <div>
          <dt>{t('settings:frameworks.origin')}</dt>
          <dd>
            {entry.origin === 'builtin'
              ? t('settings:frameworks.builtin')
              : t('settings:frameworks.importedFrom', { file: entry.fileName ?? '', date: importedAt ? format.dateTime(importedAt) : '' })}
          </dd>
        </div>
        <div>
          <dt>{t('settings:frameworks.usedBy')}</dt>
          <dd>{t('settings:frameworks.assessments', { count: inUse })}</dd>
        </div>
      </dl>
      {entry.origin === 'imported' &&
        (inUse === 0 ? (
          <ConfirmButton
            label={t('settings:frameworks.remove')}
            accessibleLabel={t('settings:frameworks.removeLabel', { id: framework.id, version: framework.version })}
            question={t('settings:frameworks.removeQuestion', { id: framework.id, version: framework.version })}
            confirmLabel={t('settings:frameworks.removeConfirm')}
            onConfirm={async () => {
              const result = await shell.removeFramework(framework.id, framework.version);
              if (!result.ok) shell.notify('error', describeStorageFailure(t, result.error));
            }}
          />
        ) : (
          <p class="field-hint">{t('settings:frameworks.cannotRemove')}</p>
        ))}
    </li>
  );
}

function refusalMessage(t: TFunction, refusal: InstallRefusal, framework: Framework): string {
  const values = { id: framework.id, version: framework.version };
  if (refusal.kind === 'already-installed') return t('settings:frameworks.alreadyInstalled', values);
  return refusal.origin === 'builtin' ? t('settings:frameworks.versionTakenBuiltin', values) : t('settings:frameworks.versionTaken', values);
}

function installFailureMessage(t: TFunction, failure: InstallFailure, framework: Framework): string {
  if (failure.kind === 'already-installed' || failure.kind === 'version-taken') return refusalMessage(t, failure, framework);
  return describeStorageFailure(t, failure);
}
