/**
 * Finds an object with the same key twice in JSON text. `JSON.parse` keeps the last of duplicate
 * keys, other parsers keep the first or refuse: `{"assessment": A, "assessment": B}` would be a
 * different bundle to different readers, so bundles refuse such JSON (manifest, encryption header,
 * change lines). Keys are compared after decoding escapes (`"a"` and `"\u0061"` are one key).
 *
 * Runs on text that JSON.parse has already accepted, so it only has to track strings, objects and
 * arrays; one pass, no recursion (nesting cannot overflow the stack).
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** The first duplicated key (decoded), or undefined when every object's keys are distinct. */
export function findDuplicateKey(text: string): string | undefined {
  // One entry per open container: the keys seen so far for an object, null for an array.
  const stack: Array<Set<string> | null> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let j = i + 1;
      let escaped = false;
      for (;;) {
        const d = text.charCodeAt(j);
        if (d === BACKSLASH) {
          escaped = true;
          j += 2;
          continue;
        }
        if (d === QUOTE || Number.isNaN(d)) break;
        j++;
      }
      if (expectKey) {
        const keys = stack[stack.length - 1]!;
        const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        if (keys.has(key)) return key;
        keys.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === OPEN_OBJECT) {
      stack.push(new Set());
      expectKey = true;
    } else if (c === OPEN_ARRAY) {
      stack.push(null);
      expectKey = false;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      stack.pop();
      expectKey = false;
    } else if (c === COMMA) {
      expectKey = stack[stack.length - 1] instanceof Set;
    } else if (c === COLON) {
      expectKey = false;
    }
  }
  return undefined;
}
