import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where vite.config.ts lives). */
export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** Screenshots and other artefacts for people to look at; git-ignored. */
export const RESULTS_DIR = join(ROOT, 'test-results');
