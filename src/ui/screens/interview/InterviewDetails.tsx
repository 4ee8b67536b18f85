/**
 * The interview's details, edited in place and autosaved: institution, date, start time, location,
 * interviewers, status, consent, and the people met. Collapsible, because during the conversation
 * the notes need the room; collapsed, one line still says where, when and what was consented to.
 */
import type { Consent, ConsentScope, Interview, InterviewStatus } from '../../../core/assessment/interviewSchema';
import type { RecordInputOf } from '../../../core/assessment/recordSchemas';
import { useTranslation } from '../../useTranslation';
import { audioAllowed, consentWarning, consentWhenToggled, consentWithScope } from './consentRules';
import { AutosavedInput } from './AutosavedInput';
import { IntervieweesEditor } from './IntervieweesEditor';
import { useInterview } from './InterviewContext';
import { useAutosavedField, type AutosavedField, type AutosavedFieldOptions } from './useAutosavedField';
import { formatIsoDate } from './formatIsoDate';

const STATUSES: readonly InterviewStatus[] = ['planned', 'done', 'cancelled'];
const SCOPES: readonly ConsentScope[] = ['notes', 'notes-and-audio', 'none'];

interface InterviewDetailsProps {
  readonly interview: Interview;
  readonly expanded: boolean;
  readonly onToggle: () => void;
}

export function InterviewDetails({ interview, expanded, onToggle }: InterviewDetailsProps) {
  const { t, format } = useTranslation();
  const { model } = useInterview();
  const institution = model.institution.value;
  const bodyId = `interview-details-${interview.id}`;
  const time = interview.startTime?.slice(0, 5);
  const summary = [
    institution?.name ?? t('interview:details.unknownInstitution'),
    time ? t('interview:details.dateAndTime', { date: formatIsoDate(interview.date, format.date), time }) : formatIsoDate(interview.date, format.date),
    interview.location ? interview.location : undefined,
    statusLabel(t, interview.status),
    consentSummary(t, interview.consent),
  ].filter((part): part is string => part !== undefined && part !== '');

  return (
    <section class="interview-details" aria-labelledby="interview-details-heading">
      <div class="interview-details-bar">
        <h3 id="interview-details-heading">{t('interview:details.heading')}</h3>
        <button type="button" class="iv-button" aria-expanded={expanded} aria-controls={bodyId} onClick={onToggle}>
          {expanded ? t('interview:details.hide') : t('interview:details.show')}
        </button>
      </div>
      {!expanded && <p class="interview-summary">{summary.join(' · ')}</p>}
      <div id={bodyId} class="interview-details-body" hidden={!expanded}>
        <div class="details-grid">
          <InstitutionField interview={interview} />
          <DateField interview={interview} />
          <StartTimeField interview={interview} />
          <LocationField interview={interview} />
          <StatusField interview={interview} />
        </div>
        <div class="details-grid details-grid-wide">
          <InterviewersField interview={interview} />
          <ConsentField interview={interview} />
        </div>
        <IntervieweesEditor interview={interview} />
      </div>
    </section>
  );
}

function statusLabel(t: ReturnType<typeof useTranslation>['t'], status: InterviewStatus): string {
  switch (status) {
    case 'planned':
      return t('interview:details.status.planned');
    case 'done':
      return t('interview:details.status.done');
    case 'cancelled':
      return t('interview:details.status.cancelled');
  }
}

function scopeLabel(t: ReturnType<typeof useTranslation>['t'], scope: ConsentScope): string {
  switch (scope) {
    case 'notes':
      return t('interview:consent.scope.notes');
    case 'notes-and-audio':
      return t('interview:consent.scope.notesAndAudio');
    case 'none':
      return t('interview:consent.scope.none');
  }
}

function consentSummary(t: ReturnType<typeof useTranslation>['t'], consent: Consent): string {
  return consent.given ? t('interview:consent.summaryGiven', { scope: scopeLabel(t, consent.scope) }) : t('interview:consent.summaryNotGiven');
}

type InterviewPatch = Partial<RecordInputOf<'interview'>>;

/** One field of the interview, autosaved on its own key (`interview:<id>:<field>`). */
function useInterviewField<V>(
  interview: Interview,
  field: keyof InterviewPatch,
  stored: V,
  patch: (value: V) => InterviewPatch,
  options: Pick<AutosavedFieldOptions<V>, 'validate' | 'immediate'> = {},
): AutosavedField<V> {
  const { model } = useInterview();
  return useAutosavedField({ key: `interview:${interview.id}:${field}`, stored, save: (value) => model.session.writer.update('interview', interview.id, patch(value)), ...options });
}

function InstitutionField({ interview }: { readonly interview: Interview }) {
  const { t } = useTranslation();
  const { model } = useInterview();
  const institutions = model.institutions.value;
  const field = useInterviewField(interview, 'institutionId', interview.institutionId, (institutionId: string) => ({ institutionId }), { immediate: true });
  const id = `interview-institution-${interview.id}`;
  const known = institutions.some((institution) => institution.id === field.value);
  return (
    <div class="field">
      <label for={id}>{t('interview:details.institution')}</label>
      <select id={id} value={field.value} onChange={(event) => field.onChange(event.currentTarget.value)} onFocus={field.onFocus} onBlur={field.onBlur}>
        {!known && <option value={field.value}>{t('interview:details.unknownInstitution')}</option>}
        {institutions.map((institution) => (
          <option key={institution.id} value={institution.id}>
            {institution.acronym ? `${institution.name} (${institution.acronym})` : institution.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function DateField({ interview }: { readonly interview: Interview }) {
  const { t } = useTranslation();
  const field = useInterviewField(interview, 'date', interview.date, (date: string) => ({ date }), {
    validate: (date) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? null : t('interview:details.dateRequired')),
  });
  return <AutosavedInput id={`interview-date-${interview.id}`} label={t('interview:details.date')} field={field} type="date" required />;
}

function StartTimeField({ interview }: { readonly interview: Interview }) {
  const { t } = useTranslation();
  const stored = interview.startTime?.slice(0, 5) ?? '';
  const field = useInterviewField(
    interview,
    'startTime',
    stored,
    // Emptied: the time is cleared (null; a change carries JSON, which has no undefined).
    (startTime: string) => ({ startTime: startTime === '' ? null : startTime }),
    { validate: (startTime) => (startTime === '' || /^\d{2}:\d{2}(:\d{2})?$/.test(startTime) ? null : t('interview:details.startTimeInvalid')) },
  );
  return <AutosavedInput id={`interview-start-${interview.id}`} label={t('interview:details.startTime')} field={field} type="time" />;
}

function LocationField({ interview }: { readonly interview: Interview }) {
  const { t } = useTranslation();
  const field = useInterviewField(interview, 'location', interview.location ?? '', (location: string) => ({ location: location.trim() === '' ? null : location }));
  return <AutosavedInput id={`interview-location-${interview.id}`} label={t('interview:details.location')} field={field} />;
}

function StatusField({ interview }: { readonly interview: Interview }) {
  const { t } = useTranslation();
  const field = useInterviewField(interview, 'status', interview.status, (status: InterviewStatus) => ({ status }), { immediate: true });
  const id = `interview-status-${interview.id}`;
  return (
    <div class="field">
      <label for={id}>{t('interview:details.statusLabel')}</label>
      <select
        id={id}
        value={field.value}
        onChange={(event) => {
          const status = STATUSES.find((candidate) => candidate === event.currentTarget.value);
          if (status) field.onChange(status);
        }}
        onFocus={field.onFocus}
        onBlur={field.onBlur}
      >
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {statusLabel(t, status)}
          </option>
        ))}
      </select>
    </div>
  );
}

function InterviewersField({ interview }: { readonly interview: Interview }) {
  const { t } = useTranslation();
  const { model } = useInterview();
  const assessors = model.assessors.value;
  const field = useInterviewField(interview, 'interviewerIds', interview.interviewerIds, (interviewerIds: readonly string[]) => ({ interviewerIds: [...interviewerIds] }), {
    immediate: true,
  });
  const toggle = (assessorId: string, checked: boolean) => {
    const chosen = new Set(field.value.filter((id) => id !== assessorId));
    if (checked) chosen.add(assessorId);
    // The team's order, so ids do not reshuffle as boxes are ticked; ids of people since removed
    // from the team stay (they did take part).
    const team = assessors.map((assessor) => assessor.id);
    field.onChange([...team.filter((id) => chosen.has(id)), ...[...chosen].filter((id) => !team.includes(id))]);
  };
  return (
    <fieldset class="field-group">
      <legend>{t('interview:details.interviewers')}</legend>
      {assessors.length === 0 ? (
        <p class="muted">{t('interview:details.noTeam')}</p>
      ) : (
        <ul class="checkbox-list">
          {assessors.map((assessor) => (
            <li key={assessor.id}>
              <label class="checkbox">
                <input
                  type="checkbox"
                  checked={field.value.includes(assessor.id)}
                  onChange={(event) => toggle(assessor.id, event.currentTarget.checked)}
                  onFocus={field.onFocus}
                  onBlur={field.onBlur}
                />
                <span>{assessor.name}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function ConsentField({ interview }: { readonly interview: Interview }) {
  const { t, format } = useTranslation();
  const field = useInterviewField(interview, 'consent', interview.consent, (consent: Consent) => ({ consent }), { immediate: true });
  const consent = field.value;
  const id = `interview-consent-${interview.id}`;
  const warning = consentWarning(consent);
  const recordedAt = consent.recordedAt ? new Date(consent.recordedAt) : undefined;
  return (
    <fieldset class="field-group consent">
      <legend>{t('interview:consent.heading')}</legend>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={consent.given}
          onChange={(event) => field.onChange(consentWhenToggled(consent, event.currentTarget.checked, new Date().toISOString()))}
          onFocus={field.onFocus}
          onBlur={field.onBlur}
        />
        <span>{t('interview:consent.given')}</span>
      </label>
      <div class="field">
        <label for={`${id}-scope`}>{t('interview:consent.scopeLabel')}</label>
        <select
          id={`${id}-scope`}
          value={consent.scope}
          onChange={(event) => {
            const scope = SCOPES.find((candidate) => candidate === event.currentTarget.value);
            if (scope) field.onChange(consentWithScope(consent, scope, new Date().toISOString()));
          }}
          onFocus={field.onFocus}
          onBlur={field.onBlur}
        >
          {SCOPES.map((scope) => (
            <option key={scope} value={scope}>
              {scopeLabel(t, scope)}
            </option>
          ))}
        </select>
      </div>
      <p class="muted consent-recorded">
        {consent.given && recordedAt && !Number.isNaN(recordedAt.getTime())
          ? t('interview:consent.recordedAt', { time: format.dateTime(recordedAt) })
          : t('interview:consent.notRecorded')}
      </p>
      {warning === 'given-without-scope' && <p class="field-warning">{t('interview:consent.warningNoScope')}</p>}
      {warning === 'scope-without-consent' && <p class="field-warning">{t('interview:consent.warningNotGiven')}</p>}
      {!audioAllowed(consent) && <p class="muted">{t('interview:consent.audioHint')}</p>}
    </fieldset>
  );
}
