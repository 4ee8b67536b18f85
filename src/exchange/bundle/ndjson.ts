/**
 * Change chunks: one change per line as JSON, LF-terminated, UTF-8 (NDJSON). Parsing is strict and
 * total: every line must parse and pass `changeSchema`, and no object anywhere in a change may have
 * an own key `__proto__` (JSON.parse creates such keys as plain own properties, which code that
 * later copies the value with assignment would turn into a prototype). One bad line refuses the
 * bundle: a bundle is written by a program, so a bad line means damage or forgery, not a typo.
 */
import { changeSchema, type Change } from '../../core/merge/change';
import { formatPath } from '../../core/validation/formatPath';
import { decodeUtf8, utf8 } from './bytes';
import { findDuplicateKey } from './duplicateKeys';
import { refuse } from './problem';

/** Distinct strings shared per chunk (bounds the sharing map itself). */
const MAX_INTERNED = 100_000;

/** The canonical line of a change: fixed key order, so equal changes are equal bytes. */
export function changeLine(change: Change): string {
  return JSON.stringify({ hlc: change.hlc, node: change.node, table: change.table, id: change.id, field: change.field, value: change.value });
}

export function encodeChanges(changes: readonly Change[]): Uint8Array {
  let text = '';
  for (const change of changes) text += `${changeLine(change)}\n`;
  return utf8(text);
}

/**
 * Parses one chunk; throws BundleRefusal ('invalid-changes') naming the entry and line. Lines over
 * `maxLineBytes` (UTF-16 code units, at most the UTF-8 bytes) are refused before they are parsed.
 * Repeated strings (node, table, id, field) are shared between changes, so a chunk of a hundred
 * thousand changes to a few records does not hold a hundred thousand copies of their ids.
 */
export function parseChanges(bytes: Uint8Array, entry: string, maxDepth: number, maxLineBytes = Number.POSITIVE_INFINITY): Change[] {
  const text = decodeUtf8(bytes);
  if (text === undefined) refuse('invalid-changes', `"${entry}" is not valid UTF-8 text.`, entry);
  const lines = text.split('\n');
  // A final newline leaves one empty string at the end; any other empty line is an error.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const changes: Change[] = [];
  const shared = new Map<string, string>();
  const intern = (s: string) => {
    const known = shared.get(s);
    if (known !== undefined) return known;
    if (shared.size < MAX_INTERNED) shared.set(s, s);
    return s;
  };
  for (let i = 0; i < lines.length; i++) {
    const where = `"${entry}", line ${i + 1}`;
    if (lines[i]!.length > maxLineBytes) {
      refuse('invalid-changes', `${where} is longer than ${maxLineBytes} bytes: one change may not carry more.`, entry);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(lines[i]!);
    } catch {
      refuse('invalid-changes', `${where} is not valid JSON.`, entry);
    }
    const shape = inspectJson(raw, maxDepth);
    if (shape.protoKeyAt !== undefined) refuse('invalid-changes', `${where} has a "__proto__" key at ${shape.protoKeyAt || 'the top level'}.`, entry);
    // Validation recurses; a value nested thousands deep would exhaust the stack instead of failing.
    if (shape.tooDeep) refuse('invalid-changes', `${where} nests values more than ${maxDepth} levels deep.`, entry);
    const parsed = changeSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = formatPath(issue.path);
      refuse('invalid-changes', `${where} is not a valid change: ${path === '' ? '' : `${path} `}${issue.message}.`, entry);
    }
    const duplicate = findDuplicateKey(lines[i]!);
    if (duplicate !== undefined) refuse('invalid-changes', `${where} has the key "${duplicate.slice(0, 60)}" twice in one object.`, entry);
    const change = parsed.data;
    changes.push({ ...change, node: intern(change.node), table: change.table, id: intern(change.id), field: intern(change.field) });
    lines[i] = '';
  }
  return changes;
}

/**
 * The path of the first own `__proto__` key in a JSON value (empty string: the top level), and
 * whether it nests deeper than `maxDepth`. Iterative, so hostile nesting cannot overflow the stack.
 */
export function inspectJson(value: unknown, maxDepth: number): { protoKeyAt: string | undefined; tooDeep: boolean } {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= maxDepth) return { protoKeyAt: undefined, tooDeep: true };
    if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, path: `${path}[${index}]`, depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(current)) {
      if (key === '__proto__') return { protoKeyAt: path, tooDeep: false };
      stack.push({ value: (current as Record<string, unknown>)[key], path: path === '' ? key : `${path}.${key}`, depth: depth + 1 });
    }
  }
  return { protoKeyAt: undefined, tooDeep: false };
}
