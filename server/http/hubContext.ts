import type { HubDevice, HubTeam } from '../../src/core/sync/hubProtocol';
import type { Database } from '../db/database';
import type { RateLimiter } from './rateLimiter';

export interface HubConfig {
  readonly db: Database;
  /** SHA-256 hex of the hub secret (the secret itself is never kept). */
  readonly hubSecretHash: string;
  readonly ratePerMinute: number;
  readonly anonymousRatePerMinute: number;
  /** Origins besides the hub's own that may call the API (exact matches, e.g. https://field.example.org). */
  readonly allowedOrigins: readonly string[];
  /** The built app (dist/); null serves the API alone. */
  readonly appDir: string | null;
  readonly now: () => number;
  readonly limiter: RateLimiter;
}

export interface DeviceAuth {
  readonly device: HubDevice;
  readonly team: HubTeam;
}

export type HubEnv = { Variables: { auth: DeviceAuth } };
