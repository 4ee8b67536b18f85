/**
 * The hub secret: whoever holds it may create team spaces. Made at the first start and shown once
 * on the terminal; only its SHA-256 is stored. Several hubs on one PostgreSQL share it (the first
 * to start makes it). An operator who wants to choose it sets MMDMA_HUB_SECRET before the first
 * start; `--reset-hub-secret` replaces a lost one.
 */
import type { Database } from './db/database';
import { newHubSecret, sha256Hex } from './http/secrets';

const KEY = 'hub_secret_sha256';
export const MIN_HUB_SECRET_CHARS = 32;

export type HubSecretOutcome =
  | { readonly kind: 'existing'; readonly hash: string }
  /** A secret made now: show it once. */
  | { readonly kind: 'created'; readonly hash: string; readonly secret: string }
  | { readonly kind: 'configured'; readonly hash: string };

export class HubSecretError extends Error {}

export async function ensureHubSecret(db: Database, options: { configured?: string; reset?: boolean }): Promise<HubSecretOutcome> {
  const { configured, reset = false } = options;
  if (configured !== undefined && configured.length < MIN_HUB_SECRET_CHARS) {
    throw new HubSecretError(`MMDMA_HUB_SECRET must be at least ${MIN_HUB_SECRET_CHARS} characters long.`);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ value: string }>('SELECT value FROM hub_settings WHERE key = $1 FOR UPDATE', [KEY]);
    const save = (hash: string) =>
      tx.query('INSERT INTO hub_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [KEY, hash]);
    if (configured !== undefined) {
      const hash = sha256Hex(configured);
      if (row && row.value !== hash && !reset) {
        throw new HubSecretError(
          'MMDMA_HUB_SECRET differs from the secret this hub’s database was set up with. Use the original one, or start once with --reset-hub-secret to replace it.',
        );
      }
      if (!row || row.value !== hash) await save(hash);
      return { kind: 'configured', hash } as const;
    }
    if (row && !reset) return { kind: 'existing', hash: row.value } as const;
    const secret = newHubSecret();
    const hash = sha256Hex(secret);
    await save(hash);
    return { kind: 'created', hash, secret } as const;
  });
}
