/**
 * Random secrets and their hashes. Tokens, invite codes and the hub secret leave the hub once, when
 * made; the database keeps only SHA-256, so a copy of it lets nobody in. SHA-256 without salt is
 * right here because the secrets are 100–256 random bits, not passwords.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

export function newDeviceToken(): string {
  return `mmdma_d_${randomBytes(32).toString('base64url')}`;
}

export function newHubSecret(): string {
  return `mmdma_h_${randomBytes(32).toString('base64url')}`;
}

/** 20 Crockford base32 characters (100 bits) in groups of five: easy to read aloud and type. */
export function newInviteCode(): string {
  const bytes = randomBytes(20);
  let code = '';
  for (let i = 0; i < 20; i += 1) {
    code += CROCKFORD[bytes[i]! & 31];
    if (i % 5 === 4 && i < 19) code += '-';
  }
  return code;
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
