/**
 * The team-sync status's place in the header while its code and its state are still loading: the
 * same box as the status button, invisible and silent. Without it the button arrived a moment after
 * the first paint and pushed the screen down on a tablet (layout shift 0.4 on the first screen).
 */
export function HubSyncPlaceholder() {
  return (
    <div class="hub-sync" aria-hidden="true">
      <span class="hub-sync-placeholder">
        <span class="save-dot" />
        {'\u00a0'}
      </span>
    </div>
  );
}
