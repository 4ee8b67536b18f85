/**
 * The tables of the assessment model. A table name appears in every change (`change.table`), so
 * these names are part of the bundle and sync formats: add, never rename.
 */
import { z } from 'zod';
import { assessmentSchema } from './assessmentSchema';
import { assessorSchema } from './assessorSchema';
import { attachmentSchema } from './attachmentSchema';
import { consensusSchema } from './consensusSchema';
import { findingSchema } from './findingSchema';
import { institutionSchema } from './institutionSchema';
import { intervieweeSchema } from './intervieweeSchema';
import { interviewSchema } from './interviewSchema';
import { observationSchema } from './observationSchema';
import { ratingSchema } from './ratingSchema';

/** Bumped when a record's shape changes incompatibly; bundles carry it as `schemaVersion`. */
export const ASSESSMENT_SCHEMA_VERSION = 1;

export const tableNames = [
  'assessment',
  'assessor',
  'institution',
  'interview',
  'interviewee',
  'observation',
  'attachment',
  'rating',
  'consensus',
  'finding',
] as const;

export const tableNameSchema = z.enum(tableNames);
export type TableName = z.infer<typeof tableNameSchema>;

export const recordSchemas = {
  assessment: assessmentSchema,
  assessor: assessorSchema,
  institution: institutionSchema,
  interview: interviewSchema,
  interviewee: intervieweeSchema,
  observation: observationSchema,
  attachment: attachmentSchema,
  rating: ratingSchema,
  consensus: consensusSchema,
  finding: findingSchema,
} as const satisfies Record<TableName, z.ZodType>;

/** The record type stored in a table, e.g. `RecordOf<'rating'>` is `Rating`. */
export type RecordOf<T extends TableName> = z.infer<(typeof recordSchemas)[T]>;
export type RecordInputOf<T extends TableName> = z.input<(typeof recordSchemas)[T]>;
