/**
 * Storage health for the status bar and the settings screen. Browsers may evict an origin's data
 * under storage pressure unless it is persisted, which for interview notes would be a disaster, so
 * the app asks for persistence early and shows how full the device is.
 *
 * Both functions take the StorageManager (default `navigator.storage`) so tests can pass a fake,
 * and neither throws where the API is missing (older Safari, some embedded web views, Node).
 */

/** The parts of `navigator.storage` used here. */
export interface StorageManagerLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

export interface StorageStatus {
  /** Bytes used by this origin; null when the browser does not say. */
  readonly usageBytes: number | null;
  /** Bytes this origin may use; null when the browser does not say. */
  readonly quotaBytes: number | null;
  /** Whether the browser promised not to evict this origin's data. */
  readonly persisted: boolean;
  /** Whether the browser can be asked for that promise at all (`persist()` exists). */
  readonly canAsk: boolean;
}

function defaultStorageManager(): StorageManagerLike | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Asks the browser to keep this origin's data under storage pressure; true when granted. */
export async function requestPersistence(storage: StorageManagerLike | undefined = defaultStorageManager()): Promise<boolean> {
  try {
    if (typeof storage?.persisted === 'function' && (await storage.persisted())) return true;
    if (typeof storage?.persist !== 'function') return false;
    return await storage.persist();
  } catch {
    // A refusal by a browser that throws instead of answering false is still a refusal.
    return false;
  }
}

export async function storageStatus(storage: StorageManagerLike | undefined = defaultStorageManager()): Promise<StorageStatus> {
  let usageBytes: number | null = null;
  let quotaBytes: number | null = null;
  let persisted = false;
  try {
    if (typeof storage?.estimate === 'function') {
      const estimate = await storage.estimate();
      usageBytes = typeof estimate.usage === 'number' ? estimate.usage : null;
      quotaBytes = typeof estimate.quota === 'number' ? estimate.quota : null;
    }
  } catch {
    // Unknown usage is shown as unknown; it must not break the status bar.
  }
  try {
    if (typeof storage?.persisted === 'function') persisted = await storage.persisted();
  } catch {
    persisted = false;
  }
  return { usageBytes, quotaBytes, persisted, canAsk: typeof storage?.persist === 'function' };
}
