/**
 * The tag field: an ARIA 1.2 combobox (an input with role=combobox, a listbox popup, the active
 * option named by aria-activedescendant while focus stays in the input) over the framework's
 * sub-topics and indicators. The first match is active as soon as there is one, so "acc dat" Enter
 * tags "6.5.3 Access to data" without touching the arrows.
 *
 * The note field hands over to it when "#" is typed at the start of a word or on Alt+T, and takes
 * the focus back after a pick; Escape (or Backspace in the empty field) returns to the note, and
 * Escape after "#" puts what was typed back into the note as text, so "#1 priority" stays possible.
 */
import type { Ref } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { FrameworkText } from '../../shared/FrameworkText';
import { useTranslation } from '../../useTranslation';
import { useInterview } from './InterviewContext';
import { matchTags, type TagCandidate, type TagMatch } from './matchTags';

const NO_MATCHES: readonly TagMatch[] = [];

export type TagPickerExit = 'escape' | 'backspace';

interface TagPickerProps {
  /** Base of the element ids (unique on the page). */
  readonly id: string;
  readonly label: string;
  readonly inputRef: Ref<HTMLInputElement>;
  /** Ids (sub-topic or indicator) already tagged: not offered again. */
  readonly taggedIds: ReadonlySet<string>;
  readonly onPick: (candidate: TagCandidate) => void;
  /** Asked to hand focus back; returns true when it did (the picker then resets). */
  readonly onExit?: (reason: TagPickerExit, query: string) => boolean;
  readonly shortcut?: string;
}

export function TagPicker({ id, label, inputRef, taggedIds, onPick, onExit, shortcut }: TagPickerProps) {
  const { t, language } = useTranslation();
  const { model } = useInterview();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Matched only while the list is open: a closed field (the composer on every opening of the
  // screen) neither builds the framework's tag candidates nor matches them.
  const candidates = open ? model.tagCandidates.value : undefined;
  const preferredIds = open ? model.recentTagIds.value : undefined;
  const emptyQueryIds = open ? model.suggestedTagIds.value : undefined;

  const matches = useMemo(
    () =>
      candidates === undefined
        ? NO_MATCHES
        : matchTags(candidates, query, { language, limit: 8 + taggedIds.size, preferredIds: preferredIds ?? [], emptyQueryIds: emptyQueryIds ?? [] })
            .filter((match) => !taggedIds.has(match.candidate.id))
            .slice(0, 8),
    [candidates, query, language, preferredIds, emptyQueryIds, taggedIds],
  );
  const expanded = open && matches.length > 0;
  const activeIndex = Math.min(active, matches.length - 1);
  const listId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const reset = () => {
    setQuery('');
    setActive(0);
    setOpen(false);
  };

  const pick = (candidate: TagCandidate) => {
    reset();
    onPick(candidate);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive(matches.length === 0 ? 0 : (activeIndex + 1) % matches.length);
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive(matches.length === 0 ? 0 : (activeIndex - 1 + matches.length) % matches.length);
        return;
      case 'Enter': {
        if (event.altKey || event.shiftKey) return;
        event.preventDefault();
        const match = expanded ? matches[activeIndex] : undefined;
        if (match) pick(match.candidate);
        return;
      }
      case 'Escape':
        event.preventDefault();
        // The parent's Escape (the whole screen's) must not also act on this one.
        event.stopPropagation();
        if (onExit?.('escape', query)) reset();
        else if (expanded) setOpen(false);
        else reset();
        return;
      case 'Backspace':
        if (query === '' && onExit?.('backspace', query)) {
          event.preventDefault();
          reset();
        }
        return;
      default:
        return;
    }
  };

  return (
    <div class="tag-picker">
      <label for={`${id}-input`} class="tag-picker-label">
        {label}
      </label>
      <div class="tag-picker-field">
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          autoCapitalize="off"
          spellcheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded ? optionId(activeIndex) : undefined}
          aria-describedby={`${id}-hint`}
          aria-keyshortcuts={shortcut}
          placeholder={t('interview:tags.placeholder')}
          value={query}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" class="tag-options" aria-label={label} hidden={!expanded}>
          {expanded &&
            matches.map((match, index) => (
              <li
                key={match.candidate.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === activeIndex}
                class={index === activeIndex ? 'tag-option is-active' : 'tag-option'}
                // Keep the focus in the input: a click must not blur it first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(match.candidate)}
              >
                <span class="tag-option-code">{match.candidate.code}</span>
                <span class="tag-option-name">
                  <FrameworkText value={match.candidate.label} />
                  {match.alias !== undefined && <span class="tag-option-detail"> {t('interview:tags.alias', { alias: match.alias })}</span>}
                  {match.candidate.kind === 'indicator' && <span class="tag-option-detail"> {t('interview:tags.indicatorOf', { code: subTopicCode(model, match.candidate) })}</span>}
                </span>
              </li>
            ))}
        </ul>
      </div>
      <p id={`${id}-hint`} class="visually-hidden">
        {t('interview:tags.hint')}
      </p>
      {open && query.trim() !== '' && matches.length === 0 && (
        <p class="tag-picker-empty" role="status">
          {t('interview:tags.noMatch', { query: query.trim() })}
        </p>
      )}
    </div>
  );
}

function subTopicCode(model: ReturnType<typeof useInterview>['model'], candidate: TagCandidate): string {
  return model.index.value?.subTopicById.get(candidate.subTopicId)?.code ?? '';
}
