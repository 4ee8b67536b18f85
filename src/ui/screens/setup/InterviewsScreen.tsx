/**
 * `#/a/:id/interviews`: the interview schedule. Scheduling an interview (institution, day, time,
 * place, who goes), the schedule by day with each interview's status and number of notes, editing
 * the details in place, and the way into the interview screen, where interviewees, consent and
 * notes are taken.
 */
import type { TFunction } from 'i18next';
import { memo } from 'preact/compat';
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import type { Assessor } from '../../../core/assessment/assessorSchema';
import type { Institution } from '../../../core/assessment/institutionSchema';
import { interviewStatusSchema, type Interview, type InterviewStatus } from '../../../core/assessment/interviewSchema';
import { formatRoute } from '../../routing/route';
import { isoDateOf, localDateOf } from '../../shell/dates';
import { AutosaveField } from '../../shell/fields/AutosaveField';
import { ConfirmButton } from '../../shell/fields/ConfirmButton';
import { FormField } from '../../shell/fields/FormField';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { defaultInterviewDate, groupInterviewsByDate, observationCounts, statusCounts } from './setupChecks';
import './setup.css';

export function InterviewsScreen({ assessmentId }: { readonly assessmentId: string }) {
  const shell = useShell();
  const { t, language, format } = useTranslation();
  const session = shell.session.value;
  const data = session?.data.value ?? null;
  const institutions = data?.institutions;
  const institutionById = useMemo(() => new Map((institutions ?? []).map((institution) => [institution.id, institution] as const)), [institutions]);
  const assessors = data?.assessors;
  const assessorById = useMemo(() => new Map((assessors ?? []).map((assessor) => [assessor.id, assessor] as const)), [assessors]);
  const observations = data?.observations;
  const noteCounts = useMemo(() => observationCounts(observations ?? []), [observations]);
  const interviews = data?.interviews;
  const days = useMemo(
    () => groupInterviewsByDate(interviews ?? [], (id) => institutionById.get(id)?.name ?? ''),
    [interviews, institutionById],
  );
  const dayFormat = useMemo(() => format.intl.dateTime({ date: 'full' }), [format]);

  if (session === null || data === null || session.assessmentId !== assessmentId) {
    return (
      <p class="screen-state" role="status">
        {t('setup:loading')}
      </p>
    );
  }
  const counts = statusCounts(data.interviews);
  const today = isoDateOf(new Date());

  return (
    <div class="interviews-screen">
      <div class="screen-heading">
        <h2>{t('setup:schedule.heading')}</h2>
        <p class="screen-intro">
          {data.interviews.length === 0
            ? t('setup:schedule.none')
            : t('setup:schedule.summary', {
                count: data.interviews.length,
                planned: format.number(counts.planned),
                done: format.number(counts.done),
                cancelled: format.number(counts.cancelled),
              })}
        </p>
      </div>
      <div class="interviews-layout two-columns">
        <div class="interviews-list">
          {days.map((day) => {
            const date = localDateOf(day.date);
            const headingId = `day-${day.date}`;
            return (
              <section key={day.date} class="interview-day" aria-labelledby={headingId}>
                <h3 id={headingId}>
                  {date ? dayFormat.format(date) : day.date}
                  {day.date === today && <span class="today-badge">{t('setup:schedule.today')}</span>}
                </h3>
                <ul class="interview-rows">
                  {day.interviews.map((interview) => (
                    <InterviewRow
                      key={interview.id}
                      interview={interview}
                      institution={institutionById.get(interview.institutionId)}
                      assessorById={assessorById}
                      institutions={data.institutions}
                      assessors={data.assessors}
                      noteCount={noteCounts.get(interview.id) ?? 0}
                    />
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
        <AddInterviewForm
          institutions={data.institutions}
          assessors={data.assessors}
          defaultDate={defaultInterviewDate(data.assessment.startDate, data.assessment.endDate, today)}
        />
      </div>
    </div>
  );
}

interface InterviewRowProps {
  readonly interview: Interview;
  readonly institution: Institution | undefined;
  readonly assessorById: ReadonlyMap<string, Assessor>;
  readonly institutions: readonly Institution[];
  readonly assessors: readonly Assessor[];
  readonly noteCount: number;
}

const InterviewRow = memo(function InterviewRow({ interview, institution, assessorById, institutions, assessors, noteCount }: InterviewRowProps) {
  const shell = useShell();
  const { t, format } = useTranslation();
  const statusId = useId();
  const institutionSelectId = useId();
  const writer = shell.writer;
  const id = interview.id;
  const name = institution ? (institution.acronym === '' ? institution.name : `${institution.name} (${institution.acronym})`) : t('setup:schedule.unknownInstitution');
  const interviewers = interview.interviewerIds
    .map((assessorId) => assessorById.get(assessorId)?.name)
    .filter((person): person is string => person !== undefined);
  const titleId = `interview-${id}`;
  const date = localDateOf(interview.date);

  return (
    <li class={`interview-row status-${interview.status}`} aria-labelledby={titleId}>
      <div class="interview-row-main">
        <p class="interview-time">{interview.startTime ? interview.startTime.slice(0, 5) : t('setup:schedule.noTime')}</p>
        <div class="interview-summary">
          <h4 id={titleId} class="interview-institution">
            {name}
          </h4>
          <p class="interview-meta">
            {interview.location && <span>{interview.location}</span>}
            <span>{interviewers.length > 0 ? t('setup:schedule.interviewers', { names: interviewers.join(', ') }) : t('setup:schedule.noInterviewers')}</span>
            <span>{t('setup:schedule.notes', { count: noteCount })}</span>
          </p>
        </div>
        <div class="interview-actions">
          <div class="field field-inline">
            <label for={statusId}>{t('setup:schedule.status')}</label>
            <select
              id={statusId}
              value={interview.status}
              onChange={(event) => {
                const parsed = interviewStatusSchema.safeParse(event.currentTarget.value);
                if (parsed.success) void writer.update('interview', id, { status: parsed.data });
              }}
            >
              {interviewStatusSchema.options.map((status) => (
                <option key={status} value={status}>
                  {interviewStatusName(t, status)}
                </option>
              ))}
            </select>
          </div>
          <a
            class="button button-primary"
            href={formatRoute({ screen: 'interview', assessmentId: interview.assessmentId, interviewId: id })}
            aria-label={t('setup:schedule.openLabel', { institution: name, date: date ? format.date(date) : interview.date })}
          >
            {t('setup:schedule.open')}
          </a>
        </div>
      </div>
      <details class="interview-edit">
        <summary>{t('setup:schedule.edit')}</summary>
        <div class="interview-edit-fields">
          <div class="field">
            <label for={institutionSelectId}>{t('setup:schedule.institution')}</label>
            <select
              id={institutionSelectId}
              value={interview.institutionId}
              onChange={(event) => void writer.update('interview', id, { institutionId: event.currentTarget.value })}
            >
              {institution === undefined && <option value={interview.institutionId}>{t('setup:schedule.unknownInstitution')}</option>}
              {institutions.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
          </div>
          <AutosaveField
            type="date"
            label={t('setup:schedule.date')}
            value={interview.date}
            saveKey={`interview:${id}:date`}
            validate={(value) => (localDateOf(value) === undefined ? t('setup:schedule.dateRequired') : undefined)}
            save={(value) => writer.update('interview', id, { date: value })}
            required
          />
          <AutosaveField
            type="time"
            label={t('setup:schedule.time')}
            value={interview.startTime?.slice(0, 5) ?? ''}
            saveKey={`interview:${id}:startTime`}
            save={(value) => writer.update('interview', id, { startTime: value === '' ? null : value })}
          />
          <AutosaveField
            label={t('setup:schedule.location')}
            value={interview.location ?? ''}
            saveKey={`interview:${id}:location`}
            save={(value) => writer.update('interview', id, { location: value.trim() === '' ? null : value.trim() })}
          />
          <InterviewerChoice
            legend={t('setup:schedule.interviewersLegend')}
            assessors={assessors}
            chosen={interview.interviewerIds}
            onChange={(next) => void writer.update('interview', id, { interviewerIds: next })}
          />
        </div>
        <ConfirmButton
          label={t('setup:schedule.delete')}
          accessibleLabel={t('setup:schedule.deleteLabel', { institution: name })}
          question={
            noteCount > 0
              ? t('setup:schedule.deleteQuestionWithNotes', { institution: name, count: noteCount })
              : t('setup:schedule.deleteQuestion', { institution: name })
          }
          confirmLabel={t('setup:schedule.deleteConfirm')}
          onConfirm={async () => {
            const result = await writer.remove('interview', id);
            if (result.ok) shell.notify('success', t('setup:schedule.deleted', { institution: name }));
          }}
        />
      </details>
    </li>
  );
});

function InterviewerChoice({
  legend,
  assessors,
  chosen,
  onChange,
}: {
  readonly legend: string;
  readonly assessors: readonly Assessor[];
  readonly chosen: readonly string[];
  readonly onChange: (next: string[]) => void;
}) {
  const { t } = useTranslation();
  const set = new Set(chosen);
  return (
    <fieldset class="fieldset checkbox-group">
      <legend>{legend}</legend>
      {assessors.length === 0 ? (
        <p class="muted">{t('setup:schedule.noTeam')}</p>
      ) : (
        assessors.map((assessor) => (
          <label key={assessor.id} class="checkbox">
            <input
              type="checkbox"
              checked={set.has(assessor.id)}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                // Team order, so two devices ticking the same people store the same list.
                onChange(assessors.filter((person) => (person.id === assessor.id ? on : set.has(person.id))).map((person) => person.id));
              }}
            />
            {assessor.name}
          </label>
        ))
      )}
    </fieldset>
  );
}

function AddInterviewForm({
  institutions,
  assessors,
  defaultDate,
}: {
  readonly institutions: readonly Institution[];
  readonly assessors: readonly Assessor[];
  readonly defaultDate: string;
}) {
  const shell = useShell();
  const { t } = useTranslation();
  const institutionId = useId();
  const session = shell.session.value;
  const meId = session?.me.value?.id;
  const [institution, setInstitution] = useState('');
  const [date, setDate] = useState(defaultDate);
  const [time, setTime] = useState('');
  const [location, setLocation] = useState('');
  const [interviewers, setInterviewers] = useState<readonly string[] | null>(null);
  const [problems, setProblems] = useState<{ institution?: string; date?: string }>({});
  const institutionRef = useRef<HTMLSelectElement>(null);
  // Until someone ticks a box, the interviewers default to "me".
  const chosen = interviewers ?? (meId ? [meId] : []);

  if (session === null) return null;
  if (institutions.length === 0) {
    return (
      <section class="panel add-interview" aria-labelledby="add-interview-heading">
        <h3 id="add-interview-heading">{t('setup:schedule.addHeading')}</h3>
        <p>{t('setup:schedule.needInstitutions')}</p>
        <p>
          <a class="button" href={formatRoute({ screen: 'setup', assessmentId: session.assessmentId })}>
            {t('setup:schedule.toSetup')}
          </a>
        </p>
      </section>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: { institution?: string; date?: string } = {};
    if (!institutions.some((option) => option.id === institution)) found.institution = t('setup:schedule.institutionRequired');
    if (localDateOf(date) === undefined) found.date = t('setup:schedule.dateRequired');
    setProblems(found);
    if (found.institution !== undefined) {
      institutionRef.current?.focus();
      return;
    }
    if (found.date !== undefined) return;
    // The form is cleared at once, so the next interview can be entered while this one is
    // written; if the write fails, what was entered comes back (the notice says why).
    const submitted = { institution, time, location };
    setInstitution('');
    setTime('');
    setLocation('');
    institutionRef.current?.focus();
    const result = await session.writer.create('interview', {
      assessmentId: session.assessmentId,
      institutionId: submitted.institution,
      date,
      ...(submitted.time === '' ? {} : { startTime: submitted.time }),
      ...(submitted.location.trim() === '' ? {} : { location: submitted.location.trim() }),
      interviewerIds: [...chosen],
      status: 'planned',
      consent: { given: false, scope: 'none' },
      notes: '',
    });
    if (!result.ok) {
      setInstitution((current) => (current === '' ? submitted.institution : current));
      setTime((current) => (current === '' ? submitted.time : current));
      setLocation((current) => (current === '' ? submitted.location : current));
      return;
    }
    const name = institutions.find((option) => option.id === submitted.institution)?.name ?? '';
    shell.notify('success', t('setup:schedule.added', { institution: name }));
  };

  return (
    <section class="panel add-interview" aria-labelledby="add-interview-heading">
      <h3 id="add-interview-heading">{t('setup:schedule.addHeading')}</h3>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <div class="field">
          <label for={institutionId}>
            {t('setup:schedule.institution')}
            <span class="required-mark" aria-hidden="true">
              {' '}
              *
            </span>
          </label>
          <select
            id={institutionId}
            ref={institutionRef}
            value={institution}
            required
            aria-invalid={problems.institution ? 'true' : undefined}
            aria-describedby={problems.institution ? `${institutionId}-error` : undefined}
            onChange={(event) => {
              setInstitution(event.currentTarget.value);
              setProblems((current) => ({ ...current, institution: undefined }));
            }}
          >
            <option value="">{t('setup:schedule.chooseInstitution')}</option>
            {institutions.map((option) => (
              <option key={option.id} value={option.id}>
                {option.acronym === '' ? option.name : `${option.name} (${option.acronym})`}
              </option>
            ))}
          </select>
          {problems.institution && (
            <p id={`${institutionId}-error`} class="field-error">
              {problems.institution}
            </p>
          )}
        </div>
        <div class="field-row">
          <FormField type="date" label={t('setup:schedule.date')} value={date} onInput={setDate} error={problems.date} required />
          <FormField type="time" label={t('setup:schedule.time')} value={time} onInput={setTime} />
        </div>
        <FormField label={t('setup:schedule.location')} hint={t('setup:schedule.locationHint')} value={location} onInput={setLocation} />
        <InterviewerChoice legend={t('setup:schedule.interviewersLegend')} assessors={assessors} chosen={chosen} onChange={setInterviewers} />
        <button type="submit" class="button button-primary">
          {t('setup:schedule.add')}
        </button>
      </form>
    </section>
  );
}

export function interviewStatusName(t: TFunction, status: InterviewStatus): string {
  switch (status) {
    case 'planned':
      return t('setup:interviewStatus.planned');
    case 'done':
      return t('setup:interviewStatus.done');
    case 'cancelled':
      return t('setup:interviewStatus.cancelled');
  }
}
