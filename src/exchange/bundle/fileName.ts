/**
 * Bundle file names that say whose work is in them and when, and that survive every file system, mail
 * client and USB stick: `armenia-2022_anna-petrosyan_2026-11-24.mmdma.zip`. ASCII only: Armenian and
 * Russian names are transliterated, other Latin letters lose their accents, anything else becomes a
 * hyphen.
 */
import { BUNDLE_FILE_SUFFIX } from './format';

const MAX_SLUG_CHARS = 40;

// Common romanisation of Armenian (close to the BGN/PCGN system), lower case only.
const ARMENIAN: Readonly<Record<string, string>> = {
  ա: 'a', բ: 'b', գ: 'g', դ: 'd', ե: 'e', զ: 'z', է: 'e', ը: 'y', թ: 't', ժ: 'zh', ի: 'i', լ: 'l', խ: 'kh',
  ծ: 'ts', կ: 'k', հ: 'h', ձ: 'dz', ղ: 'gh', ճ: 'ch', մ: 'm', յ: 'y', ն: 'n', շ: 'sh', ո: 'o', չ: 'ch',
  պ: 'p', ջ: 'j', ռ: 'r', ս: 's', վ: 'v', տ: 't', ր: 'r', ց: 'ts', ւ: 'v', փ: 'p', ք: 'k', օ: 'o', ֆ: 'f',
  և: 'ev',
};

// Russian, as in passports (ICAO 9303 style), lower case only.
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

/** Lower-case ASCII letters, digits and single hyphens; `fallback` when nothing is left. */
export function slugify(text: string, fallback: string): string {
  const lower = text.toLowerCase().replace(/ու/g, 'u');
  let latin = '';
  for (const char of lower) latin += ARMENIAN[char] ?? CYRILLIC[char] ?? char;
  const slug = latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_CHARS)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/** The device's calendar date of an instant, YYYY-MM-DD (the day the assessor sees). */
export function localDate(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The default file name of an export. An encrypted bundle's name must say nothing its content hides
 * (a file name is shown by every mail client, USB stick and file listing): no title, no assessor,
 * no date — only that it is an encrypted MMDMA bundle and a short piece of its random id, so that
 * two of them can be told apart.
 */
export function exportFileName(options: { encrypted: boolean; bundleId: string; title: string; assessor: string; createdAtMs: number }): string {
  if (options.encrypted) return `mmdma-encrypted_${options.bundleId.replace(/-/g, '').slice(0, 12)}${BUNDLE_FILE_SUFFIX}`;
  return bundleFileName(options.title, options.assessor, options.createdAtMs);
}

export function bundleFileName(assessmentTitle: string, assessor: string, createdAtMs: number): string {
  return `${slugify(assessmentTitle, 'assessment')}_${slugify(assessor, 'assessor')}_${localDate(createdAtMs)}${BUNDLE_FILE_SUFFIX}`;
}
