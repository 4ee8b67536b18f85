/**
 * Hash routes, so the app works from any static host and offline from the service worker's single
 * cached index.html. Parsing is total: an unknown or malformed hash becomes the assessments list,
 * never an exception.
 */
export type AssessmentScreen = 'setup' | 'interviews' | 'interview' | 'rating' | 'dashboard' | 'findings' | 'exchange' | 'report' | 'notes';

export type Route =
  | { readonly screen: 'assessments' }
  | { readonly screen: 'settings' }
  | { readonly screen: 'framework' }
  /** Receiving a bundle of an assessment this device does not hold yet. */
  | { readonly screen: 'import' }
  | { readonly screen: 'setup'; readonly assessmentId: string }
  | { readonly screen: 'interviews'; readonly assessmentId: string }
  /** `noteId`: a note to bring into view and focus (from the note search), `?note=<id>`. */
  | { readonly screen: 'interview'; readonly assessmentId: string; readonly interviewId: string; readonly noteId?: string }
  | { readonly screen: 'rating'; readonly assessmentId: string; readonly subTopicId?: string | undefined }
  | { readonly screen: 'dashboard'; readonly assessmentId: string }
  | { readonly screen: 'findings'; readonly assessmentId: string; readonly pillarId?: string | undefined }
  | { readonly screen: 'exchange'; readonly assessmentId: string }
  | { readonly screen: 'report'; readonly assessmentId: string }
  /**
   * Searching the notes; `search` is the URL query (`?q=…&kind=…`, or ""), kept as text here and
   * read by the screen (src/core/search/noteQuery.ts), so Back restores the same results.
   */
  | { readonly screen: 'notes'; readonly assessmentId: string; readonly search: string };

const ID = /^[A-Za-z0-9._-]{1,128}$/;

export function parseRoute(hash: string): Route {
  const queryAt = hash.indexOf('?');
  const path = queryAt === -1 ? hash : hash.slice(0, queryAt);
  const search = queryAt === -1 ? '' : hash.slice(queryAt);
  const parts = path
    .replace(/^#\/?/, '')
    .split('/')
    .filter((part) => part !== '')
    .map(safeDecode);
  if (parts.some((part) => part === null || !ID.test(part))) return { screen: 'assessments' };
  const [first, assessmentId, screen, detail, ...rest] = parts as string[];
  if (first === undefined) return { screen: 'assessments' };
  if (first === 'settings' && assessmentId === undefined) return { screen: 'settings' };
  if (first === 'framework' && assessmentId === undefined) return { screen: 'framework' };
  if (first === 'import' && assessmentId === undefined) return { screen: 'import' };
  if (first !== 'a' || assessmentId === undefined || rest.length > 0) return { screen: 'assessments' };
  switch (screen) {
    case undefined:
    case 'dashboard':
      return detail === undefined ? { screen: 'dashboard', assessmentId } : { screen: 'assessments' };
    case 'setup':
    case 'exchange':
    case 'report':
      return detail === undefined ? { screen, assessmentId } : { screen: 'assessments' };
    case 'notes':
      return detail === undefined ? { screen: 'notes', assessmentId, search: search.length > 1 ? search : '' } : { screen: 'assessments' };
    case 'interviews': {
      if (detail === undefined) return { screen: 'interviews', assessmentId };
      // A malformed note id is ignored (the interview still opens), never an exception.
      const noteId = new URLSearchParams(search.slice(1)).get('note');
      return noteId !== null && ID.test(noteId) ? { screen: 'interview', assessmentId, interviewId: detail, noteId } : { screen: 'interview', assessmentId, interviewId: detail };
    }
    case 'rating':
      return { screen: 'rating', assessmentId, subTopicId: detail };
    case 'findings':
      return { screen: 'findings', assessmentId, pillarId: detail };
    default:
      return { screen: 'assessments' };
  }
}

export function formatRoute(route: Route): string {
  const path = (...parts: Array<string | undefined>) =>
    `#/${parts
      .filter((part): part is string => part !== undefined)
      .map(encodeURIComponent)
      .join('/')}`;
  switch (route.screen) {
    case 'assessments':
      return '#/';
    case 'settings':
    case 'framework':
    case 'import':
      return path(route.screen);
    case 'interview':
      return path('a', route.assessmentId, 'interviews', route.interviewId) + (route.noteId === undefined ? '' : `?note=${encodeURIComponent(route.noteId)}`);
    case 'notes':
      return path('a', route.assessmentId, 'notes') + route.search;
    case 'rating':
      return path('a', route.assessmentId, 'rating', route.subTopicId);
    case 'findings':
      return path('a', route.assessmentId, 'findings', route.pillarId);
    default:
      return path('a', route.assessmentId, route.screen);
  }
}

/** The assessment a route belongs to, if any. */
export function assessmentIdOf(route: Route): string | undefined {
  return 'assessmentId' in route ? route.assessmentId : undefined;
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
