/**
 * "Who said it": one of the interview's interviewees, for a quote or a note (the composer and the
 * note editor). Not shown until the interview has someone listed.
 */
import { useTranslation } from '../../useTranslation';
import { ChoiceSelect } from './ChoiceSelect';
import { useInterview } from './InterviewContext';

interface SpeakerSelectProps {
  readonly id: string;
  readonly value: string | null | undefined;
  readonly onChange: (intervieweeId: string | null) => void;
}

export function SpeakerSelect({ id, value, onChange }: SpeakerSelectProps) {
  const { t } = useTranslation();
  const { model } = useInterview();
  const people = model.interviewees.value;
  if (people.length === 0 && (value ?? null) === null) return null;
  const options = [{ value: '', text: t('notes:speakerNone') }, ...people.map((person) => ({ value: person.id, text: person.role ? `${person.name} (${person.role})` : person.name }))];
  return <ChoiceSelect id={id} label={t('notes:speaker')} value={value ?? ''} options={options} onChange={(next) => onChange(next === '' ? null : next)} />;
}
