/**
 * The IndexedDB schema of MMDMA Field: its version, its tables and indexes, the shape of the rows
 * the storage layer writes, and the migration notes. Everything about the on-disk format lives in
 * this one file so a schema change is reviewed in one place.
 *
 * Tables
 * - One table per record table of the assessment model (`tableNames`, same names as `change.table`,
 *   so a change finds its table without a mapping). Rows are the materialised records: what folding
 *   the winning field versions gives. They are a projection of `fieldVersions`, kept for indexes and
 *   fast reads; `fieldVersions` is the truth.
 * - `fieldVersions`: per (table, id, field) the change that currently wins the field.
 * - `changeLog`: every change applied here (local ones, and incoming ones that won), keyed by HLC.
 *   This is what bundles and sync move. The HLC embeds the node id, so it is unique on its own.
 *   Compacted (version 3, see compactChangeLog.ts): a change that a newer change of the SAME node to
 *   the same field replaced as the field's winner is dropped, so an hour of autosaves of one note
 *   leaves one row, not hundreds. Each node's newest HLC is never dropped, so version vectors stay
 *   exact; `[node+hlc]` reads one node's changes after a version-vector entry.
 * - `outbox`: local changes not yet pushed, keyed by field, so a newer unpushed edit of the same
 *   field replaces the older one (compaction for free).
 * - `blobs`: attachments' bytes, addressed by SHA-256, written once, never modified. Stored as an
 *   ArrayBuffer (`data`), not a Blob: WebKit refuses Blobs in IndexedDB in an ephemeral session (a
 *   Safari private window, WebKitGTK's automation profile), while bytes are stored everywhere. Rows
 *   written before hold a `blob` instead; reads take either (getBlob.ts), and nothing converts the
 *   old rows (an upgrade cannot await Blob.arrayBuffer() without IndexedDB committing it early).
 * - `meta`: small key/value rows: the persisted HLC clock (which carries the node id), settings.
 * - `conflicts` (version 2): the losing value of every concurrent edit this device merged, keyed by
 *   the losing change's HLC, for the lead to review (DESIGN §5; see conflicts.ts). Local to the
 *   device: never exported, never synced.
 * - `peers` (version 3): what this device knows of the replicas it exchanges an assessment with — a
 *   device whose bundles it imported, the team's sync hub — keyed by `[assessmentId+peerId]`. The
 *   row's shape belongs to src/sync (validated there on read); storage only keeps it.
 *
 * Indexes are the ones the screens query; booleans and null are not indexable in IndexedDB, so
 * `deleted` is filtered in memory and observations with `interviewId: null` (desk research) are
 * absent from `[assessmentId+interviewId]` (queries for them go through `assessmentId`).
 *
 * Migration notes
 * - Version 1: the tables above except `conflicts`.
 * - Version 2: adds `conflicts` (no existing row changes, so no upgrade function).
 * - Version 3: adds `peers` and the changeLog index `[node+hlc]`. The upgrade (upgradeToV3.ts) moves
 *   the bundle peers kept in `meta` under `bundle-peer:<assessment>:<node>` into `peers`, and
 *   compacts the change log once (the rule above).
 * - To add version 2: keep the `db.version(1).stores(...)` call below unchanged and add
 *   `db.version(2).stores({ ...only the tables whose indexes change, or new tables; a table set to
 *   null is deleted })`, with `.upgrade(async (tx) => { ... })` when existing rows must be rewritten.
 *   Dexie runs the upgrades in order for a device that skipped versions. Bump DATABASE_VERSION, add
 *   a line here, and add a test that opens a version-1 database with rows in it and reads them back
 *   through the new version. Never edit a released version's stores: devices in the field have it.
 * - A record shape change is not a database migration: records are validated on read and rebuilt
 *   from field versions, so new optional fields need no upgrade. Incompatible record changes bump
 *   ASSESSMENT_SCHEMA_VERSION in src/core/assessment/recordSchemas.ts (bundles carry it).
 */
import type { Dexie, Table } from 'dexie';
import type { TableName } from '../core/assessment/recordSchemas';
import type { Change } from '../core/merge/change';
import type { ConflictRow } from './conflictRow';
import { upgradeToV3 } from './upgradeToV3';

export const DEFAULT_DATABASE_NAME = 'mmdma-field';
export const DATABASE_VERSION = 4;

/** Primary key first, then indexes (Dexie syntax: `[a+b]` is a compound index). */
const RECORD_STORES_V1 = {
  // The assessment is its own root: it has no assessmentId.
  assessment: 'id',
  assessor: 'id, assessmentId',
  institution: 'id, assessmentId',
  interview: 'id, assessmentId, institutionId',
  interviewee: 'id, assessmentId',
  observation: 'id, assessmentId, [assessmentId+interviewId], authorId',
  attachment: 'id, assessmentId',
  rating: 'id, assessmentId, [assessmentId+indicatorId], assessorId',
  consensus: 'id, assessmentId, [assessmentId+targetId]',
  finding: 'id, assessmentId, [assessmentId+pillarId]',
} as const satisfies Record<TableName, string>;

const SYSTEM_STORES_V1 = {
  // `[table+id]` reads every field version of one record, to re-materialise it.
  fieldVersions: '[table+id+field], [table+id]',
  // `node` for per-device queries, `[table+id]` for the history of one record.
  changeLog: 'hlc, node, [table+id]',
  outbox: '[table+id+field]',
  blobs: 'sha256',
  meta: 'key',
} as const;

export const STORES_V1 = { ...RECORD_STORES_V1, ...SYSTEM_STORES_V1 } as const;

/** Tables added by version 2. `assessmentId` lists one assessment's conflicts. */
export const STORES_V2_ADDED = {
  conflicts: 'lostHlc, assessmentId',
} as const;

/** Version 3: the peers table, and one node's changes in HLC order (changes since a vector entry). */
export const STORES_V3_CHANGED = {
  peers: '[assessmentId+peerId], assessmentId',
  changeLog: 'hlc, node, [table+id], [node+hlc]',
} as const;

/**
 * Version 4: incoming changes stamped too far ahead of this device's clock, kept until its clock
 * reaches them (src/sync/heldChanges.ts) instead of being refused for good or stopping the sync.
 * `[assessmentId+hlc]` reads one assessment's held changes in time order, the earliest due first.
 */
export const STORES_V4_ADDED = {
  heldChanges: '[assessmentId+hlc]',
} as const;

/** Applies every schema version, oldest first. Called once per Dexie instance, before opening. */
export function defineSchema(db: Dexie): void {
  db.version(1).stores(STORES_V1);
  db.version(2).stores(STORES_V2_ADDED);
  db.version(3).stores(STORES_V3_CHANGED).upgrade(upgradeToV3);
  db.version(4).stores(STORES_V4_ADDED);
}

/**
 * A row of a record table as written: a materialised record, valid or not (a merge may produce a
 * record that fails validation; it is stored as merged and reported by reads). Reads never trust
 * this type: every row read back is validated with the table's zod schema.
 */
export type StoredRecordRow = { readonly id: string } & Readonly<Record<string, unknown>>;

/** A row of `blobs` as written now: the bytes themselves. Reads also accept `LegacyBlobRow`. */
export interface BlobRow {
  readonly sha256: string;
  readonly mediaType: string;
  /** Size in bytes. */
  readonly bytes: number;
  readonly data: ArrayBuffer;
  /** ISO 8601 instant of the first store on this device. */
  readonly createdAt: string;
}

/** A row of `blobs` as written before the bytes were stored as such: a Blob (see `blobs` above). */
export interface LegacyBlobRow {
  readonly sha256: string;
  readonly mediaType: string;
  readonly bytes: number;
  readonly blob: Blob;
  readonly createdAt: string;
}

/**
 * A row of `peers`: the key, and whatever src/sync keeps about the peer (validated there on read).
 * `peerId` is the peer's node id for a device, `hub:<url>` for a sync hub.
 */
export interface PeerRow {
  readonly assessmentId: string;
  readonly peerId: string;
  readonly value: unknown;
}

/**
 * A row of `heldChanges`: an incoming change this device's clock may not receive yet, with what the
 * sender knew and where it came from; src/sync keeps the meaning and validates `value` on read.
 */
export interface HeldChangeRow {
  readonly assessmentId: string;
  readonly hlc: string;
  readonly value: unknown;
}

export interface MetaRow {
  readonly key: string;
  readonly value: unknown;
}

/** Meta key of the persisted HLC clock; the node id is part of it (`clock.nodeId`). */
export const CLOCK_META_KEY = 'clock';

type FieldKey = [table: string, id: string, field: string];

export type RecordTables = { readonly [T in TableName]: Table<StoredRecordRow, string> };

/**
 * The typed database handle. Create it with `openDatabase`; pass it around (no module-level
 * instance), so tests open as many independent databases as they like.
 */
export type MmdmaDatabase = Dexie &
  RecordTables & {
    readonly fieldVersions: Table<Change, FieldKey>;
    readonly changeLog: Table<Change, string>;
    readonly outbox: Table<Change, FieldKey>;
    readonly blobs: Table<BlobRow | LegacyBlobRow, string>;
    readonly meta: Table<MetaRow, string>;
    /** Rows are validated on read (conflicts.ts); the type is what this version writes. */
    readonly conflicts: Table<ConflictRow, string>;
    readonly peers: Table<PeerRow, [string, string]>;
    readonly heldChanges: Table<HeldChangeRow, [string, string]>;
  };

/** Every table name, for transactions that span the whole database. */
export const ALL_STORE_NAMES: readonly string[] = Object.keys({ ...STORES_V1, ...STORES_V2_ADDED, ...STORES_V3_CHANGED, ...STORES_V4_ADDED });
