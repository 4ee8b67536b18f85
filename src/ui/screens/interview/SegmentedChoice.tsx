/**
 * A row of radio buttons drawn as one segmented control: native radios, so arrow keys move the
 * choice and a screen reader says "2 of 3", with a visible label per option and touch-sized targets.
 */
import type { ComponentChild } from 'preact';

export interface SegmentedOption<V extends string> {
  readonly value: V;
  readonly label: ComponentChild;
  /** aria-keyshortcuts of this option ("Alt+Q"). */
  readonly shortcut?: string | undefined;
}

interface SegmentedChoiceProps<V extends string> {
  readonly name: string;
  readonly legend: string;
  readonly options: readonly SegmentedOption<V>[];
  readonly value: V;
  readonly onChange: (value: V) => void;
  readonly class?: string;
}

export function SegmentedChoice<V extends string>({ name, legend, options, value, onChange, class: className }: SegmentedChoiceProps<V>) {
  return (
    <fieldset class={className ? `segmented ${className}` : 'segmented'}>
      <legend class="visually-hidden">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} class={option.value === value ? 'segment is-checked' : 'segment'}>
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={option.value === value}
            aria-keyshortcuts={option.shortcut}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
