/** Ranks come from the framework's level list; one outside it is a bug in the caller, so these throw. */
export function assertLevelCount(levelCount: number, where: string): void {
  if (!Number.isInteger(levelCount) || levelCount < 1) {
    throw new RangeError(`${where}: level count ${levelCount} is not a positive integer`);
  }
}

export function assertRank(rank: number, levelCount: number, where: string): void {
  if (!Number.isInteger(rank) || rank < 0 || rank >= levelCount) {
    throw new RangeError(`${where}: rank ${rank} is not in 0..${levelCount - 1}`);
  }
}
