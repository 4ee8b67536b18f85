/**
 * A screen with nothing to show yet but its title and one line: a status while it loads (the
 * section busy), otherwise an alert saying why (no framework, nothing to rate).
 */
import type { ComponentChildren } from 'preact';

interface ScreenMessageProps {
  /** The screen's own class, so it keeps its layout. */
  readonly class: string;
  readonly title: string;
  readonly loading?: boolean;
  readonly children: ComponentChildren;
}

export function ScreenMessage({ class: className, title, loading = false, children }: ScreenMessageProps) {
  return (
    <section class={className} aria-busy={loading ? 'true' : undefined}>
      <h2>{title}</h2>
      <p role={loading ? 'status' : 'alert'}>{children}</p>
    </section>
  );
}
