import { z } from 'zod';
import { UUID_PATTERN } from './uuidv7';

/** Record ids: client-made UUIDv7, or UUIDv8 from deterministicId for records with a natural key. */
export const uuidSchema = z.string().regex(UUID_PATTERN, 'must be a lower-case UUID');
export type Uuid = z.infer<typeof uuidSchema>;
