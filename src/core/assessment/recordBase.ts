/**
 * Fields and formats shared by every record of the assessment model.
 *
 * Records are materialised from field-level changes merged last-writer-wins (src/core/merge), so
 * each schema checks fields one by one and deliberately has no cross-field rules (end date after
 * start date, consent scope "none" when consent is not given, …): two independently valid edits by
 * two assessors can merge into a combination such a rule would reject, and a record that no
 * longer parses would be a record the app cannot show. Such rules belong in warnings in the UI.
 */
import { z } from 'zod';
import { uuidSchema } from '../ids/uuidSchema';

/** Calendar dates, `YYYY-MM-DD`, validated as real dates (no 30 February). */
export const isoDateSchema = z.iso.date();
/** Machine-made instants, UTC with `Z` (what `Date.prototype.toISOString` gives), so they sort as strings. */
export const isoDateTimeSchema = z.iso.datetime();

/** Deletes are a field like any other, so a delete merges (and can be undone) like an edit. */
export const deletedSchema = z.boolean().default(false);

/** Free text that may be empty, such as notes and rationales. */
export const textSchema = z.string().default('');

/** A name people see in lists: something other than blanks. */
export const nameSchema = z.string().trim().min(1, 'must not be empty');

export const recordIdShape = { id: uuidSchema };
/** Every record but the assessment itself belongs to one assessment. */
export const assessmentRecordShape = { id: uuidSchema, assessmentId: uuidSchema };
