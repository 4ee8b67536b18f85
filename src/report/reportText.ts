/**
 * The report's words (keys qualified with their namespace, `report:…`, as i18next takes them) in the language the lead chooses: a lookup over the `report` namespace
 * (locales/<lang>/report.json), given by the app (i18next) or by the command-line tool (the JSON
 * file read from disk). `{{name}}` placeholders are filled from `vars`.
 */
export type ReportT = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

/** A ReportT over a plain strings object, for the command-line tool and tests. */
export function reportTFromStrings(strings: unknown, fallback?: unknown): ReportT {
  const lookup = (source: unknown, key: string): string | undefined => {
    let node: unknown = source;
    for (const part of key.split('.')) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return typeof node === 'string' ? node : undefined;
  };
  return (qualifiedKey, vars = {}) => {
    const key = qualifiedKey.replace(/^report:/, '');
    const template = lookup(strings, key) ?? lookup(fallback, key) ?? key;
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}
