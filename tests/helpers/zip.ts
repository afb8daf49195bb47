// Reading the zips the porting code writes, in tests.
import { strFromU8, unzipSync } from "fflate";

/** Reads a web stream to its end. */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A zip's entries by name: text for .md/.json/.txt/.xml/.html, bytes otherwise. */
export function zipEntries(bytes: Uint8Array): { names: string[]; text: (name: string) => string; bytes: (name: string) => Uint8Array } {
  const files = unzipSync(bytes);
  return {
    names: Object.keys(files).sort(),
    text: (name) => {
      if (!files[name]) throw new Error(`no ${name} in the zip (has ${Object.keys(files).join(", ")})`);
      return strFromU8(files[name]);
    },
    bytes: (name) => files[name],
  };
}
