import Form from "next/form";
import { Field } from "@/components/forms/field";
import { SEARCH_QUERY_MAX, type SearchParams } from "@/lib/validation/search";

type Option = { slug: string; name: string };
type Props = { values: Pick<SearchParams, "q" | "community" | "tag">; communities: Option[]; tags: Option[]; error?: string };

/** The search page's form: a GET to /search, so it works before JavaScript loads, or without it. */
export function SearchForm({ values, communities, tags, error }: Props) {
  return (
    // Keyed by the search (a client element, so the key survives server rendering): the fields show
    // the search after a link (a suggestion, Load more) changes the URL, even when the reader typed.
    <Form key={[values.q, values.community, values.tag].join("\n")} action="/search" prefetch={false} className="space-y-4">
      <Field name="q" label="Search stories" errors={error ? [error] : undefined}>
        {(field) => (
          <div className="flex gap-2">
            <input {...field} type="search" defaultValue={values.q} maxLength={SEARCH_QUERY_MAX} className="input" />
            <button type="submit" className="btn-primary shrink-0">
              Search
            </button>
          </div>
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <FilterSelect name="community" label="Community" anyLabel="All communities" options={communities} value={values.community} />
        <FilterSelect name="tag" label="Tag" anyLabel="All tags" options={tags} value={values.tag} />
      </div>
    </Form>
  );
}

function FilterSelect({ name, label, anyLabel, options, value }: { name: string; label: string; anyLabel: string; options: Option[]; value?: string }) {
  return (
    <Field name={name} label={label}>
      {(field) => (
        <select {...field} defaultValue={value ?? ""} className="input">
          <option value="">{anyLabel}</option>
          {options.map((option) => (
            <option key={option.slug} value={option.slug}>
              {option.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
