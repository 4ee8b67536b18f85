/**
 * Stakeholder institutions: name, acronym and kind, editable in place, and which pillars each is
 * relevant to, as a compact grid like the report's Table 1 (institutions down, pillars across), with
 * the number of institutions per pillar underneath so a pillar nobody will speak to stands out.
 */
import { memo } from 'preact/compat';
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import type { Pillar } from '../../../core/framework/frameworkSchema';
import type { Institution } from '../../../core/assessment/institutionSchema';
import type { Interview } from '../../../core/assessment/interviewSchema';
import { FrameworkText } from '../../shared/FrameworkText';
import { AutosaveField } from '../../shell/fields/AutosaveField';
import { ConfirmButton } from '../../shell/fields/ConfirmButton';
import { FormField } from '../../shell/fields/FormField';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { institutionsPerPillar, togglePillar } from './setupChecks';

export function InstitutionsSection({ institutions, interviews }: { readonly institutions: readonly Institution[]; readonly interviews: readonly Interview[] }) {
  const shell = useShell();
  const { t } = useTranslation();
  const pillars = shell.session.value?.index.value?.framework.pillars;
  const interviewCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const interview of interviews) counts.set(interview.institutionId, (counts.get(interview.institutionId) ?? 0) + 1);
    return counts;
  }, [interviews]);

  return (
    <section class="panel" aria-labelledby="setup-institutions-heading">
      <h3 id="setup-institutions-heading">{t('setup:institutions.heading')}</h3>
      <p class="section-intro">{t('setup:institutions.intro')}</p>
      {institutions.length === 0 ? (
        <p class="muted">{t('setup:institutions.empty')}</p>
      ) : (
        <table class="edit-table institutions-table">
          <caption class="visually-hidden">{t('setup:institutions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('setup:institutions.name')}</th>
              <th scope="col">{t('setup:institutions.acronym')}</th>
              <th scope="col">{t('setup:institutions.kind')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('setup:institutions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {institutions.map((institution) => (
              <InstitutionRow key={institution.id} institution={institution} interviewCount={interviewCounts.get(institution.id) ?? 0} />
            ))}
          </tbody>
        </table>
      )}
      <AddInstitutionForm />
      {institutions.length > 0 &&
        (pillars ? <PillarMatrix institutions={institutions} pillars={pillars} /> : <p class="banner banner-warning">{t('setup:institutions.noFramework')}</p>)}
    </section>
  );
}

const InstitutionRow = memo(function InstitutionRow({ institution, interviewCount }: { readonly institution: Institution; readonly interviewCount: number }) {
  const shell = useShell();
  const { t } = useTranslation();
  const writer = shell.writer;
  const id = institution.id;
  const label = institution.acronym === '' ? institution.name : institution.acronym;
  return (
    <tr>
      <td>
        <AutosaveField
          hideLabel
          label={t('setup:institutions.nameOf', { name: label })}
          value={institution.name}
          saveKey={`institution:${id}:name`}
          validate={(value) => (value.trim() === '' ? t('setup:institutions.nameEmpty') : undefined)}
          save={(value) => writer.update('institution', id, { name: value.trim() })}
          autoComplete="off"
        />
      </td>
      <td>
        <AutosaveField
          hideLabel
          class="field-narrow"
          label={t('setup:institutions.acronymOf', { name: institution.name })}
          value={institution.acronym}
          saveKey={`institution:${id}:acronym`}
          save={(value) => writer.update('institution', id, { acronym: value.trim() })}
          autoComplete="off"
        />
      </td>
      <td>
        <AutosaveField
          hideLabel
          label={t('setup:institutions.kindOf', { name: institution.name })}
          value={institution.kind}
          saveKey={`institution:${id}:kind`}
          save={(value) => writer.update('institution', id, { kind: value.trim() })}
          autoComplete="off"
        />
      </td>
      <td class="actions-cell">
        <ConfirmButton
          label={t('setup:institutions.remove')}
          accessibleLabel={t('setup:institutions.removeLabel', { name: institution.name })}
          question={
            interviewCount > 0
              ? t('setup:institutions.removeQuestionWithInterviews', { name: institution.name, count: interviewCount })
              : t('setup:institutions.removeQuestion', { name: institution.name })
          }
          confirmLabel={t('setup:institutions.removeConfirm')}
          onConfirm={async () => {
            const result = await writer.remove('institution', id);
            if (result.ok) shell.notify('success', t('setup:institutions.removed', { name: institution.name }));
          }}
        />
      </td>
    </tr>
  );
});

function AddInstitutionForm() {
  const shell = useShell();
  const { t } = useTranslation();
  const kindsId = useId();
  const [name, setName] = useState('');
  const [acronym, setAcronym] = useState('');
  const [kind, setKind] = useState('');
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const nameRef = useRef<HTMLInputElement>(null);
  const session = shell.session.value;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (session === null) return;
    if (name.trim() === '') {
      setNameError(t('setup:institutions.nameEmpty'));
      nameRef.current?.focus();
      return;
    }
    // Cleared at once so the next institution can be typed while this one is written; restored
    // if the write fails (the notice says why).
    const submitted = { name: name.trim(), acronym: acronym.trim(), kind: kind.trim() };
    setName('');
    setAcronym('');
    setKind('');
    nameRef.current?.focus();
    const result = await session.writer.create('institution', {
      assessmentId: session.assessmentId,
      name: submitted.name,
      acronym: submitted.acronym,
      kind: submitted.kind,
      relevantPillarIds: [],
    });
    if (!result.ok) {
      setName((current) => (current === '' ? submitted.name : current));
      setAcronym((current) => (current === '' ? submitted.acronym : current));
      setKind((current) => (current === '' ? submitted.kind : current));
      return;
    }
    shell.notify('success', t('setup:institutions.added', { name: result.value.name }));
  };

  return (
    <form class="add-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="setup-add-institution">
      <h4 id="setup-add-institution">{t('setup:institutions.addHeading')}</h4>
      <div class="add-form-fields">
        <FormField inputRef={nameRef} label={t('setup:institutions.name')} value={name} onInput={(value) => (setName(value), setNameError(undefined))} error={nameError} required autoComplete="off" />
        <FormField label={t('setup:institutions.acronym')} value={acronym} onInput={setAcronym} autoComplete="off" />
        <FormField label={t('setup:institutions.kind')} value={kind} onInput={setKind} list={kindsId} autoComplete="off" />
        <datalist id={kindsId}>
          <option value={t('setup:kinds.ministry')} />
          <option value={t('setup:kinds.agency')} />
          <option value={t('setup:kinds.service')} />
          <option value={t('setup:kinds.police')} />
          <option value={t('setup:kinds.statistics')} />
          <option value={t('setup:kinds.centralBank')} />
          <option value={t('setup:kinds.parliament')} />
          <option value={t('setup:kinds.international')} />
        </datalist>
        <button type="submit" class="button button-primary">
          {t('setup:institutions.add')}
        </button>
      </div>
      <p class="field-hint">{t('setup:institutions.addHint')}</p>
    </form>
  );
}

/** The Table 1 grid: one checkbox per institution and pillar, each saved at once. */
function PillarMatrix({ institutions, pillars }: { readonly institutions: readonly Institution[]; readonly pillars: readonly Pillar[] }) {
  const { t, format } = useTranslation();
  const counts = useMemo(() => institutionsPerPillar(institutions), [institutions]);
  const order = useMemo(() => pillars.map((pillar) => pillar.id), [pillars]);
  return (
    <div class="pillar-matrix-block">
      <h4 id="setup-matrix-heading">{t('setup:matrix.heading')}</h4>
      <p class="section-intro">{t('setup:matrix.intro')}</p>
      <div class="pillar-matrix-scroll">
        <table class="pillar-matrix" aria-labelledby="setup-matrix-heading">
          <thead>
            <tr>
              <th scope="col" class="matrix-institution">
                {t('setup:matrix.institution')}
              </th>
              {pillars.map((pillar) => (
                <th key={pillar.id} scope="col" class="matrix-pillar">
                  <span aria-hidden="true">{pillar.code}</span>
                  <span class="visually-hidden">
                    {pillar.code} <FrameworkText value={pillar.name} />
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {institutions.map((institution) => (
              <MatrixRow key={institution.id} institution={institution} pillars={pillars} order={order} />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('setup:matrix.count')}</th>
              {pillars.map((pillar) => {
                const count = counts.get(pillar.id) ?? 0;
                return (
                  <td key={pillar.id} class={count === 0 ? 'matrix-count is-empty' : 'matrix-count'}>
                    {format.number(count)}
                  </td>
                );
              })}
            </tr>
          </tfoot>
        </table>
      </div>
      <ol class="pillar-legend" aria-label={t('setup:matrix.legend')}>
        {pillars.map((pillar) => (
          <li key={pillar.id}>
            <span class="pillar-legend-code">{pillar.code}</span> <FrameworkText value={pillar.name} />
          </li>
        ))}
      </ol>
    </div>
  );
}

const MatrixRow = memo(function MatrixRow({ institution, pillars, order }: { readonly institution: Institution; readonly pillars: readonly Pillar[]; readonly order: readonly string[] }) {
  const shell = useShell();
  const { t, text } = useTranslation();
  const ticked = new Set(institution.relevantPillarIds);
  const label = institution.acronym === '' ? institution.name : institution.acronym;
  return (
    <tr>
      <th scope="row" class="matrix-institution">
        <span title={institution.name}>{label}</span>
      </th>
      {pillars.map((pillar) => (
        <td key={pillar.id} class="matrix-cell">
          <label class="matrix-check">
            <input
              type="checkbox"
              checked={ticked.has(pillar.id)}
              aria-label={t('setup:matrix.checkLabel', { institution: institution.name, code: pillar.code, pillar: text(pillar.name) })}
              onChange={(event) => {
                const box = event.currentTarget;
                const next = togglePillar(institution.relevantPillarIds, pillar.id, box.checked, order);
                void shell.writer.update('institution', institution.id, { relevantPillarIds: next }).then((result) => {
                  // Not stored (the notice says why): show the stored state again, not the click.
                  if (!result.ok) box.checked = ticked.has(pillar.id);
                });
              }}
            />
          </label>
        </td>
      ))}
    </tr>
  );
});
