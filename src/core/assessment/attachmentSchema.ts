import { z } from 'zod';
import { uuidSchema } from '../ids/uuidSchema';
import { assessmentRecordShape, deletedSchema, textSchema } from './recordBase';

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 digest in 64 lower-case hex digits');

/** `type/subtype` per RFC 6838, parameters not allowed (they do not change how we store a blob). */
export const mediaTypeSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, 'must be a media type such as "image/jpeg"');

/**
 * Metadata of a blob. The blob itself is immutable and addressed by its SHA-256, so two devices
 * that attach the same photo store it once; only the caption and the link to an observation change.
 */
export const attachmentSchema = z.object({
  ...assessmentRecordShape,
  sha256: sha256HexSchema,
  mediaType: mediaTypeSchema,
  bytes: z.number().int().min(0),
  fileName: z.string(),
  caption: textSchema,
  observationId: uuidSchema.nullable(),
  deleted: deletedSchema,
});
export type Attachment = z.infer<typeof attachmentSchema>;
export type AttachmentInput = z.input<typeof attachmentSchema>;
