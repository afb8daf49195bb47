// Structure checks for Markdown before it is rendered. Pure and client-safe (the editor may use
// them too): one linear pass over the text, no regular expressions that could backtrack.
//
// Why: the limits were measured against the first parser (micromark, under remark), which is
// fast on ordinary writing but slow or worse on some shapes (docs/security.md, "Bounded
// rendering"): deep nesting of quotes and lists overflowed the stack or the heap (7,000 nested `>`
// took a 192 MB heap down); every quote or list item that ends copied the document's whole event
// list, so thousands of them cost time quadratic in the length; a paragraph's `*`/`_` runs are
// matched against each other (`"*_"` × 50,000 took 149 s); nested brackets, code-span marks, links
// and table cells cost far more per character than prose. The parser is now markdown-it
// (lib/content/markdown-pipeline.mjs), linear on all of those, but still several times slower
// than prose on some (emphasis runs, distinct footnotes, wide tables): the limits stay, as the
// messages a writer sees before anything is rendered. Each is far past what writing needs.

export type StructureLimits = {
  /** "Stories" or "Comments", for the messages. */
  noun: string;
  maxLines: number;
  /** Quotes and lists inside each other, counted together. */
  maxNesting: number;
  /** Quotes and list items started, each weighted by how deep it starts (see the header). */
  maxContainerWeight: number;
  /** `*`, `_` and `~` in one paragraph (runs of them are matched against each other). */
  maxEmphasisMarksPerParagraph: number;
  /** A run of `*`, `_`, `~` or backticks next to text (a long run nests that many levels). */
  maxMarkRun: number;
  maxCodeMarksPerParagraph: number;
  maxBracketsPerParagraph: number;
  maxBrackets: number;
  maxAngleBracketsPerParagraph: number;
  maxTableColumns: number;
  maxTableCells: number;
  /** `[label]: url` link reference definitions and `[^note]:` footnote definitions. */
  maxDefinitions: number;
};

export const STORY_STRUCTURE: StructureLimits = {
  noun: "Stories",
  maxLines: 5_000,
  maxNesting: 10,
  maxContainerWeight: 1_000,
  maxEmphasisMarksPerParagraph: 400,
  maxMarkRun: 32,
  maxCodeMarksPerParagraph: 200,
  maxBracketsPerParagraph: 200,
  maxBrackets: 4_000,
  maxAngleBracketsPerParagraph: 200,
  maxTableColumns: 64,
  maxTableCells: 2_500,
  maxDefinitions: 500,
};

export const COMMENT_STRUCTURE: StructureLimits = {
  ...STORY_STRUCTURE,
  noun: "Comments",
  maxLines: 300,
  maxContainerWeight: 300,
};

const fmt = (n: number) => n.toLocaleString("en");

type Container = { quote: true; indent: 0 } | { quote: false; indent: number };
type Fence = { mark: string; length: number; level: number };

const isSpace = (c: string | undefined) => c === " " || c === "\t";
const isBlankFrom = (line: string, pos: number) => {
  for (let i = pos; i < line.length; i++) if (!isSpace(line[i])) return false;
  return true;
};
/** Spaces (a tab counts as four) from `pos`: how far the text is indented. */
function indentAt(line: string, pos: number): { width: number; end: number } {
  let width = 0;
  let end = pos;
  while (end < line.length && isSpace(line[end])) width += line[end++] === "\t" ? 4 : 1;
  return { width, end };
}
/** Moves past `columns` columns of indentation (or as many as there are). */
function skipColumns(line: string, pos: number, columns: number): number {
  let width = 0;
  while (pos < line.length && width < columns && isSpace(line[pos])) width += line[pos++] === "\t" ? 4 : 1;
  return pos;
}
/** A `-`, `+`, `*` or `1.`/`1)` list marker at `pos`: the position after it, or -1. */
function listMarkerEnd(line: string, pos: number): number {
  const c = line[pos];
  let end = -1;
  if (c === "-" || c === "+" || c === "*") end = pos + 1;
  else {
    let i = pos;
    while (i < line.length && i - pos < 9 && line[i] >= "0" && line[i] <= "9") i++;
    if (i > pos && (line[i] === "." || line[i] === ")")) end = i + 1;
  }
  return end !== -1 && (end === line.length || isSpace(line[end])) ? end : -1;
}
/** `***`, `- - -`, `___`: a line of one mark, which is a rule, not a list item or emphasis. Its number of marks, or 0. */
function thematicBreakMarks(line: string, pos: number): number {
  const mark = line[pos];
  if (mark !== "-" && mark !== "*" && mark !== "_") return 0;
  let count = 0;
  for (let i = pos; i < line.length; i++) {
    if (line[i] === mark) count++;
    else if (!isSpace(line[i])) return 0;
  }
  return count >= 3 ? count : 0;
}
const isThematicBreak = (line: string, pos: number) => thematicBreakMarks(line, pos) > 0;
/** A ``` or ~~~ fence at `pos`: its mark and length, or null. */
function fenceAt(line: string, pos: number): { mark: string; length: number } | null {
  const mark = line[pos];
  if (mark !== "`" && mark !== "~") return null;
  let i = pos;
  while (line[i] === mark) i++;
  if (i - pos < 3) return null;
  if (mark === "`") for (let j = i; j < line.length; j++) if (line[j] === "`") return null;
  return { mark, length: i - pos };
}
/** A GFM table's delimiter row (`| --- | :-: |`): its number of columns, or 0. */
function delimiterRowColumns(line: string, pos: number): number {
  let cells = 0;
  let dashes = 0;
  let pipes = 0;
  let inCell = false;
  for (let i = pos; i < line.length; i++) {
    const c = line[i];
    if (c === "|") {
      pipes++;
      if (inCell) cells++;
      inCell = false;
    } else if (c === "-") {
      dashes++;
      inCell = true;
    } else if (c === ":") inCell = true;
    else if (!isSpace(c)) return 0;
  }
  if (inCell) cells++;
  return dashes > 0 && (pipes > 0 || cells === 1) && cells > 0 ? cells : 0;
}
/** `[label]:` at `pos` (a link reference or footnote definition). */
function isDefinition(line: string, pos: number): boolean {
  if (line[pos] !== "[") return false;
  for (let i = pos + 1; i < line.length && i - pos < 1000; i++) {
    if (line[i] === "\\") i++;
    else if (line[i] === "[") return false;
    else if (line[i] === "]") return line[i + 1] === ":";
  }
  return false;
}

/**
 * The first way the text's structure goes past `limits`, as a message that says what to change,
 * or null when it may be rendered. Linear in the length of the text.
 */
export function markdownStructureProblem(text: string, limits: StructureLimits): string | null {
  // Counted before splitting, so a text of many lines is refused without building them all.
  let lineCount = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineCount++;
  }
  if (lineCount > limits.maxLines) return `${limits.noun} can have at most ${fmt(limits.maxLines)} lines (this has ${fmt(lineCount)}); join short lines or split it into parts`;
  const lines = text.split(/\r\n|\r|\n/);

  const stack: Container[] = [];
  let fence: Fence | null = null;
  let containerWeight = 0;
  let definitions = 0;
  let brackets = 0;
  // Per paragraph (reset by a blank line or a new block).
  let emphasisMarks = 0;
  let codeMarks = 0;
  let paragraphBrackets = 0;
  let angleBrackets = 0;
  let inParagraph = false;
  let table: { columns: number; cells: number } | null = null;
  let previousLine = "";

  for (const line of lines) {
    const blank = isBlankFrom(line, 0);
    // Which open quotes and list items this line continues.
    let pos = 0;
    let matched = 0;
    for (; matched < stack.length; matched++) {
      const container = stack[matched];
      if (container.quote) {
        const { width, end } = indentAt(line, pos);
        if (width > 3 || line[end] !== ">") break;
        pos = end + 1;
        if (isSpace(line[pos])) pos++;
      } else if (blank) {
        continue;
      } else {
        const { width } = indentAt(line, pos);
        if (width < container.indent) break;
        pos = skipColumns(line, pos, container.indent);
      }
    }

    if (fence) {
      if (matched >= fence.level) {
        const { width, end } = indentAt(line, pos);
        const closing = width <= 3 ? fenceAt(line, end) : null;
        if (closing && closing.mark === fence.mark && closing.length >= fence.length && isBlankFrom(line, end + closing.length)) fence = null;
        continue;
      }
      fence = null;
    }

    // New quotes and list items this line opens.
    let opened = 0;
    for (;;) {
      const { width, end } = indentAt(line, pos);
      if (width > 3 || end >= line.length) break;
      let next = -1;
      let container: Container | null = null;
      if (line[end] === ">") {
        next = end + 1;
        if (isSpace(line[next])) next++;
        container = { quote: true, indent: 0 };
      } else if (!isThematicBreak(line, end)) {
        const markerEnd = listMarkerEnd(line, end);
        if (markerEnd !== -1) {
          const after = indentAt(line, markerEnd);
          const gap = after.end === line.length || after.width > 4 ? 1 : after.width;
          next = skipColumns(line, markerEnd, gap);
          container = { quote: false, indent: width + (markerEnd - end) + gap };
        }
      }
      if (!container) break;
      if (opened === 0) stack.length = matched;
      stack.push(container);
      opened++;
      pos = next;
      containerWeight += stack.length;
      if (stack.length > limits.maxNesting) {
        const quotes = stack.filter((c) => c.quote).length;
        if (quotes === stack.length) return `Quotes nest at most ${limits.maxNesting} deep; take out some of the > marks`;
        if (quotes === 0) return `Lists nest at most ${limits.maxNesting} deep; indent fewer levels`;
        return `Quotes and lists nest at most ${limits.maxNesting} deep together; take out some levels`;
      }
      if (containerWeight > limits.maxContainerWeight) {
        return `Too many separate quotes and list items (nested ones count more); join some of them or split this into parts`;
      }
    }
    // A line that continues a paragraph lazily (without the quote's `>`) stays inside it.
    const lazy = opened === 0 && matched < stack.length && !blank && inParagraph;
    if (opened === 0 && !lazy) stack.length = matched;

    const rest = indentAt(line, pos);
    // Each spaced mark of a rule is first tried as a list item: `- ` × 4,000 took 13–17 s.
    if (thematicBreakMarks(line, rest.end) > limits.maxMarkRun * 4) return `A line of ${line[rest.end]} marks can have at most ${limits.maxMarkRun * 4} of them`;
    if (blank || opened > 0 || line[rest.end] === "#" || (!inParagraph && rest.width >= 4)) {
      emphasisMarks = codeMarks = paragraphBrackets = angleBrackets = 0;
      if (blank || opened > 0) table = null;
    }
    if (blank) {
      inParagraph = false;
      previousLine = line;
      continue;
    }
    if (!inParagraph && rest.width >= 4) {
      // Indented code: shown as it is, never parsed as Markdown.
      previousLine = line;
      continue;
    }
    const opening = rest.width <= 3 ? fenceAt(line, rest.end) : null;
    if (opening) {
      fence = { ...opening, level: stack.length };
      inParagraph = false;
      continue;
    }
    if (isDefinition(line, rest.end)) {
      if (++definitions > limits.maxDefinitions) return `${limits.noun} can have at most ${fmt(limits.maxDefinitions)} link or footnote definitions ([name]: …)`;
      previousLine = line;
      continue;
    }

    if (table) {
      table.cells += table.columns;
      if (table.cells > limits.maxTableCells) return `Tables can have at most ${fmt(limits.maxTableCells)} cells; split this table`;
    } else if (inParagraph && previousLine.includes("|")) {
      const columns = delimiterRowColumns(line, rest.end);
      if (columns > limits.maxTableColumns) return `Tables can have at most ${limits.maxTableColumns} columns (this one has ${fmt(columns)})`;
      if (columns > 0) table = { columns, cells: columns * 2 };
    }

    // Marks that the inline parser matches against each other, counted per paragraph.
    for (let i = rest.end; i < line.length; i++) {
      const c = line[i];
      if (c === "\\") {
        i++;
      } else if (c === "*" || c === "_" || c === "~" || c === "`") {
        let end = i;
        while (line[end] === c) end++;
        const run = end - i;
        const nextToText = (i > 0 && !isSpace(line[i - 1])) || (end < line.length && !isSpace(line[end]));
        if (run > limits.maxMarkRun && nextToText) return `Too many ${c} in a row (${fmt(run)}); use at most ${limits.maxMarkRun}`;
        if (c === "`") {
          if (++codeMarks > limits.maxCodeMarksPerParagraph) return `Too many \` code marks in one paragraph; use at most ${limits.maxCodeMarksPerParagraph}, or split the paragraph`;
        } else if ((emphasisMarks += run) > limits.maxEmphasisMarksPerParagraph) {
          return `Too many *, _ or ~ in one paragraph; use at most ${limits.maxEmphasisMarksPerParagraph}, or split the paragraph`;
        }
        i = end - 1;
      } else if (c === "[" || c === "]") {
        if (++paragraphBrackets > limits.maxBracketsPerParagraph) return `Too many [ or ] in one paragraph; use at most ${limits.maxBracketsPerParagraph}, or split the paragraph`;
        if (++brackets > limits.maxBrackets) return `${limits.noun} can have at most ${fmt(limits.maxBrackets)} [ or ] (links and images use them); split this into parts`;
      } else if (c === "<") {
        if (++angleBrackets > limits.maxAngleBracketsPerParagraph) return `Too many < in one paragraph; use at most ${limits.maxAngleBracketsPerParagraph}, or split the paragraph`;
      }
    }
    inParagraph = !isThematicBreak(line, rest.end) && line[rest.end] !== "#";
    previousLine = line;
  }
  return null;
}
