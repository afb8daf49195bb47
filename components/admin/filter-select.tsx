/** One labelled <select> of a GET filter form (admin lists): "any" first, then the choices. */
export function FilterSelect({ id, name, label, value, any, options }: { id: string; name: string; label: string; value: string | undefined; any: string; options: readonly (readonly [value: string, label: string])[] }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-semibold text-stone-800">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className="input h-[2.625rem]">
        <option value="">{any}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
