import { Fragment } from "react";

// http(s) addresses in plain text; trailing punctuation usually ends the sentence, not the link.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]]+$/;

/** Plain text (a bio) with its web addresses as links. Everything else stays text, so nothing in it can become markup. */
export function LinkifiedText({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0];
    const url = raw.replace(TRAILING, "");
    if (!URL.canParse(url)) continue;
    parts.push(<Fragment key={`t${last}`}>{text.slice(last, match.index)}</Fragment>);
    parts.push(
      <a key={`a${match.index}`} href={url} rel="nofollow noopener ugc" className="link break-all">
        {url.replace(/^https?:\/\//, "")}
      </a>,
    );
    last = match.index + url.length;
  }
  parts.push(<Fragment key={`t${last}`}>{text.slice(last)}</Fragment>);
  return <>{parts}</>;
}
