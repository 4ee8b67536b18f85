/**
 * The composer's trip to the tag field and back: opened by "#" at the start of a word or by the
 * shortcut, it returns the cursor to where it was in the note after a pick or Escape; "#" then
 * Escape puts the "#" (and what was typed after it) into the note after all.
 */
import { useRef, type MutableRef } from 'preact/hooks';
import { useTranslation } from '../../useTranslation';
import { useInterview } from './InterviewContext';
import type { TagCandidate } from './matchTags';
import type { TagRef } from './TagChips';
import type { TagPickerExit } from './TagPicker';

/** Where the tag field was opened from, so focus goes back there after a pick. */
type TagOrigin = { readonly from: 'hash' | 'shortcut'; readonly caret: number } | null;

interface TagRoundTripOptions {
  readonly textRef: MutableRef<HTMLTextAreaElement | null>;
  readonly focusText: (caret?: number) => void;
  readonly onTextChanged: () => void;
  readonly onPicked: (tag: TagRef) => void;
}

export function useTagRoundTrip({ textRef, focusText, onTextChanged, onPicked }: TagRoundTripOptions) {
  const { t } = useTranslation();
  const { announce } = useInterview();
  const inputRef = useRef<HTMLInputElement>(null);
  const origin = useRef<TagOrigin>(null);

  const openTags = (from: 'hash' | 'shortcut') => {
    const area = textRef.current;
    origin.current = { from, caret: area?.selectionStart ?? area?.value.length ?? 0 };
    inputRef.current?.focus();
  };
  const onPickedCandidate = (candidate: TagCandidate) => {
    onPicked({ subTopicId: candidate.subTopicId, indicatorId: candidate.indicatorId });
    const from = origin.current;
    origin.current = null;
    announce(t('interview:tags.added', { code: candidate.code }));
    if (from) focusText(from.caret);
  };
  const onExit = (reason: TagPickerExit, query: string): boolean => {
    const from = origin.current;
    origin.current = null;
    if (!from) {
      if (reason !== 'escape') return false;
      focusText();
      return true;
    }
    const area = textRef.current;
    if (area && from.from === 'hash' && reason === 'escape') {
      const literal = `#${query}`;
      area.setRangeText(literal, from.caret, from.caret, 'end');
      onTextChanged();
      focusText(from.caret + literal.length);
      return true;
    }
    focusText(from.caret);
    return true;
  };
  return { inputRef, openTags, onPicked: onPickedCandidate, onExit };
}
