/**
 * The date field (shared/DateInput) for forms of the first screen, whose JavaScript has a budget:
 * its code is fetched on first use, in the few milliseconds the service worker's cache takes. Until
 * then an input of the same size, and the line under it, hold its place, so nothing moves when it
 * arrives (the first screen must not shift).
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { DateInputProps } from '../../shared/DateInput';

let loaded: ComponentType<DateInputProps> | undefined;
let loading: Promise<ComponentType<DateInputProps>> | undefined;

export function LazyDateInput(props: DateInputProps) {
  const [DateInput, setDateInput] = useState(() => loaded);
  useEffect(() => {
    if (DateInput !== undefined) return undefined;
    let live = true;
    loading ??= import('../../shared/DateInput').then((module) => (loaded = module.DateInput));
    loading.then(
      (component) => {
        if (live) setDateInput(() => component);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [DateInput]);
  if (DateInput !== undefined) return <DateInput {...props} />;
  return (
    <>
      <input id={props.id} name={props.name} type="text" class="date-input" value={props.value} required={props.required} readOnly aria-describedby={props.describedBy} />
      <span class="date-input-words">{'\u00a0'}</span>
    </>
  );
}
