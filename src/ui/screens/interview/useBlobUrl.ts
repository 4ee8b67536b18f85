/**
 * An object URL for a stored blob, loaded when `enabled` (the element scrolled into view) and
 * revoked when the component unmounts or the blob changes, so a long interview with many photos
 * neither reads them all at once nor leaks their memory.
 */
import { useEffect, useState } from 'preact/hooks';
import { servedMediaType } from '../../../core/security/attachmentPolicy';
import type { RecordWriter } from '../../session/assessmentSession';

export type BlobUrlState = { readonly status: 'idle' | 'loading' | 'missing' } | { readonly status: 'ready'; readonly url: string };

/**
 * `mediaType` is the attachment's recorded type; the URL serves the bytes with servedMediaType(it):
 * the type itself for allow-listed images and audio, application/octet-stream for everything else,
 * whatever type the stored Blob carries (an imported bundle decides that one).
 */
export function useBlobUrl(writer: RecordWriter, sha256: string, enabled: boolean, mediaType: string): BlobUrlState {
  const [state, setState] = useState<BlobUrlState>({ status: 'idle' });
  useEffect(() => {
    if (!enabled) return undefined;
    let cancelled = false;
    let url: string | undefined;
    setState({ status: 'loading' });
    void writer.getBlob(sha256).then(
      (blob) => {
        if (cancelled) return;
        if (!blob) {
          setState({ status: 'missing' });
          return;
        }
        // Re-typed without copying: a Blob of a Blob references the same bytes.
        url = URL.createObjectURL(new Blob([blob], { type: servedMediaType(mediaType) }));
        setState({ status: 'ready', url });
      },
      () => {
        if (!cancelled) setState({ status: 'missing' });
      },
    );
    return () => {
      cancelled = true;
      if (url !== undefined) URL.revokeObjectURL(url);
    };
  }, [writer, sha256, enabled, mediaType]);
  return state;
}

/** True once the element has come near the viewport (and stays true). */
export function useSeen(element: { readonly current: Element | null }): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    if (seen) return undefined;
    const target = element.current;
    if (!target || typeof IntersectionObserver === 'undefined') {
      setSeen(true);
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setSeen(true);
          observer.disconnect();
        }
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, seen]);
  return seen;
}
