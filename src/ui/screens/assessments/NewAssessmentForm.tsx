/**
 * Starting an assessment: title, country, dates, framework, and who is creating it. The creator is
 * added as the first assessor, with the lead role, and becomes "me" on this device; the app then
 * opens the new assessment's Setup, where the team and the institutions come next.
 */
import { useId, useRef, useState } from 'preact/hooks';
import { useAppState } from '../../AppStateContext';
import { frameworkKey } from '../../shell/installedFrameworks';
import { FormField } from '../../shell/fields/FormField';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { newAssessmentProblems, type NewAssessmentDraft, type NewAssessmentProblem, type NewAssessmentProblems } from './newAssessmentProblems';
import type { TFunction } from 'i18next';

const FIELD_ORDER = ['title', 'country', 'startDate', 'endDate', 'framework', 'leadName', 'leadEmail'] as const;

export function NewAssessmentForm() {
  const shell = useShell();
  const appState = useAppState();
  const { t, text } = useTranslation();
  const headingId = useId();
  const frameworkSelectId = useId();
  const frameworks = shell.frameworks.value;
  const blank = (): NewAssessmentDraft => ({
    title: '',
    country: '',
    startDate: '',
    endDate: '',
    framework: frameworks[0] ? frameworkKey(frameworks[0].framework.id, frameworks[0].framework.version) : '',
    leadName: appState.defaultName.peek(),
    leadEmail: '',
  });
  const [draft, setDraft] = useState<NewAssessmentDraft>(blank);
  // The built-in frameworks arrive a moment after the first render: until the user picks one, the
  // form offers the first installed framework.
  const installedKeys = new Set(frameworks.map((entry) => frameworkKey(entry.framework.id, entry.framework.version)));
  const firstKey = frameworks[0] ? frameworkKey(frameworks[0].framework.id, frameworks[0].framework.version) : '';
  const current: NewAssessmentDraft = installedKeys.has(draft.framework) ? draft : { ...draft, framework: firstKey };
  const [problems, setProblems] = useState<NewAssessmentProblems>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const set = (field: keyof NewAssessmentDraft) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    // A fixed field loses its message at once; the others keep theirs until the next submit.
    if (problems[field] !== undefined) setProblems((current) => ({ ...current, [field]: undefined }));
  };
  const message = (field: keyof NewAssessmentDraft) => {
    const problem = problems[field];
    return problem === undefined ? undefined : problemMessage(t, field, problem);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const found = newAssessmentProblems(current, installedKeys);
    setProblems(found);
    const firstInvalid = FIELD_ORDER.find((field) => found[field] !== undefined);
    if (firstInvalid !== undefined) {
      formRef.current?.querySelector<HTMLElement>(`[name="${firstInvalid}"]`)?.focus();
      return;
    }
    const framework = frameworks.find((entry) => frameworkKey(entry.framework.id, entry.framework.version) === current.framework);
    if (!framework) return;
    setBusy(true);
    try {
      const created = await shell.writer.create('assessment', {
        title: draft.title.trim(),
        country: draft.country.trim(),
        startDate: draft.startDate === '' ? null : draft.startDate,
        endDate: draft.endDate === '' ? null : draft.endDate,
        frameworkId: framework.framework.id,
        frameworkVersion: framework.framework.version,
        status: 'planning',
        notes: '',
      });
      // The writer already said why in a notice; the form keeps what was typed.
      if (!created.ok) return;
      const email = draft.leadEmail.trim();
      const lead = await shell.writer.create('assessor', {
        assessmentId: created.value.id,
        name: draft.leadName.trim(),
        role: 'lead',
        ...(email === '' ? {} : { email }),
      });
      if (lead.ok) shell.rememberMe(created.value.id, lead.value.id);
      if (appState.defaultName.peek() === '') appState.setDefaultName(draft.leadName);
      shell.notify('success', t('assessments:create.created', { title: created.value.title }));
      setDraft(blank());
      shell.navigate({ screen: 'setup', assessmentId: created.value.id });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel new-assessment" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('assessments:create.heading')}</h2>
      <form ref={formRef} noValidate onSubmit={(event) => void submit(event)}>
        <FormField name="title" label={t('assessments:create.title')} hint={t('assessments:create.titleHint')} value={draft.title} onInput={set('title')} error={message('title')} required />
        <FormField name="country" label={t('assessments:create.country')} value={draft.country} onInput={set('country')} error={message('country')} required autoComplete="country-name" />
        <div class="field-row">
          <FormField name="startDate" type="date" label={t('assessments:create.startDate')} value={draft.startDate} onInput={set('startDate')} error={message('startDate')} />
          <FormField name="endDate" type="date" label={t('assessments:create.endDate')} value={draft.endDate} onInput={set('endDate')} error={message('endDate')} />
        </div>
        <div class="field">
          <label for={frameworkSelectId}>{t('assessments:create.framework')}</label>
          <select
            id={frameworkSelectId}
            name="framework"
            value={current.framework}
            aria-invalid={problems.framework ? 'true' : undefined}
            onChange={(event) => set('framework')(event.currentTarget.value)}
          >
            {frameworks.map((entry) => {
              const key = frameworkKey(entry.framework.id, entry.framework.version);
              return (
                <option key={key} value={key}>
                  {entry.origin === 'builtin'
                    ? t('assessments:create.frameworkBuiltin', { name: text(entry.framework.name), version: entry.framework.version })
                    : t('assessments:create.frameworkImported', { name: text(entry.framework.name), version: entry.framework.version })}
                </option>
              );
            })}
          </select>
          {message('framework') !== undefined && <p class="field-error">{message('framework')}</p>}
        </div>
        <fieldset class="fieldset">
          <legend>{t('assessments:create.leadLegend')}</legend>
          <FormField name="leadName" label={t('assessments:create.leadName')} hint={t('assessments:create.leadHint')} value={draft.leadName} onInput={set('leadName')} error={message('leadName')} required autoComplete="name" />
          <FormField name="leadEmail" type="email" label={t('assessments:create.leadEmail')} value={draft.leadEmail} onInput={set('leadEmail')} error={message('leadEmail')} autoComplete="email" />
        </fieldset>
        <button type="submit" class="button button-primary" aria-disabled={busy ? 'true' : undefined}>
          {busy ? t('assessments:create.creating') : t('assessments:create.submit')}
        </button>
      </form>
    </section>
  );
}

function problemMessage(t: TFunction, field: keyof NewAssessmentDraft, problem: NewAssessmentProblem): string {
  switch (problem) {
    case 'empty':
      return field === 'title' ? t('assessments:problems.titleEmpty') : field === 'country' ? t('assessments:problems.countryEmpty') : t('assessments:problems.nameEmpty');
    case 'invalidDate':
      return t('assessments:problems.invalidDate');
    case 'endBeforeStart':
      return t('assessments:problems.endBeforeStart');
    case 'invalidEmail':
      return t('assessments:problems.invalidEmail');
    case 'unknownFramework':
      return t('assessments:problems.unknownFramework');
  }
}
