/**
 * What a note search asks, and how it travels in a URL (`#/a/<id>/notes?q=…&kind=quote`), so the
 * browser's Back returns to the same results. Parsing is total: an unknown kind or a malformed id is
 * dropped with a problem the screen shows, never an exception, and the rest of the query still runs.
 */
import { z } from 'zod';
import { observationKindSchema, type ObservationKind } from '../assessment/observationSchema';
import { frameworkIdSchema } from '../framework/frameworkSchema';
import { uuidSchema } from '../ids/uuidSchema';

export interface NoteQuery {
  /** Free text; every word must occur in the note's text, source or speaker. */
  readonly text: string;
  /** Empty: every kind. */
  readonly kinds: readonly ObservationKind[];
  /** A sub-topic or indicator id; a sub-topic also finds notes tagged to one of its indicators. */
  readonly tagId: string | null;
  readonly institutionId: string | null;
  /** Within one interview; null: across the assessment. */
  readonly interviewId: string | null;
}

export const EMPTY_NOTE_QUERY: NoteQuery = { text: '', kinds: [], tagId: null, institutionId: null, interviewId: null };

/** A query string parameter that was not understood (its name and the value given). */
export interface NoteQueryProblem {
  readonly param: 'kind' | 'tag' | 'institution' | 'interview';
  readonly value: string;
}

const MAX_TEXT = 500;

/** Reads the query from URL search parameters (already decoded). */
export function parseNoteQuery(params: URLSearchParams): { readonly query: NoteQuery; readonly problems: readonly NoteQueryProblem[] } {
  const problems: NoteQueryProblem[] = [];
  const kinds: ObservationKind[] = [];
  for (const value of params.getAll('kind').flatMap((item) => item.split(','))) {
    const parsed = observationKindSchema.safeParse(value);
    if (parsed.success) {
      if (!kinds.includes(parsed.data)) kinds.push(parsed.data);
    } else problems.push({ param: 'kind', value });
  }
  const id = (param: NoteQueryProblem['param'], schema: z.ZodType<string>): string | null => {
    const value = params.get(param);
    if (value === null || value === '') return null;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push({ param, value });
    return null;
  };
  const query: NoteQuery = {
    text: (params.get('q') ?? '').slice(0, MAX_TEXT),
    kinds,
    tagId: id('tag', frameworkIdSchema),
    institutionId: id('institution', uuidSchema),
    interviewId: id('interview', uuidSchema),
  };
  return { query, problems };
}

/** The URL search string of a query ("" when empty), parameters in a fixed order. */
export function formatNoteQuery(query: NoteQuery): string {
  const params = new URLSearchParams();
  if (query.text.trim() !== '') params.set('q', query.text);
  if (query.kinds.length > 0) params.set('kind', query.kinds.join(','));
  if (query.tagId !== null) params.set('tag', query.tagId);
  if (query.institutionId !== null) params.set('institution', query.institutionId);
  if (query.interviewId !== null) params.set('interview', query.interviewId);
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}
