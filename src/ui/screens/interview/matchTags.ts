/**
 * Type-ahead over the framework for tagging notes: sub-topics (and, optionally, one indicator) found
 * by code ("6.5.3", "6.5", "6.1." — prefix by segment), by name, alias or the pillar's name (word
 * prefixes: "acc dat" finds "Access to data"), case- and accent-insensitive, in every language the
 * framework gives. Pure and precomputed once per framework, so a keystroke costs one pass over
 * ~70 candidates with no allocation beyond the result.
 */
import type { FrameworkIndex } from '../../../core/framework/indexFramework';
import type { LocalizedText } from '../../../core/framework/frameworkSchema';

export type TagCandidateKind = 'subTopic' | 'indicator';

export interface TagCandidate {
  readonly kind: TagCandidateKind;
  /** Sub-topic id or indicator id: unique across both kinds in a valid framework. */
  readonly id: string;
  readonly subTopicId: string;
  readonly indicatorId: string | undefined;
  readonly code: string;
  /** The sub-topic's name or the indicator's label. */
  readonly label: LocalizedText;
  /** Framework order, for stable ties. */
  readonly order: number;
  readonly codeSegments: readonly string[];
  /** Folded words of the label per language (`label[lang]`). */
  readonly labelFields: readonly MatchField[];
  readonly aliasFields: readonly MatchField[];
  /** Words of the surrounding names (pillar; for indicators also the sub-topic): a weaker match. */
  readonly contextWords: readonly string[];
}

interface MatchField {
  readonly language: string | undefined;
  /** The original text, shown when an alias is what matched. */
  readonly text: string;
  readonly folded: string;
  readonly words: readonly string[];
}

export interface TagMatch {
  readonly candidate: TagCandidate;
  /** Lower is better; exposed for tests and debugging. */
  readonly score: number;
  /** Set when the match came from an alias, so the list can say why it is there. */
  readonly alias: string | undefined;
}

export interface MatchOptions {
  /** The interface language: its names rank slightly above names in other languages. */
  readonly language: string;
  readonly limit?: number;
  /** Shown first, in this order, when the query is empty (e.g. tags used recently). */
  readonly preferredIds?: readonly string[];
  /** When the query is empty, also list these sub-topics (e.g. of the institution's pillars). */
  readonly emptyQueryIds?: readonly string[];
}

export const DEFAULT_MATCH_LIMIT = 8;

/**
 * Lower case without diacritics, compatibility forms unfolded (NFKD: "ﬁ" → "fi", Armenian "և" →
 * "եւ"), so "Éducation", "education" and "EDUCATION" are one word, and "ё" matches "е".
 */
export function foldText(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * The words of a text, folded. A word written with inner punctuation ("e-Governance", "IT/CIO")
 * gives its parts and also the parts joined ("egovernance"), so both ways of typing it match.
 */
export function wordsOf(value: string): string[] {
  const words: string[] = [];
  for (const chunk of foldText(value).split(/\s+/)) {
    const parts = partsOf(chunk);
    words.push(...parts);
    if (parts.length > 1) words.push(parts.join(''));
  }
  return words;
}

function partsOf(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter((part) => part !== '');
}

const CODE_TOKEN = /^\d+(?:\.\d*)*$/;

function field(text: string, language: string | undefined): MatchField {
  // `folded` keeps only the plain parts, so "IT managers/CIO" reads "it managers cio" for the
  // whole-field and phrase tests; the joined forms are only extra words to match.
  return { language, text, folded: partsOf(foldText(text)).join(' '), words: wordsOf(text) };
}

function labelFieldsOf(text: LocalizedText): MatchField[] {
  return Object.entries(text)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([language, value]) => field(value, language));
}

function allWords(text: LocalizedText): string[] {
  return Object.values(text).flatMap((value) => (typeof value === 'string' ? wordsOf(value) : []));
}

/** Every taggable item of the framework, in framework order. Build once per framework. */
export function buildTagCandidates(index: FrameworkIndex): TagCandidate[] {
  const candidates: TagCandidate[] = [];
  for (const pillar of index.framework.pillars) {
    const pillarWords = allWords(pillar.name);
    for (const subTopic of pillar.subTopics) {
      const subTopicWords = allWords(subTopic.name);
      candidates.push({
        kind: 'subTopic',
        id: subTopic.id,
        subTopicId: subTopic.id,
        indicatorId: undefined,
        code: subTopic.code,
        label: subTopic.name,
        order: candidates.length,
        codeSegments: foldText(subTopic.code).split('.'),
        labelFields: labelFieldsOf(subTopic.name),
        aliasFields: subTopic.aliases.map((alias) => field(alias, undefined)),
        contextWords: pillarWords,
      });
      for (const indicator of subTopic.indicators) {
        candidates.push({
          kind: 'indicator',
          id: indicator.id,
          subTopicId: subTopic.id,
          indicatorId: indicator.id,
          code: indicator.code,
          label: indicator.label,
          order: candidates.length,
          codeSegments: foldText(indicator.code).split('.'),
          labelFields: labelFieldsOf(indicator.label),
          aliasFields: [],
          contextWords: [...subTopicWords, ...subTopic.aliases.flatMap(wordsOf), ...pillarWords],
        });
      }
    }
  }
  return candidates;
}

interface Query {
  /** Segments of a code typed ("6.5." → ["6", "5", ""]), or undefined when no code was typed. */
  readonly code: readonly string[] | undefined;
  readonly words: readonly string[];
  /** The word part as typed, folded, for the phrase-prefix test. */
  readonly phrase: string;
}

export function parseQuery(raw: string): Query {
  let code: string[] | undefined;
  const words: string[] = [];
  for (const token of foldText(raw.replace(/^#/, '')).split(/\s+/)) {
    if (token === '') continue;
    if (code === undefined && CODE_TOKEN.test(token)) code = token.split('.');
    else words.push(...partsOf(token));
  }
  return { code, words, phrase: words.join(' ') };
}

/**
 * 0: the code typed is the candidate's code; 1: every segment typed equals the candidate's, the
 * candidate going deeper ("6.5" → 6.5.3); 2: the last segment typed is only a prefix ("6.1" →
 * 6.10.1). undefined: no match.
 */
export function codeScore(typed: readonly string[], segments: readonly string[]): number | undefined {
  if (typed.length > segments.length) return undefined;
  let prefixOnly = false;
  for (let i = 0; i < typed.length; i++) {
    const part = typed[i] ?? '';
    const segment = segments[i] ?? '';
    if (part === segment) continue;
    // Only the last typed segment may be incomplete ("6.1" on its way to "6.10"); "" after a dot
    // ("6.5.") matches any next segment.
    if (i !== typed.length - 1 || !segment.startsWith(part)) return undefined;
    if (part !== '') prefixOnly = true;
  }
  if (prefixOnly) return 2;
  const complete = typed[typed.length - 1] !== '';
  return complete && typed.length === segments.length ? 0 : 1;
}

/**
 * How well the typed words fit one field: 0 the whole field; 1 the field starts with what was
 * typed; 2 every word typed starts a word of the field, in order; 3 in any order. undefined: not
 * every word typed found a word of its own.
 */
export function wordScore(query: Query, words: readonly string[], folded: string): number | undefined {
  if (query.words.length === 0) return undefined;
  if (folded === query.phrase) return 0;
  if (folded.startsWith(query.phrase) && prefixesInOrder(query.words, words, true)) return 1;
  if (prefixesInOrder(query.words, words, false)) return 2;
  return prefixesAnyOrder(query.words, words) ? 3 : undefined;
}

function prefixesInOrder(typed: readonly string[], words: readonly string[], contiguousFromStart: boolean): boolean {
  let next = 0;
  for (const [i, token] of typed.entries()) {
    let found = -1;
    for (let w = next; w < words.length; w++) {
      const word = words[w] ?? '';
      // Inner tokens of a contiguous phrase must be whole words ("access to" ≠ "access tomorrow").
      const fits = contiguousFromStart && i < typed.length - 1 ? word === token : word.startsWith(token);
      if (fits) {
        found = w;
        break;
      }
      if (contiguousFromStart) return false;
    }
    if (found === -1) return false;
    next = found + 1;
  }
  return true;
}

function prefixesAnyOrder(typed: readonly string[], words: readonly string[]): boolean {
  const used = new Set<number>();
  // Longest tokens first, so "data d" gives "data" its word before "d" takes it.
  const tokens = [...typed].sort((a, b) => b.length - a.length);
  for (const token of tokens) {
    let found = -1;
    for (let w = 0; w < words.length; w++) {
      if (!used.has(w) && (words[w] ?? '').startsWith(token)) {
        found = w;
        break;
      }
    }
    if (found === -1) return false;
    used.add(found);
  }
  return true;
}

// Penalties added to a word score: names in the interface language first, then other languages,
// then aliases; a match that needs the pillar's (or sub-topic's) words comes after all of them.
const OTHER_LANGUAGE_PENALTY = 0.25;
const ALIAS_PENALTY = 0.5;
const CONTEXT_SCORE = 4;
// Sub-topics are what notes are usually tagged with: an indicator ranks after the sub-topics that
// match its words at all in order ("data" lists "Access to data" before the indicator "Data
// governance and quality"), but before those that only match in another order or by the pillar.
// Below the code weight (10), so "6.5" still lists 6.5.x before 6.5.x.y.
const INDICATOR_PENALTY = 1.25;

function scoreCandidate(candidate: TagCandidate, query: Query, language: string): { score: number; alias: string | undefined } | undefined {
  let code = 0;
  if (query.code !== undefined) {
    const scored = codeScore(query.code, candidate.codeSegments);
    if (scored === undefined) return undefined;
    code = scored;
  }
  let words = 0;
  let alias: string | undefined;
  if (query.words.length > 0) {
    let best: number | undefined;
    for (const labelField of candidate.labelFields) {
      const scored = wordScore(query, labelField.words, labelField.folded);
      if (scored === undefined) continue;
      const total = scored + (labelField.language === language || labelField.language === undefined ? 0 : OTHER_LANGUAGE_PENALTY);
      if (best === undefined || total < best) best = total;
    }
    for (const aliasField of candidate.aliasFields) {
      const scored = wordScore(query, aliasField.words, aliasField.folded);
      if (scored === undefined) continue;
      const total = scored + ALIAS_PENALTY;
      if (best === undefined || total < best) {
        best = total;
        alias = aliasField.text;
      }
    }
    if (best === undefined) {
      const pool = [...candidate.labelFields.flatMap((labelField) => labelField.words), ...candidate.aliasFields.flatMap((a) => a.words), ...candidate.contextWords];
      if (!prefixesAnyOrder(query.words, pool)) return undefined;
      best = CONTEXT_SCORE;
    }
    words = best;
  }
  // A code typed weighs more than words typed: "6.5 access" is about pillar 6.5 first.
  return { score: code * 10 + words + (candidate.kind === 'indicator' ? INDICATOR_PENALTY : 0), alias };
}

/** The best candidates for what was typed, best first; ties keep framework order. */
export function matchTags(candidates: readonly TagCandidate[], raw: string, options: MatchOptions): TagMatch[] {
  const limit = options.limit ?? DEFAULT_MATCH_LIMIT;
  const query = parseQuery(raw);
  if (query.code === undefined && query.words.length === 0) return emptyQueryMatches(candidates, options, limit);
  const matches: TagMatch[] = [];
  for (const candidate of candidates) {
    const scored = scoreCandidate(candidate, query, options.language);
    if (scored !== undefined) matches.push({ candidate, score: scored.score, alias: scored.alias });
  }
  matches.sort((a, b) => a.score - b.score || a.candidate.order - b.candidate.order);
  return matches.slice(0, limit);
}

function emptyQueryMatches(candidates: readonly TagCandidate[], options: MatchOptions, limit: number): TagMatch[] {
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate] as const));
  const seen = new Set<string>();
  const matches: TagMatch[] = [];
  for (const id of [...(options.preferredIds ?? []), ...(options.emptyQueryIds ?? [])]) {
    const candidate = byId.get(id);
    if (!candidate || seen.has(id)) continue;
    seen.add(id);
    matches.push({ candidate, score: matches.length, alias: undefined });
    if (matches.length >= limit) break;
  }
  return matches;
}
