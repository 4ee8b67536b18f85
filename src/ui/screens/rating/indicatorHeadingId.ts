/** The DOM id of an indicator's heading on the rating screen; its track ratings are named by it too. */
export function indicatorHeadingId(indicatorId: string): string {
  return `indicator-${indicatorId}`.replace(/[^A-Za-z0-9_-]/g, '-');
}
