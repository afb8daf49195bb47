import { strToU8, Zip, ZipDeflate, ZipPassThrough } from "fflate";

type Chunk = Uint8Array | string;

export type ZipEntry = {
  name: string;
  /** The whole entry, or its chunks as they are produced (a large table, read a page at a time). */
  data: Chunk | AsyncIterable<Chunk>;
  /** false for data that is compressed already (WebP): stored as it is. */
  compress?: boolean;
  mtime?: Date;
};

const bytesOf = (chunk: Chunk) => (typeof chunk === "string" ? strToU8(chunk) : chunk);

/**
 * A zip as a web stream, built entry by entry as the reader pulls: one entry (or one chunk of a
 * chunked entry) is in memory at a time, and a slow download slows the reading of entries rather
 * than piling bytes up (fflate's synchronous Zip; each pull adds data until there are bytes to
 * hand over).
 */
export function zipStream(entries: AsyncIterable<ZipEntry>): ReadableStream<Uint8Array> {
  const iterator = entries[Symbol.asyncIterator]();
  let pending: Uint8Array[] = [];
  let failure: Error | null = null;
  let ended = false;
  // The chunked entry being written, between pulls.
  let current: { file: ZipDeflate | ZipPassThrough; chunks: AsyncIterator<Chunk> } | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else {
      pending.push(chunk);
      if (final) ended = true;
    }
  });
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        while (pending.length === 0 && !ended && !failure) {
          if (current) {
            const chunk = await current.chunks.next();
            if (chunk.done) {
              current.file.push(new Uint8Array(0), true);
              current = null;
            } else current.file.push(bytesOf(chunk.value), false);
            continue;
          }
          const next = await iterator.next();
          if (next.done) {
            zip.end();
            break;
          }
          const { name, data, compress = true, mtime } = next.value;
          const file = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
          if (mtime) file.mtime = mtime;
          zip.add(file);
          if (typeof data === "string" || data instanceof Uint8Array) file.push(bytesOf(data), true);
          else current = { file, chunks: data[Symbol.asyncIterator]() };
        }
      } catch (error) {
        failure = error as Error;
      }
      if (failure) {
        controller.error(failure);
        return;
      }
      for (const chunk of pending) controller.enqueue(chunk);
      pending = [];
      if (ended) controller.close();
    },
    async cancel() {
      zip.terminate();
      await current?.chunks.return?.();
      await iterator.return?.();
    },
  });
}
