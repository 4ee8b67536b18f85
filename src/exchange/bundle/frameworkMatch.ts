/**
 * When a bundle's framework fits the one here. Framework ids of pillars, sub-topics, indicators,
 * tracks and levels are stable across versions of one framework (docs/framework-format.md), and a
 * minor or patch version only adds or rewords; a major version may remove or re-number. So a bundle
 * of the same framework and major version is "migrated" by keeping its ids unchanged, and anything
 * else is refused with the reason.
 */
import type { FrameworkRef } from './format';

export type FrameworkFit =
  | { readonly fit: 'same' }
  | { readonly fit: 'compatible'; readonly note: string }
  | { readonly fit: 'incompatible'; readonly reason: string };

export function frameworkFit(bundle: FrameworkRef, local: FrameworkRef, localWhat: string): FrameworkFit {
  if (bundle.id !== local.id) {
    return { fit: 'incompatible', reason: `The bundle uses framework "${bundle.id}" ${bundle.version}; ${localWhat} uses "${local.id}" ${local.version}.` };
  }
  if (bundle.version === local.version) return { fit: 'same' };
  if (major(bundle.version) !== major(local.version)) {
    return {
      fit: 'incompatible',
      reason: `The bundle uses ${bundle.id} ${bundle.version} and ${localWhat} uses ${local.version}: different major versions may number indicators differently, and no migration between them is known.`,
    };
  }
  return {
    fit: 'compatible',
    note: `The bundle uses ${bundle.id} ${bundle.version} and ${localWhat} uses ${local.version}: same major version, so its ids are kept as they are.`,
  };
}

/**
 * Checks a bundle's framework against the installed ones: one with the same id and major version,
 * at least as new as the bundle's (an older one may lack sub-topics the bundle refers to).
 */
export function installedFrameworkFit(bundle: FrameworkRef, installed: readonly FrameworkRef[]): FrameworkFit {
  const sameId = installed.filter((f) => f.id === bundle.id);
  if (sameId.length === 0) {
    const names = installed.map((f) => `${f.id} ${f.version}`).join(', ') || 'none';
    return { fit: 'incompatible', reason: `The bundle uses framework "${bundle.id}" ${bundle.version}, which is not installed here (installed: ${names}). Import the framework first.` };
  }
  if (sameId.some((f) => f.version === bundle.version)) return { fit: 'same' };
  const usable = sameId.filter((f) => major(f.version) === major(bundle.version) && compareVersions(f.version, bundle.version) >= 0);
  if (usable.length > 0) {
    return { fit: 'compatible', note: `The bundle uses ${bundle.id} ${bundle.version}; ${usable[0]!.version} is installed, of the same major version.` };
  }
  return {
    fit: 'incompatible',
    reason: `The bundle uses ${bundle.id} ${bundle.version}; installed here: ${sameId.map((f) => f.version).join(', ')}. Install ${bundle.id} ${bundle.version} or newer of the same major version.`,
  };
}

function major(version: string): number {
  return Number(version.split('.')[0]);
}

/** Semantic-version order of the numeric parts; pre-release tags sort before the release. */
export function compareVersions(a: string, b: string): number {
  const [coreA, preA] = splitVersion(a);
  const [coreB, preB] = splitVersion(b);
  for (let i = 0; i < 3; i++) {
    const d = (coreA[i] ?? 0) - (coreB[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}

function splitVersion(version: string): [number[], string | undefined] {
  const dash = version.indexOf('-');
  const core = dash < 0 ? version : version.slice(0, dash);
  return [core.split('.').map(Number), dash < 0 ? undefined : version.slice(dash + 1)];
}
