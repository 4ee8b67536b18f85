/**
 * A bundle of one assessment whose one interview holds `notes` notes, written in Node with the app's
 * own bundle writer (src/exchange/bundle) — so a journey gets a long interview into any engine through
 * the app's import screen, with no test hook in the app and without typing 400 notes.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Change } from '../../../src/core/merge/change';
import { versionVector } from '../../../src/core/merge/versionVector';
import { writeBundle } from '../../../src/exchange/bundle/writeBundle';
import { NODE_B, recordChanges, stamper } from '../../integration/support/bundleTestKit';

export interface LongInterviewBundle {
  readonly path: string;
  readonly assessmentId: string;
  readonly interviewId: string;
  readonly leadId: string;
  /** The notes' texts, oldest first. */
  readonly texts: readonly string[];
}

export const longNoteText = (index: number) => `Long interview note ${index + 1}: the registry answers by letter within ten working days.`;

export async function writeLongInterviewBundle(folder: string, notes: number): Promise<LongInterviewBundle> {
  const stamp = stamper(NODE_B);
  const assessmentId = randomUUID();
  const leadId = randomUUID();
  const institutionId = randomUUID();
  const interviewId = randomUUID();
  const title = `Long interview (${notes} notes)`;
  const texts = Array.from({ length: notes }, (_, index) => longNoteText(index));
  const changes: Change[] = [
    ...recordChanges(stamp, 'assessment', assessmentId, {
      title,
      country: 'Armenia',
      startDate: '2022-10-03',
      endDate: '2022-10-07',
      frameworkId: 'mmdma',
      frameworkVersion: '1.0.0',
      status: 'fieldwork',
      notes: '',
      deleted: false,
    }),
    ...recordChanges(stamp, 'assessor', leadId, { assessmentId, name: 'Anna Lead', role: 'lead', deleted: false }),
    ...recordChanges(stamp, 'institution', institutionId, {
      assessmentId,
      name: 'State Migration Service',
      acronym: 'SMS',
      kind: 'Agency',
      relevantPillarIds: ['data-management'],
      deleted: false,
    }),
    ...recordChanges(stamp, 'interview', interviewId, {
      assessmentId,
      institutionId,
      date: '2022-10-04',
      interviewerIds: [leadId],
      status: 'done',
      consent: { given: true, scope: 'notes' },
      notes: '',
      deleted: false,
    }),
    ...texts.flatMap((text, index) =>
      recordChanges(stamp, 'observation', randomUUID(), {
        assessmentId,
        interviewId,
        authorId: leadId,
        kind: 'note',
        text,
        tags: [],
        suggestedLevel: null,
        attachmentIds: [],
        // One a minute from 09:00, so the list's order is the notes' order.
        createdAt: new Date(Date.UTC(2022, 9, 4, 9, 0, 0) + index * 60_000).toISOString(),
        deleted: false,
      }),
    ),
  ];
  const written = await writeBundle({
    bundleId: randomUUID(),
    createdAt: new Date().toISOString(),
    createdBy: { kind: 'device', node: NODE_B, assessor: 'Anna Lead', assessorId: leadId },
    assessment: { id: assessmentId, title },
    framework: { id: 'mmdma', version: '1.0.0' },
    versionVector: versionVector(changes),
    since: null,
    includesAttachments: true,
    blobsHeld: [],
    blobs: [],
    changes,
  });
  if (!written.ok) throw new Error(`the long interview's bundle was refused: ${written.error.message}`);
  const path = join(folder, `mmdma-long-interview-${notes}.mmdma.zip`);
  writeFileSync(path, new Uint8Array(await written.value.blob!.arrayBuffer()));
  return { path, assessmentId, interviewId, leadId, texts };
}
