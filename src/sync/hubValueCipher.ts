/**
 * End-to-end encryption of change values for the sync hub (scheme v1 of docs/hub-protocol.md,
 * "End-to-end encryption"), with Web Crypto only, so it runs in the app and in Node alike.
 *
 * The hub sees `hlc, node, table, id, field` and `enc`, never the value. The IV is synthetic
 * (HMAC of the AAD and the plaintext) rather than random, so encrypting the same change twice gives
 * the same bytes: a resend after a lost response is recognised as a duplicate, not as a conflict.
 */
import type { EncryptedHubChange, PlainHubChange } from '../core/sync/hubProtocol';

export const HUB_E2EE_SCHEME = 'mmdma-hub-e2ee/1';
export const HUB_E2EE_PBKDF2_ITERATIONS = 600_000;
const IV_BYTES = 12;

export interface HubValueKey {
  readonly encryptKey: CryptoKey;
  readonly ivKey: CryptoKey;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const ab = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

/** ~0.5 s: derive once per team and keep the key for the session. */
export async function deriveHubValueKey(passphrase: string, teamId: string, iterations = HUB_E2EE_PBKDF2_ITERATIONS): Promise<HubValueKey> {
  return importHubValueKey(await deriveHubValueKeyMaterial(passphrase, teamId, iterations));
}

/**
 * The 64 derived bytes (base64url), what a device keeps in its hub connection beside its token so
 * that the slow derivation runs once, at join, and the passphrase itself is never stored.
 */
export async function deriveHubValueKeyMaterial(passphrase: string, teamId: string, iterations = HUB_E2EE_PBKDF2_ITERATIONS): Promise<string> {
  const material = await crypto.subtle.importKey('raw', ab(utf8(passphrase.normalize('NFC'))), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: ab(utf8(`${HUB_E2EE_SCHEME}\u0000${teamId}`)), iterations }, material, 512),
  );
  return toBase64Url(bits);
}

/** base64url of 64 bytes, without padding. */
export const HUB_VALUE_KEY_MATERIAL_PATTERN = /^[A-Za-z0-9_-]{86}$/;

export async function importHubValueKey(material: string): Promise<HubValueKey> {
  const bits = fromBase64Url(material);
  if (bits.length !== 64) throw new Error('hub value key material must be 64 bytes');
  const encryptKey = await crypto.subtle.importKey('raw', ab(bits.subarray(0, 32)), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  const ivKey = await crypto.subtle.importKey('raw', ab(bits.subarray(32, 64)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return { encryptKey, ivKey };
}

type ChangeKey = Pick<PlainHubChange, 'hlc' | 'node' | 'table' | 'id' | 'field'>;

function additionalData(change: ChangeKey): Uint8Array {
  return utf8([HUB_E2EE_SCHEME, change.hlc, change.node, change.table, change.id, change.field].join('\u0000'));
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export async function encryptHubChange(key: HubValueKey, change: PlainHubChange): Promise<EncryptedHubChange> {
  const { value, ...rest } = change;
  const aad = additionalData(change);
  const plain = utf8(JSON.stringify(value));
  const ivSource = new Uint8Array(aad.length + 1 + plain.length);
  ivSource.set(aad, 0);
  ivSource.set(plain, aad.length + 1);
  const iv = new Uint8Array(await crypto.subtle.sign('HMAC', key.ivKey, ab(ivSource))).subarray(0, IV_BYTES);
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: ab(iv), additionalData: ab(aad) }, key.encryptKey, ab(plain)));
  const out = new Uint8Array(IV_BYTES + sealed.length);
  out.set(iv, 0);
  out.set(sealed, IV_BYTES);
  return { ...rest, enc: toBase64Url(out) };
}

/** The change in clear, or null when the ciphertext does not authenticate (wrong passphrase or tampering). */
export async function decryptHubChange(key: HubValueKey, change: EncryptedHubChange): Promise<PlainHubChange | null> {
  const { enc, ...rest } = change;
  try {
    const bytes = fromBase64Url(enc);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: ab(bytes.subarray(0, IV_BYTES)), additionalData: ab(additionalData(change)) },
      key.encryptKey,
      ab(bytes.subarray(IV_BYTES)),
    );
    return { ...rest, value: JSON.parse(new TextDecoder().decode(plain)) } as PlainHubChange;
  } catch {
    return null;
  }
}
