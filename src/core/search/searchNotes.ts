/**
 * Finding notes again: by words, kind, framework tag, institution and interview, over every note of
 * the assessment (thousands of them), as fast as the assessor types.
 *
 * Each note's searchable text (its text, source and who said it) is folded once and kept per note
 * object in a WeakMap: the session hands unchanged notes over as the same objects (structural
 * sharing), so after one note changes only that note is folded again, and a keystroke costs one
 * pass of `includes` over pre-folded strings, with the cheap equality filters checked first.
 */
import type { Interview } from '../assessment/interviewSchema';
import type { Interviewee } from '../assessment/intervieweeSchema';
import type { Observation } from '../assessment/observationSchema';
import { foldSearchText, searchTerms } from './foldSearchText';
import type { NoteQuery } from './noteQuery';

export interface NoteSearchSources {
  readonly notes: readonly Observation[];
  readonly interviews: readonly Interview[];
  readonly interviewees: readonly Interviewee[];
}

export interface NoteSearcher {
  /** The live notes matching `query`, in the order given (the caller's order: oldest first). */
  search(sources: NoteSearchSources, query: NoteQuery): Observation[];
}

/** A searcher whose per-note folding survives between calls (one per screen or session). */
export function createNoteSearcher(): NoteSearcher {
  const folded = new WeakMap<Observation, { readonly text: string; readonly speaker: string | null }>();
  const foldedOf = (note: Observation, speakerName: string | null): string => {
    const cached = folded.get(note);
    // The speaker's name can change without the note changing: refold then (rare).
    if (cached !== undefined && cached.speaker === speakerName) return cached.text;
    const text = foldSearchText([note.text, note.source ?? '', speakerName ?? ''].join('\n'));
    folded.set(note, { text, speaker: speakerName });
    return text;
  };

  return {
    search({ notes, interviews, interviewees }, query) {
      const terms = searchTerms(query.text);
      const kinds = query.kinds.length > 0 ? new Set(query.kinds) : null;
      const interviewsOfInstitution =
        query.institutionId === null ? null : new Set(interviews.filter((interview) => interview.institutionId === query.institutionId).map((interview) => interview.id));
      const speakerName = new Map(interviewees.map((person) => [person.id, person.name] as const));
      const out: Observation[] = [];
      for (const note of notes) {
        if (note.deleted) continue;
        if (kinds !== null && !kinds.has(note.kind)) continue;
        if (query.interviewId !== null && note.interviewId !== query.interviewId) continue;
        if (interviewsOfInstitution !== null && (note.interviewId === null || !interviewsOfInstitution.has(note.interviewId))) continue;
        if (query.tagId !== null && !note.tags.some((tag) => tag.subTopicId === query.tagId || tag.indicatorId === query.tagId)) continue;
        if (terms.length > 0) {
          const haystack = foldedOf(note, note.intervieweeId ? (speakerName.get(note.intervieweeId) ?? null) : null);
          if (!terms.every((term) => haystack.includes(term))) continue;
        }
        out.push(note);
      }
      return out;
    },
  };
}
