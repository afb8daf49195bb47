// Medium's export (Settings → Security and apps → Download your information): a zip whose
// `posts/` folder holds one HTML file per post, `draft_…html` for drafts. Each is an
// `<article class="h-entry">`: the title in `h1.p-name`, the subtitle in
// `section[data-field=subtitle]`, the story in `section[data-field=body]`, the date in
// `time.dt-published` and the post's address in `a.p-canonical`. Medium's export leaves images
// on its CDN, so they stay links. The file's fixed shape is read with patterns, not a DOM.
import { strFromU8 } from "fflate";
import { htmlToMarkdown } from "@/lib/porting/html-to-markdown";
import { shorten } from "@/lib/porting/ghost";
import { ImportFileError, readZip, type ImportItem, type ImportSource, type ItemError } from "@/lib/porting/import-source";

const decodeEntities = (text: string) => htmlToMarkdown(`<p>${text}</p>`).replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1");

function readPost(entry: string, html: string): ImportItem | ItemError {
  const title = /<h1 class="p-name">([\s\S]*?)<\/h1>/.exec(html)?.[1];
  if (title === undefined) return { entry, reason: "isn't a Medium post (no h1.p-name title)" };
  const body = /<section data-field="body" class="e-content">([\s\S]*)<\/section>\s*<footer>/.exec(html)?.[1];
  if (body === undefined) return { entry, reason: "has no story body (section data-field=body)" };
  const subtitle = /<section data-field="subtitle" class="p-summary">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? "";
  const published = /<time class="dt-published" datetime="([^"]+)"/.exec(html)?.[1];
  const name = entry.split("/").pop()!;
  const plainTitle = decodeEntities(title).trim();
  // Medium repeats the title (and often the subtitle) as the body's first graf; section dividers are decoration.
  const content = body
    .replace(/<h3[^>]*class="[^"]*graf--title[^"]*"[^>]*>[\s\S]*?<\/h3>/, "")
    .replace(/<h4[^>]*class="[^"]*graf--subtitle[^"]*"[^>]*>[\s\S]*?<\/h4>/, "")
    .replace(/<div class="section-divider"><hr class="section-divider"><\/div>/g, "");
  return {
    entry,
    sourceKey: `medium:${name.replace(/^draft_/, "")}`,
    title: plainTitle || name.replace(/\.html$/, ""),
    subtitle: shorten(decodeEntities(subtitle), 250),
    tags: [],
    date: published ? new Date(published) : undefined,
    published: !name.startsWith("draft_") && published !== undefined,
    heroImage: null,
    heroImageAlt: "",
    aiAssisted: false,
    commentsEnabled: true,
    body: htmlToMarkdown(content),
  };
}

export function readMediumExport(bytes: Uint8Array): ImportSource {
  const files = readZip(bytes);
  const posts = Object.keys(files)
    .filter((name) => /(^|\/)posts\/[^/]+\.html$/i.test(name))
    .sort();
  if (posts.length === 0) throw new ImportFileError("That isn't a Medium export: it has no posts/*.html files.");
  const items: ImportItem[] = [];
  const errors: ItemError[] = [];
  for (const entry of posts) {
    const read = readPost(entry, strFromU8(files[entry]));
    if ("reason" in read) errors.push(read);
    else items.push(read);
  }
  return { items, errors, imageBytes: () => null };
}
