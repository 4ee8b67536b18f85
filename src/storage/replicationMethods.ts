/**
 * The store's methods that only replication (bundles, the hub) and conflict review use, in one
 * module that createStore loads on first use: they are about a third of the storage code, and the
 * first screen (list and create assessments) needs none of them, so they stay out of its download.
 */
export { applyIncomingChanges } from './applyIncomingChanges';
export { assessmentChangesSince, heldBlobs, readAssessmentOutline } from './assessmentChanges';
export { listConflicts, markConflictReviewed } from './conflicts';
export { acknowledgeChanges, pendingChanges } from './pendingChanges';
export { dropHeldChangeRows, heldChangeSummary, holdChangeRows, listHeldChangeRows } from './heldChanges';
export { deletePeerRow, listPeerRows, updatePeerRow } from './peers';
export { putVerifiedBlobs } from './putBlob';
export { readIncomingState } from './readIncomingState';
export { changesSince, versionVector } from './readChangeLog';
