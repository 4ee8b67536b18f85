/**
 * One translate function per language that spares i18next's lookup where the answer is known: a
 * screen asks for the same labels once per row (an interview of hundreds of notes asks for "Edit",
 * and "Edit the note of 08:29", hundreds of times), and each i18next call parses the key, walks the
 * resources and scans the string for interpolation, nesting and formats again.
 *
 * - A key alone is looked up once and remembered.
 * - A key with string values only, whose string has nothing but plain placeholders, has its string
 *   remembered and the values put in its placeholders here, as i18next would (values are not
 *   escaped: Preact escapes text itself).
 * - Everything else (plurals, context, formats, numbers, defaults, nesting, a value missing) goes
 *   to i18next as it is.
 *
 * A function stays the same object until the strings change (a namespace or a language arrives):
 * then every language gets a new one, so a component that keys a memo or an effect on `t`
 * recomputes with the new strings, and nothing remembered before is ever answered again.
 */
import type { i18n, TFunction } from 'i18next';

export function createTranslators(instance: i18n): (language: string) => TFunction {
  let byLanguage = new Map<string, TFunction>();
  const forget = () => {
    byLanguage = new Map();
  };
  instance.store.on('added', forget);
  instance.store.on('removed', forget);
  return (language) => {
    let translate = byLanguage.get(language);
    if (!translate) {
      translate = remembering(instance.getFixedT(language));
      byLanguage.set(language, translate);
    }
    return translate;
  };
}

/** Options i18next reads itself: a call with any of these is never answered here. */
const I18NEXT_OPTIONS = new Set([
  'count',
  'ordinal',
  'context',
  'defaultValue',
  'replace',
  'lng',
  'lngs',
  'fallbackLng',
  'ns',
  'keyPrefix',
  'keySeparator',
  'nsSeparator',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'skipInterpolation',
  'appendNamespaceToMissingKey',
]);
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
/** i18next's nesting, `$t(other.key)`: left to i18next. */
const NESTING = /\$t\(/;

/** A string whose only markup is plain `{{name}}` placeholders, split around them; undefined for anything richer. */
type Template = { readonly parts: readonly string[]; readonly names: readonly string[] } | undefined;

function templateOf(text: unknown): Template {
  if (typeof text !== 'string' || NESTING.test(text)) return undefined;
  const parts: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    parts.push(text.slice(last, match.index));
    names.push(match[1] ?? '');
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  // Any other braces (a format such as "{{count, number}}", an unescaped "{{- name}}") are i18next's to read.
  if (parts.some((part) => part.includes('{{'))) return undefined;
  return { parts, names };
}

function stringValues(options: unknown): Readonly<Record<string, string>> | undefined {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return undefined;
  for (const [name, value] of Object.entries(options)) {
    if (typeof value !== 'string' || I18NEXT_OPTIONS.has(name) || name.startsWith('defaultValue')) return undefined;
  }
  return options as Readonly<Record<string, string>>;
}

function remembering(fixed: TFunction): TFunction {
  const lookup = fixed as unknown as (...args: unknown[]) => unknown;
  const plain = new Map<string, unknown>();
  const templates = new Map<string, Template>();
  const translate = (...args: unknown[]): unknown => {
    const [key, options] = args;
    if (typeof key !== 'string' || args.length > 2) return lookup(...args);
    if (args.length === 1) {
      if (!plain.has(key)) plain.set(key, lookup(key));
      return plain.get(key);
    }
    const values = stringValues(options);
    if (!values) return lookup(...args);
    if (!templates.has(key)) templates.set(key, templateOf(lookup(key, { skipInterpolation: true })));
    const template = templates.get(key);
    if (!template || template.names.some((name) => values[name] === undefined)) return lookup(...args);
    let text = template.parts[0] ?? '';
    template.names.forEach((name, i) => {
      text += (values[name] ?? '') + (template.parts[i + 1] ?? '');
    });
    return text;
  };
  // Called exactly as i18next's own; TFunction's overloads cannot be spelled as a plain function type.
  return translate as unknown as TFunction;
}
