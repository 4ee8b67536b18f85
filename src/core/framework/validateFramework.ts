/**
 * Validates a framework from any source (the built-in file, an imported JSON) and reports EVERY
 * problem with its path, not just the first: a methodologist fixing a 2,000-line file by hand needs
 * the whole list in one go.
 *
 * Two passes: zod checks the shape; the structural pass below checks what a shape cannot (unique
 * ids, complete descriptor scales, known tracks and levels). The structural pass walks the raw input
 * defensively so it still reports, say, a duplicate id in a file that also has a wrong type elsewhere.
 */
import { formatPath } from '../validation/formatPath';
import { frameworkSchema, indicatorSchema, pillarSchema, SHARED_TRACK_KEY, subTopicSchema, type Framework } from './frameworkSchema';
import { indexFramework, type FrameworkIndex } from './indexFramework';
import { err, ok, type Result } from '../result';
import { OVERALL_TRACK_ID } from '../assessment/consensusSchema';

export interface FrameworkProblem {
  /** Where the problem is, e.g. `pillars[3].subTopics[1].indicators[0].descriptors.central`. */
  readonly path: string;
  readonly message: string;
}

export interface ValidFramework {
  readonly framework: Framework;
  readonly index: FrameworkIndex;
}

/** Frameworks are a few hundred kilobytes; anything far larger is not a framework. */
export const MAX_FRAMEWORK_JSON_CHARS = 10_000_000;

export function validateFramework(input: unknown): Result<ValidFramework, FrameworkProblem[]> {
  let data = input;
  if (typeof input === 'string') {
    if (input.length > MAX_FRAMEWORK_JSON_CHARS) {
      return err([{ path: '', message: `the file is ${input.length} characters long; a framework may be at most ${MAX_FRAMEWORK_JSON_CHARS}` }]);
    }
    try {
      data = JSON.parse(input) as unknown;
    } catch (cause) {
      return err([{ path: '', message: `not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}` }]);
    }
  }

  const problems: FrameworkProblem[] = [];
  let parsed: ReturnType<typeof frameworkSchema.safeParse> | undefined;
  try {
    parsed = frameworkSchema.safeParse(data);
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ path: formatPath(issue.path), message: issue.message });
  } catch (error) {
    // zod gathers a subtree's issues with `push(...issues)`: a file with a hundred thousand
    // mistakes under one node overflows the call stack. Validate it node by node instead.
    if (!(error instanceof RangeError)) throw error;
    parsed = undefined;
    for (const problem of piecewiseProblems(data)) problems.push(problem);
  }
  // A loop, not push(...): the structural pass may report as many problems as zod.
  for (const problem of structuralProblems(data)) problems.push(problem);

  if (problems.length > 0 || parsed === undefined || !parsed.success) return err(dedupe(problems));
  return ok({ framework: parsed.data, index: indexFramework(parsed.data) });
}

/**
 * The schema's problems, found level by level (the framework without its pillars, each pillar
 * without its sub-topics, each sub-topic without its indicators, each indicator), so no single
 * parse collects more issues than one node has.
 */
function piecewiseProblems(data: unknown): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const collect = (schema: { safeParse(value: unknown): { success: boolean; error?: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } } }, value: unknown, prefix: PropertyKey[], emptied: string | undefined) => {
    const result = schema.safeParse(emptied !== undefined && isRecord(value) ? { ...value, [emptied]: [] } : value);
    if (result.success || result.error === undefined) return;
    for (const issue of result.error.issues) {
      // The emptied array's own "too small" belongs to the level below, which is checked itself.
      if (emptied !== undefined && issue.path.length === 1 && issue.path[0] === emptied) continue;
      problems.push({ path: formatPath([...prefix, ...issue.path]), message: issue.message });
    }
  };
  collect(frameworkSchema, data, [], 'pillars');
  arrayAt(data, 'pillars').forEach((pillar, p) => {
    collect(pillarSchema, pillar, ['pillars', p], 'subTopics');
    arrayAt(pillar, 'subTopics').forEach((subTopic, s) => {
      collect(subTopicSchema, subTopic, ['pillars', p, 'subTopics', s], 'indicators');
      arrayAt(subTopic, 'indicators').forEach((indicator, i) => collect(indicatorSchema, indicator, ['pillars', p, 'subTopics', s, 'indicators', i], undefined));
    });
  });
  return problems;
}

export { formatPath };

type Raw = Record<string, unknown>;
const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const arrayAt = (value: unknown, key: string): unknown[] => (isRecord(value) && Array.isArray(value[key]) ? value[key] : []);
const idOf = (value: unknown): string | undefined => (isRecord(value) && typeof value.id === 'string' ? value.id : undefined);

function structuralProblems(data: unknown): FrameworkProblem[] {
  if (!isRecord(data)) return [];
  const problems: FrameworkProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  const levelIds = uniqueIds(arrayAt(data, 'levels'), 'levels', 'level', report);
  const trackIds = uniqueIds(arrayAt(data, 'tracks'), 'tracks', 'track', report);
  arrayAt(data, 'tracks').forEach((track, i) => {
    const id = idOf(track);
    if (id === SHARED_TRACK_KEY) report(`tracks[${i}].id`, `"${SHARED_TRACK_KEY}" is reserved for descriptors shared by all tracks`);
    if (id === OVERALL_TRACK_ID) report(`tracks[${i}].id`, `"${OVERALL_TRACK_ID}" is reserved for a pillar's overall level`);
  });
  if (typeof data.targetLevel === 'string' && levelIds.size > 0 && !levelIds.has(data.targetLevel)) {
    report('targetLevel', `unknown level "${data.targetLevel}"; levels are ${[...levelIds].join(', ')}`);
  }

  // Ids are global keys (ratings and notes refer to them without the pillar), so they are unique
  // across the whole framework, and so are codes, which people type to tag notes.
  const seenIds = new Map<string, string>();
  const seenCodes = new Map<string, string>();
  const claim = (seen: Map<string, string>, value: unknown, path: string, what: string) => {
    if (typeof value !== 'string') return;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, path);
    else report(path, `duplicate ${what} "${value}" (first used at ${first})`);
  };

  arrayAt(data, 'pillars').forEach((pillar, p) => {
    const pillarPath = `pillars[${p}]`;
    claim(seenIds, idOf(pillar), `${pillarPath}.id`, 'id');
    claim(seenCodes, isRecord(pillar) ? pillar.code : undefined, `${pillarPath}.code`, 'code');
    arrayAt(pillar, 'subTopics').forEach((subTopic, s) => {
      const subTopicPath = `${pillarPath}.subTopics[${s}]`;
      claim(seenIds, idOf(subTopic), `${subTopicPath}.id`, 'id');
      claim(seenCodes, isRecord(subTopic) ? subTopic.code : undefined, `${subTopicPath}.code`, 'code');
      arrayAt(subTopic, 'indicators').forEach((indicator, n) => {
        const indicatorPath = `${subTopicPath}.indicators[${n}]`;
        claim(seenIds, idOf(indicator), `${indicatorPath}.id`, 'id');
        claim(seenCodes, isRecord(indicator) ? indicator.code : undefined, `${indicatorPath}.code`, 'code');
        if (isRecord(indicator) && isRecord(indicator.descriptors)) {
          descriptorProblems(indicator.descriptors, `${indicatorPath}.descriptors`, levelIds, trackIds, report);
        }
      });
    });
  });
  return problems;
}

function uniqueIds(items: unknown[], path: string, what: string, report: (path: string, message: string) => void): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    const id = idOf(item);
    if (id === undefined) return;
    if (ids.has(id)) report(`${path}[${i}].id`, `duplicate ${what} id "${id}"`);
    ids.add(id);
  });
  return ids;
}

function descriptorProblems(
  descriptors: Raw,
  path: string,
  levelIds: ReadonlySet<string>,
  trackIds: ReadonlySet<string>,
  report: (path: string, message: string) => void,
): void {
  const keys = Object.keys(descriptors);
  if (keys.length === 0) {
    report(path, `an indicator needs descriptors for at least one track, or "${SHARED_TRACK_KEY}"`);
    return;
  }
  if (keys.includes(SHARED_TRACK_KEY) && keys.length > 1) {
    report(path, `"${SHARED_TRACK_KEY}" descriptors apply to every track and cannot be mixed with per-track descriptors (${keys.filter((k) => k !== SHARED_TRACK_KEY).join(', ')})`);
  }
  for (const key of keys) {
    if (key !== SHARED_TRACK_KEY && trackIds.size > 0 && !trackIds.has(key)) {
      report(`${path}.${key}`, `unknown track "${key}"; tracks are ${[...trackIds].join(', ')}${trackIds.size > 1 ? `, or "${SHARED_TRACK_KEY}"` : ''}`);
    }
    const set = descriptors[key];
    if (!isRecord(set)) continue;
    for (const levelId of levelIds) {
      if (!(levelId in set)) report(`${path}.${key}`, `descriptor missing for level "${levelId}"`);
    }
    for (const levelKey of Object.keys(set)) {
      if (levelIds.size > 0 && !levelIds.has(levelKey)) report(`${path}.${key}.${levelKey}`, `unknown level "${levelKey}"`);
    }
  }
}

function dedupe(problems: FrameworkProblem[]): FrameworkProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
