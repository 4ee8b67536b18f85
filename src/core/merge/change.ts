/**
 * A change is one field of one record set to one value at one moment: the unit that the change log
 * stores, bundles carry and the sync hub relays. Records are what you get by folding changes
 * (mergeChanges.ts), never the other way round.
 */
import { z } from 'zod';
import { hlcSchema, nodeIdSchema, parseHlc } from '../clock/hlc';
import { tableNameSchema } from '../assessment/recordSchemas';
import { uuidSchema } from '../ids/uuidSchema';

/**
 * Names that would reach an object's prototype if a field were ever written with `obj[field] = v`.
 * The merge code itself uses Maps and `Object.fromEntries`, but records leave the core as plain
 * objects and not every consumer will be as careful.
 */
export const FORBIDDEN_FIELD_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export const fieldNameSchema = z
  .string()
  .min(1, 'must not be empty')
  .refine((name) => !FORBIDDEN_FIELD_NAMES.includes(name), { message: 'is a reserved name' });

/** Any JSON value; `undefined`, NaN and Infinity are rejected because they do not survive a bundle. */
export const jsonValueSchema = z.json();
export type JsonValue = z.infer<typeof jsonValueSchema>;

export const changeSchema = z
  .object({
    hlc: hlcSchema,
    /** Redundant with the HLC's last part; kept so the hub can index and filter by node cheaply. */
    node: nodeIdSchema,
    table: tableNameSchema,
    /** The record's id. The id is the key, not a field: a change to a field named "id" is ignored. */
    id: uuidSchema,
    field: fieldNameSchema,
    value: jsonValueSchema,
  })
  .superRefine((change, ctx) => {
    const parts = parseHlc(change.hlc);
    if (parts && parts.nodeId !== change.node) {
      ctx.addIssue({ code: 'custom', path: ['node'], message: `does not match the node of the timestamp (${parts.nodeId})` });
    }
  });
export type Change = z.infer<typeof changeSchema>;
