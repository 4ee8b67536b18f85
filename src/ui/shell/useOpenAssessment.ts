/**
 * The open assessment as a screen reads it: the session and, from it, the records, the framework
 * index, the live estimate and "me" (each undefined, data null, until there). Reading the signals
 * here, during the caller's render, subscribes the caller to all of them; a component that needs
 * only some should read those itself rather than re-render on the others.
 */
import { useShell } from './ShellContext';

export function useOpenAssessment() {
  const shell = useShell();
  const session = shell.session.value;
  return {
    shell,
    session,
    data: session?.data.value ?? null,
    index: session?.index.value,
    estimate: session?.estimate.value,
    me: session?.me.value,
  };
}
