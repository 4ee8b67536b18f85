/**
 * A note's source is free text (a law, a decree number, a URL). Only a well-formed http(s) URL
 * becomes a link; anything else (including "javascript:" and "data:") stays text.
 */
export function sourceHref(source: string): string | undefined {
  const trimmed = source.trim();
  if (!/^https?:\/\//i.test(trimmed) || /\s/.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
