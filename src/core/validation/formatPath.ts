/**
 * A validation issue's path as people read it: `pillars[2].subTopics[0].name`. Its own module
 * because storage, bundles and the framework checks all name paths this way, and storage is on the
 * first screen's path while the framework checks are not.
 */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
