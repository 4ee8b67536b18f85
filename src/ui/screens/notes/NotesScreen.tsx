/**
 * Finding notes again: words, kind, tag, institution and interview, over the whole assessment or
 * one interview (opened from that interview with its filter set). The query lives in the URL
 * (`#/a/<id>/notes?q=…`), so Back returns to the same results and a result's link can be followed
 * and come back.
 *
 * Responsive while typing: the search is a pure function over pre-folded text (well under a
 * millisecond at 2,000 notes, see bench/noteSearch.bench.ts), results are rendered a page at a time,
 * and the URL is replaced (not pushed) per keystroke, quietly, without routing, so Back does not
 * step through every letter and a key re-renders the list, not the app; changing a filter pushes,
 * so Back undoes it.
 */
import { useComputed } from '@preact/signals';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EMPTY_NOTE_QUERY, formatNoteQuery, parseNoteQuery, type NoteQuery } from '../../../core/search/noteQuery';
import { createNoteSearcher } from '../../../core/search/searchNotes';
import { ScreenMessage } from '../../shared/ScreenMessage';
import type { AssessmentSession } from '../../session/assessmentSession';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { NoteFilters } from './NoteFilters';
import { NoteResults } from './NoteResults';
import './notes.css';

export function NotesScreen({ assessmentId, search }: { readonly assessmentId: string; readonly search: string }) {
  const { t } = useTranslation();
  const shell = useShell();
  const session = shell.session.value;
  if (!session || session.assessmentId !== assessmentId || session.data.value === null) {
    return (
      <ScreenMessage class="notes-screen" title={t('notes:title')} loading>
        {t('shell:assessment.loading')}
      </ScreenMessage>
    );
  }
  return <NotesSearch session={session} search={search} />;
}

function NotesSearch({ session, search }: { readonly session: AssessmentSession; readonly search: string }) {
  const { t } = useTranslation();
  const shell = useShell();
  const parsed = useMemo(() => parseNoteQuery(new URLSearchParams(search)), [search]);
  const [query, setQuery] = useState<NoteQuery>(parsed.query);
  // The URLs this screen wrote and has not seen come back yet, oldest first: each keystroke writes
  // one, and they arrive as routes a moment later (after the autosave flush), so one arriving late
  // must not put back an older query over what is being typed. A URL not in the queue came from
  // elsewhere (Back, a link): it replaces the query.
  const written = useRef<string[]>([]);
  useEffect(() => {
    const position = written.current.indexOf(search);
    if (position !== -1) {
      written.current.splice(0, position + 1);
      return;
    }
    written.current = [];
    setQuery(parsed.query);
  }, [search, parsed]);

  const change = (next: NoteQuery, how: 'typing' | 'filter') => {
    setQuery(next);
    const nextSearch = formatNoteQuery(next);
    const route = { screen: 'notes', assessmentId: session.assessmentId, search: nextSearch } as const;
    // A keystroke only writes the URL (quietly: no route, no re-render of the app, which cost 55 ms
    // a key at 2,000 notes); the list follows `query`. A filter change is routed and pushed.
    if (how === 'typing') {
      shell.navigate(route, { replace: true, quiet: true });
      return;
    }
    written.current.push(nextSearch);
    shell.navigate(route);
  };

  const searcher = useMemo(() => createNoteSearcher(), []);
  const data = session.data.value;
  const notes = useComputed(() => session.data.value?.observations ?? []).value;
  const found = useMemo(
    () => (data === null ? [] : searcher.search({ notes, interviews: data.interviews, interviewees: data.interviewees }, query)),
    [searcher, notes, data?.interviews, data?.interviewees, query],
  );
  if (data === null) return null;
  const interview = query.interviewId === null ? undefined : data.interviews.find((candidate) => candidate.id === query.interviewId);
  const institutionName = interview ? data.institutions.find((candidate) => candidate.id === interview.institutionId)?.name : undefined;

  return (
    <div class="notes-screen">
      <h2 id="notes-title">{institutionName ? t('notes:titleInInterview', { interview: institutionName }) : t('notes:title')}</h2>
      {parsed.problems.length > 0 && (
        <p class="notice notice-warning" role="alert">
          {t('notes:badParams', { params: parsed.problems.map((problem) => `${problem.param}=${problem.value}`).join(', ') })}
        </p>
      )}
      <NoteFilters data={data} index={session.index.value} query={query} onChange={change} onClear={() => change(EMPTY_NOTE_QUERY, 'filter')} />
      <NoteResults data={data} index={session.index.value} found={found} query={query} />
    </div>
  );
}
