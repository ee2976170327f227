/**
 * A DSFR radio fieldset for a controlled choice among string values (a form's format, a poll's
 * kind...): the legend names the question, each option's label comes from `label`.
 */
export function RadioChoice<T extends string>({
  legend,
  name,
  values,
  value,
  label,
  onChange,
  inline = false,
}: {
  legend: string;
  /** Unique on the page (radio group name, and the prefix of each option's id). */
  name: string;
  values: readonly T[];
  value: T;
  label: (value: T) => string;
  onChange: (value: T) => void;
  /** Options side by side, for short labels. */
  inline?: boolean;
}) {
  const elementClass = `fr-fieldset__element${inline ? ' fr-fieldset__element--inline' : ''}`;
  return (
    <fieldset className="fr-fieldset">
      <legend className="fr-fieldset__legend fr-text--regular">{legend}</legend>
      {values.map((option) => (
        <div className={elementClass} key={option}>
          <div className="fr-radio-group">
            <input
              type="radio"
              id={`${name}-${option}`}
              name={name}
              checked={value === option}
              onChange={() => onChange(option)}
            />
            <label className="fr-label" htmlFor={`${name}-${option}`}>
              {label(option)}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}
