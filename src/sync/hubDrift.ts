/**
 * Drift between this device and the team's hub, by the hub's digest (docs/hub-protocol.md,
 * "Digest"): per UTC day of the HLC wall time, the count of field winners and the SHA-256 of their
 * HLCs. This device computes the same over its own winners of the team's assessment; a day whose
 * count or hash differs is drift — the hub lacks a change this device holds, or this device lacks
 * one the hub holds (a device restored from an old backup with a newer cursor, a hub restored from
 * an old database backup, a page lost to a bug). Repair lives in hubSync.ts.
 */
import type { Change } from '../core/merge/change';
import { digestDayText, hlcDay, type DigestDay } from '../core/sync/hubProtocol';

/** This device's digest days for the given field winners (one change per field). */
export async function localDigestDays(winners: readonly Change[]): Promise<DigestDay[]> {
  const byDay = new Map<string, string[]>();
  for (const change of winners) {
    const day = hlcDay(change.hlc);
    const list = byDay.get(day);
    if (list === undefined) byDay.set(day, [change.hlc]);
    else list.push(change.hlc);
  }
  const days: DigestDay[] = [];
  for (const [day, hlcs] of byDay) {
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(digestDayText(hlcs))));
    days.push({ day, fields: hlcs.length, sha256: [...hash].map((b) => b.toString(16).padStart(2, '0')).join('') });
  }
  return days.sort((a, b) => (a.day < b.day ? -1 : 1));
}

/** The days on which the hub's digest and this device's differ (present on one side only, or other content). */
export function driftDays(hub: readonly DigestDay[], local: readonly DigestDay[]): string[] {
  const mine = new Map(local.map((d) => [d.day, d]));
  const theirs = new Map(hub.map((d) => [d.day, d]));
  const out = new Set<string>();
  for (const [day, d] of theirs) if (mine.get(day)?.sha256 !== d.sha256) out.add(day);
  for (const day of mine.keys()) if (!theirs.has(day)) out.add(day);
  return [...out].sort();
}
