/**
 * The two framework fields every assessment record carries (which framework, which version), apart
 * from the framework's own schema: records are read on the first screen, frameworks are not.
 */
import { z } from 'zod';

/** Ids are stable across framework versions; codes ("6.5.3") are what people type and may change. */
export const frameworkIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'must be lower-case letters, digits, "-" or "." (e.g. "data-management.access-to-data")');

export const semanticVersionSchema = z
  .string()
  .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/, 'must be a semantic version such as "1.0.0"');
