/** Notes in the order they were taken (newest last); ids (UUIDv7) break ties in creation order. */
export function compareNotes(a: { readonly createdAt: string; readonly id: string }, b: { readonly createdAt: string; readonly id: string }): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
