import { strToU8, Zip, ZipDeflate, ZipPassThrough } from "fflate";

export type ZipEntry = {
  name: string;
  data: Uint8Array | string;
  /** false for data that is compressed already (WebP): stored as it is. */
  compress?: boolean;
  mtime?: Date;
};

/**
 * A zip as a web stream, built entry by entry as the reader pulls: one entry is in memory at a
 * time, and a slow download slows the reading of entries rather than piling bytes up (fflate's
 * synchronous Zip; each pull adds entries until there are bytes to hand over).
 */
export function zipStream(entries: AsyncIterable<ZipEntry>): ReadableStream<Uint8Array> {
  const iterator = entries[Symbol.asyncIterator]();
  let pending: Uint8Array[] = [];
  let failure: Error | null = null;
  let ended = false;
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
          const next = await iterator.next();
          if (next.done) {
            zip.end();
            break;
          }
          const { name, data, compress = true, mtime } = next.value;
          const file = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
          if (mtime) file.mtime = mtime;
          zip.add(file);
          file.push(typeof data === "string" ? strToU8(data) : data, true);
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
      await iterator.return?.();
    },
  });
}
