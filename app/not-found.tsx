import { IntentLink } from "@/components/intent-link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="font-serif text-4xl font-bold">Page not found</h1>
      <p className="mt-3 text-stone-600">The story or page you were looking for isn&apos;t here. It may have moved or been unpublished.</p>
      <IntentLink href="/" className="btn-primary mt-6">
        Back to the home page
      </IntentLink>
    </div>
  );
}
