/**
 * The assessment framework as data. These zod schemas are the single source of truth for the
 * framework file format (docs/framework-format.md); the TypeScript types are inferred from them.
 *
 * Structural rules that a plain shape cannot express (unique ids, every level present in every
 * descriptor set, descriptors keyed by known tracks, the target level being a real level) are
 * checked in `validateFramework`, which reports every problem with its path rather than the first.
 */
import { z } from 'zod';
import { frameworkIdSchema, semanticVersionSchema } from './frameworkIds';

/** Languages are BCP 47 tags; English is required everywhere so there is always a fallback. */
const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "hy"');

export const localizedTextSchema = z
  .object({ en: z.string().trim().min(1, 'English text is required') })
  .catchall(z.string().trim().min(1, 'must not be empty'))
  .superRefine((text, ctx) => {
    for (const key of Object.keys(text)) {
      if (!languageTag.safeParse(key).success) {
        ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is not a language tag` });
      }
    }
  });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export { frameworkIdSchema, semanticVersionSchema };

export const levelSchema = z.object({
  id: frameworkIdSchema,
  name: localizedTextSchema,
  definition: localizedTextSchema,
});
export type Level = z.infer<typeof levelSchema>;

export const trackSchema = z.object({
  id: frameworkIdSchema,
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
});
export type Track = z.infer<typeof trackSchema>;

/**
 * `report`: quoted verbatim from the source report at the level the report gives it.
 * `derived`: written to complete the scale, following the report's own patterns.
 */
export const descriptorSourceSchema = z.enum(['report', 'derived']);
export type DescriptorSource = z.infer<typeof descriptorSourceSchema>;

export const descriptorSchema = z.object({
  text: localizedTextSchema,
  source: descriptorSourceSchema,
});
export type Descriptor = z.infer<typeof descriptorSchema>;

/** One descriptor per level id; completeness against the framework's levels is checked later. */
export const descriptorSetSchema = z.record(z.string(), descriptorSchema);
export type DescriptorSet = z.infer<typeof descriptorSetSchema>;

/** Key for an indicator whose descriptors apply to every track (the report's 6.8.1 and 6.8.2). */
export const SHARED_TRACK_KEY = 'shared';

export const indicatorSchema = z.object({
  id: frameworkIdSchema,
  code: z.string().trim().min(1),
  label: localizedTextSchema,
  /**
   * Keyed by track id, or by "shared" alone when one scale serves every track. An indicator is
   * judged only on the tracks it has descriptors for (the report's 6.4.2 has none for migration).
   */
  descriptors: z.record(z.string(), descriptorSetSchema),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const subTopicSchema = z.object({
  id: frameworkIdSchema,
  code: z.string().trim().min(1),
  name: localizedTextSchema,
  /** Other names the sub-topic goes by (report tables, other countries), for type-ahead. */
  aliases: z.array(z.string().trim().min(1)).default([]),
  /** A sub-topic may be descriptive only (the report's 6.3.3): it is captured but not scored. */
  indicators: z.array(indicatorSchema),
  questions: z.array(localizedTextSchema).default([]),
});
export type SubTopic = z.infer<typeof subTopicSchema>;

export const pillarSchema = z.object({
  id: frameworkIdSchema,
  code: z.string().trim().min(1),
  name: localizedTextSchema,
  overview: localizedTextSchema.optional(),
  subTopics: z.array(subTopicSchema).min(1, 'a pillar needs at least one sub-topic'),
});
export type Pillar = z.infer<typeof pillarSchema>;

export const FRAMEWORK_FORMAT = 'mmdma-framework';
export const FRAMEWORK_FORMAT_VERSION = 1;

export const frameworkSchema = z.object({
  format: z.literal(FRAMEWORK_FORMAT),
  formatVersion: z.literal(FRAMEWORK_FORMAT_VERSION),
  id: frameworkIdSchema,
  version: semanticVersionSchema,
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
  source: z
    .object({ title: z.string().min(1), publisher: z.string().min(1), year: z.number().int().min(1900).max(2200) })
    .optional(),
  /** Languages the framework's texts are complete in; English must be one of them. */
  languages: z.array(languageTag).min(1),
  /** Ordered from lowest to highest maturity; a level's rank is its index + 1. */
  levels: z.array(levelSchema).min(2, 'a framework needs at least two levels'),
  targetLevel: frameworkIdSchema,
  tracks: z.array(trackSchema).min(1, 'a framework needs at least one track'),
  pillars: z.array(pillarSchema).min(1, 'a framework needs at least one pillar'),
});
export type Framework = z.infer<typeof frameworkSchema>;
/** The shape accepted on input (defaults not yet applied), for fixtures and imports. */
export type FrameworkInput = z.input<typeof frameworkSchema>;
