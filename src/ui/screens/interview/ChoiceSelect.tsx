/** A compact labelled select (label before it, on the same line) for the composer's toolbar. */
export interface ChoiceOption<V extends string> {
  readonly value: V;
  readonly text: string;
  readonly shortcut?: string | undefined;
}

interface ChoiceSelectProps<V extends string> {
  readonly id: string;
  readonly label: string;
  readonly value: V;
  readonly options: readonly ChoiceOption<V>[];
  readonly onChange: (value: V) => void;
}

export function ChoiceSelect<V extends string>({ id, label, value, options, onChange }: ChoiceSelectProps<V>) {
  const shortcuts = options.map((option) => option.shortcut).filter((shortcut): shortcut is string => shortcut !== undefined);
  return (
    <span class="choice-select">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-keyshortcuts={shortcuts.length > 0 ? shortcuts.join(' ') : undefined}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.currentTarget.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.shortcut ? `${option.text} (${option.shortcut})` : option.text}
          </option>
        ))}
      </select>
    </span>
  );
}
