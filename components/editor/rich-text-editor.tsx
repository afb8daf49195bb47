"use client";
import { useEditor, useEditorState, EditorContent, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import Image from "@tiptap/extension-image";
import { Markdown } from "@tiptap/markdown";
import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { uploadImage } from "@/components/editor/upload-image";

type Props = {
  /** Markdown to start from. To replace the content later, remount with a new key. */
  initialMarkdown: string;
  onChange: (markdown: string, plainText: string) => void;
  describedBy?: string;
  invalid?: boolean;
};

/** Text that reads as Markdown (headings, lists, quotes, emphasis, links, code fences). */
const looksLikeMarkdown = /^(#{1,6}\s|\s*[-*+]\s|\s*\d+[.)]\s|>\s|```|---\s*$)|\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\)/m;

type Panel = { kind: "link"; value: string } | { kind: "embed"; value: string } | { kind: "image"; file: File | null; url: string | null; alt: string; error: string | null; busy: boolean };

/**
 * The story body as rich text (TipTap), stored as Markdown. A Markdown view edits the source
 * directly. Pasted Markdown is parsed; pasted web pages are reduced to what the schema allows
 * (h2/h3, emphasis, links, lists, quotes, code, images), so formatting from elsewhere stays clean.
 */
export function RichTextEditor({ initialMarkdown, onChange, describedBy, invalid }: Props) {
  const [panel, setPanel] = useState<Panel | null>(null);
  const [sourceMode, setSourceMode] = useState(false);
  const [toolbarIndex, setToolbarIndex] = useState(0);
  const [source, setSource] = useState(initialMarkdown);
  const editorRef = useRef<Editor | null>(null);
  const panelInputRef = useRef<HTMLInputElement | null>(null);

  function openPanel(next: Panel) {
    setPanel(next);
    // Focus moves into the panel, and back to the text when it closes (closePanel).
    requestAnimationFrame(() => panelInputRef.current?.focus());
  }
  function closePanel() {
    setPanel(null);
    editorRef.current?.commands.focus();
    editorRef.current?.view.focus();
  }

  async function startImageUpload(file: File) {
    openPanel({ kind: "image", file, url: null, alt: "", error: null, busy: true });
    const result = await uploadImage(file);
    setPanel((current) => (current?.kind === "image" && current.file === file ? ("error" in result ? { ...current, busy: false, error: result.error } : { ...current, busy: false, url: result.url }) : current));
  }

  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        underline: false,
        link: { openOnClick: false, autolink: true, defaultProtocol: "https", protocols: ["http", "https", "mailto"] },
      }),
      Image.configure({ inline: false }),
      Markdown.configure({ markedOptions: { gfm: true } }),
    ],
    content: initialMarkdown,
    contentType: "markdown",
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": "Story",
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
        class: "prose prose-stone dark:prose-invert prose-lg max-w-none font-serif prose-headings:font-sans prose-headings:tracking-tight prose-a:text-brand-700",
      },
      handlePaste(_view, event) {
        const files = [...(event.clipboardData?.files ?? [])].filter((file) => file.type.startsWith("image/"));
        if (files.length) {
          void startImageUpload(files[0]);
          return true;
        }
        const html = event.clipboardData?.getData("text/html");
        const text = event.clipboardData?.getData("text/plain") ?? "";
        if (!html && looksLikeMarkdown.test(text) && editorRef.current) {
          editorRef.current.commands.insertContent(text, { contentType: "markdown" });
          return true;
        }
        return false; // rich text: ProseMirror keeps only what the schema allows
      },
      handleDrop(_view, event) {
        const file = [...(event.dataTransfer?.files ?? [])].find((f) => f.type.startsWith("image/"));
        if (!file) return false;
        void startImageUpload(file);
        return true;
      },
      handleKeyDown(_view, event) {
        if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "k") {
          event.preventDefault();
          openPanel({ kind: "link", value: (editorRef.current?.getAttributes("link").href as string | undefined) ?? "" });
          return true;
        }
        return false;
      },
    },
    onCreate({ editor }) {
      editorRef.current = editor;
    },
    onUpdate({ editor }) {
      onChange(editor.getMarkdown(), editor.getText());
    },
  });

  const active = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? {
            h2: e.isActive("heading", { level: 2 }),
            h3: e.isActive("heading", { level: 3 }),
            bold: e.isActive("bold"),
            italic: e.isActive("italic"),
            link: e.isActive("link"),
            bulletList: e.isActive("bulletList"),
            orderedList: e.isActive("orderedList"),
            blockquote: e.isActive("blockquote"),
            code: e.isActive("code"),
            codeBlock: e.isActive("codeBlock"),
          }
        : null,
  });

  function toggleSource() {
    if (!editor) return;
    if (sourceMode) {
      editor.commands.setContent(source, { contentType: "markdown" });
      onChange(editor.getMarkdown(), editor.getText());
      setSourceMode(false);
    } else {
      setSource(editor.getMarkdown());
      setSourceMode(true);
    }
  }

  function applyPanel() {
    if (!editor || !panel) return;
    const chain = editor.chain().focus();
    if (panel.kind === "link") {
      const href = normalizeUrl(panel.value);
      if (!href) chain.extendMarkRange("link").unsetLink().run();
      else if (editor.state.selection.empty && !editor.isActive("link")) chain.insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] }).run();
      else chain.extendMarkRange("link").setLink({ href }).run();
    } else if (panel.kind === "embed") {
      const href = normalizeUrl(panel.value);
      if (!href) return;
      // A paragraph holding only the bare URL: stored as a plain Markdown link, shown as a card.
      chain.insertContent([{ type: "paragraph", content: [{ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] }] }, { type: "paragraph" }]).run();
    } else {
      if (!panel.url || !panel.alt.trim()) return;
      // Image then an empty paragraph: the cursor lands after the image, not on it.
      chain.insertContent([{ type: "image", attrs: { src: panel.url, alt: panel.alt.trim() } }, { type: "paragraph" }]).run();
    }
    // TipTap may defer its focus to the next frame; a key typed before then would land on the
    // panel being removed and be lost. Focus the text now.
    editor.view.focus();
    setPanel(null);
  }

  const disabled = !editor || sourceMode;
  const buttons: { label: string; shortcut?: string; pressed?: boolean; run: () => void; icon: ReactNode }[] = editor
    ? [
        { label: "Heading", shortcut: "Ctrl+Alt+2", pressed: active?.h2, run: () => editor.chain().focus().toggleHeading({ level: 2 }).run(), icon: "H2" },
        { label: "Subheading", shortcut: "Ctrl+Alt+3", pressed: active?.h3, run: () => editor.chain().focus().toggleHeading({ level: 3 }).run(), icon: "H3" },
        { label: "Bold", shortcut: "Ctrl+B", pressed: active?.bold, run: () => editor.chain().focus().toggleBold().run(), icon: <b>B</b> },
        { label: "Italic", shortcut: "Ctrl+I", pressed: active?.italic, run: () => editor.chain().focus().toggleItalic().run(), icon: <i className="font-serif">I</i> },
        { label: "Link", shortcut: "Ctrl+K", pressed: active?.link, run: () => openPanel({ kind: "link", value: (editor.getAttributes("link").href as string | undefined) ?? "" }), icon: "Link" },
        { label: "Bulleted list", shortcut: "Ctrl+Shift+8", pressed: active?.bulletList, run: () => editor.chain().focus().toggleBulletList().run(), icon: "• List" },
        { label: "Numbered list", shortcut: "Ctrl+Shift+7", pressed: active?.orderedList, run: () => editor.chain().focus().toggleOrderedList().run(), icon: "1. List" },
        { label: "Quote", shortcut: "Ctrl+Shift+B", pressed: active?.blockquote, run: () => editor.chain().focus().toggleBlockquote().run(), icon: "“ ”" },
        { label: "Code", shortcut: "Ctrl+E", pressed: active?.code, run: () => editor.chain().focus().toggleCode().run(), icon: <code>{"<>"}</code> },
        { label: "Code block", shortcut: "Ctrl+Alt+C", pressed: active?.codeBlock, run: () => editor.chain().focus().toggleCodeBlock().run(), icon: <code>{"{ }"}</code> },
        { label: "Divider", run: () => editor.chain().focus().setHorizontalRule().run(), icon: "—" },
        { label: "Image", run: () => openPanel({ kind: "image", file: null, url: null, alt: "", error: null, busy: false }), icon: "Image" },
        { label: "Embed link", run: () => openPanel({ kind: "embed", value: "" }), icon: "Embed" },
      ]
    : [];

  return (
    <div className={`rich-editor rounded-lg border bg-white shadow-sm ${invalid ? "border-red-600" : "border-stone-300"} focus-within:ring-2 focus-within:ring-brand-600/30`}>
      {/* Below the site header (h-16, also sticky), not under it. */}
      <div className="sticky top-16 z-10 flex flex-wrap items-center gap-1 rounded-t-lg border-b border-stone-200 bg-stone-50 p-1.5">
        <div role="toolbar" aria-label="Formatting" className="flex flex-wrap gap-1" onKeyDown={moveInToolbar}>
          {buttons.map((button, index) => (
            <button
              key={button.label}
              type="button"
              tabIndex={index === toolbarIndex ? 0 : -1}
              onFocus={() => setToolbarIndex(index)}
              onClick={button.run}
              disabled={disabled}
              aria-pressed={button.pressed === undefined ? undefined : button.pressed}
              aria-label={button.label}
              title={button.shortcut ? `${button.label} (${button.shortcut})` : button.label}
              className="min-w-9 rounded-md px-2 py-1.5 text-sm font-semibold text-stone-700 hover:bg-stone-200 disabled:opacity-40 aria-pressed:bg-stone-800 aria-pressed:text-white"
            >
              {button.icon}
            </button>
          ))}
        </div>
        <button type="button" onClick={toggleSource} aria-pressed={sourceMode} className="ml-auto rounded-md px-2 py-1.5 text-sm font-semibold text-stone-700 hover:bg-stone-200 aria-pressed:bg-stone-800 aria-pressed:text-white">
          Markdown
        </button>
      </div>

      {panel ? (
        <div role="group" aria-label={panel.kind === "image" ? "Insert an image" : panel.kind === "embed" ? "Embed a link" : "Link"} className="flex flex-wrap items-end gap-2 border-b border-stone-200 bg-stone-50 p-3" onKeyDown={panelKeys(applyPanel, closePanel)}>
          {panel.kind === "image" ? (
            <>
              {panel.file ? (
                <p className="w-full text-sm text-stone-600" aria-live="polite">
                  {panel.busy ? `Uploading ${panel.file.name}…` : panel.error ? null : `${panel.file.name} is ready.`}
                </p>
              ) : (
                <label className="block w-full text-sm font-semibold">
                  Image file
                  <input
                    ref={panelInputRef}
                    type="file"
                    accept="image/*"
                    className="mt-1 block w-full text-sm"
                    onChange={(e) => {
                      const file = e.currentTarget.files?.[0];
                      if (file) void startImageUpload(file);
                    }}
                  />
                </label>
              )}
              {panel.error ? (
                <p role="alert" className="w-full text-sm font-medium text-red-700">
                  {panel.error}
                </p>
              ) : null}
              <label className="block min-w-60 flex-1 text-sm font-semibold">
                Image description (alt text)
                <input
                  ref={panel.file ? panelInputRef : undefined}
                  type="text"
                  value={panel.alt}
                  onChange={(e) => setPanel({ ...panel, alt: e.currentTarget.value })}
                  className="input mt-1"
                  placeholder="What the image shows, for readers who can't see it"
                />
              </label>
              <button type="button" className="btn-primary" onClick={applyPanel} disabled={!panel.url || !panel.alt.trim()}>
                Insert image
              </button>
            </>
          ) : (
            <>
              <label className="block min-w-60 flex-1 text-sm font-semibold">
                {panel.kind === "link" ? "Link address" : "Link to embed"}
                <input ref={panelInputRef} type="url" value={panel.value} onChange={(e) => setPanel({ ...panel, value: e.currentTarget.value })} className="input mt-1" placeholder="https://" />
              </label>
              <button type="button" className="btn-primary" onClick={applyPanel}>
                {panel.kind === "link" ? (panel.value ? "Apply link" : "Remove link") : "Embed"}
              </button>
            </>
          )}
          <button type="button" className="btn-secondary" onClick={closePanel}>
            Cancel
          </button>
        </div>
      ) : null}

      {sourceMode ? (
        <textarea
          aria-label="Markdown source"
          aria-describedby={describedBy}
          value={source}
          rows={20}
          onChange={(e) => {
            setSource(e.currentTarget.value);
            onChange(e.currentTarget.value, e.currentTarget.value.replace(/\]\([^)]*\)/g, "]"));
          }}
          className="block w-full resize-y rounded-b-lg px-4 py-3 font-mono text-sm leading-relaxed focus:outline-none"
        />
      ) : (
        <EditorContent editor={editor} />
      )}
      {!editor ? <p className="px-4 py-3 text-stone-500">Loading the editor…</p> : null}
    </div>
  );
}

/** Enter applies, Escape cancels, inside the link/image panel. */
function panelKeys(apply: () => void, cancel: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      cancel();
    } else if (event.key === "Enter" && event.target instanceof HTMLInputElement && event.target.type !== "file") {
      event.preventDefault();
      apply();
    }
  };
}

function normalizeUrl(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const withProtocol = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  return /^(https?:\/\/|mailto:)/i.test(withProtocol) ? withProtocol : null;
}

/** A toolbar is one Tab stop; arrow keys, Home and End move between its buttons. */
function moveInToolbar(event: KeyboardEvent<HTMLDivElement>) {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button:not(:disabled)")];
  const index = buttons.indexOf(event.target as HTMLButtonElement);
  if (index < 0) return;
  const keys: Record<string, number> = { ArrowRight: (index + 1) % buttons.length, ArrowLeft: (index - 1 + buttons.length) % buttons.length, Home: 0, End: buttons.length - 1 };
  if (!(event.key in keys)) return;
  event.preventDefault();
  buttons[keys[event.key]].focus();
}
