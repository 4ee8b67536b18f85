/**
 * Notes belong to their author, so before the first note the device must know who is typing. The
 * shell may ask elsewhere too; here it is asked in place, so an assessor who opens an interview
 * straight from a link is not stuck.
 */
import { useState } from 'preact/hooks';
import { formatRoute } from '../../routing/route';
import { useTranslation } from '../../useTranslation';
import { useInterview } from './InterviewContext';

export function WhoAmI() {
  const { t } = useTranslation();
  const { model } = useInterview();
  const assessors = model.assessors.value;
  const [chosen, setChosen] = useState(assessors[0]?.id ?? '');
  const id = `who-am-i-${model.interviewId}`;
  if (assessors.length === 0) {
    return (
      <div class="who-am-i">
        <p>{t('interview:me.noTeam')}</p>
        <a href={formatRoute({ screen: 'setup', assessmentId: model.session.assessmentId })}>{t('interview:me.toSetup')}</a>
      </div>
    );
  }
  return (
    <form
      class="who-am-i"
      onSubmit={(event) => {
        event.preventDefault();
        const assessorId = chosen || assessors[0]?.id;
        if (assessorId) model.session.setMe(assessorId);
      }}
    >
      <p>{t('interview:me.explain')}</p>
      <div class="field field-inline">
        <label for={id}>{t('interview:me.label')}</label>
        <select id={id} value={chosen} onChange={(event) => setChosen(event.currentTarget.value)}>
          {assessors.map((assessor) => (
            <option key={assessor.id} value={assessor.id}>
              {assessor.name}
            </option>
          ))}
        </select>
        <button type="submit" class="iv-button iv-button-primary">
          {t('interview:me.confirm')}
        </button>
      </div>
    </form>
  );
}
