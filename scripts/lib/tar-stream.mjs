// A gzip-compressed tar archive written entry by entry. Headers come from the `tar` package
// (ustar, with a pax header where a name or number does not fit); the bodies are read here, so a
// file that shrinks while it is copied (a live database's files do) is padded with zeros to the
// size first seen instead of failing the archive, as GNU tar and pg_basebackup do. WAL replay
// repairs such pages: the PostgreSQL docs call a changing file during a base backup normal.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { open } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { PassThrough } from "node:stream";
import { createGzip } from "node:zlib";
import { Header, Pax } from "tar";

const BLOCK = 512;
const CHUNK = 1 << 20;

/** Opens `file` for writing a .tar.gz archive. */
export function createTarWriter(file) {
  const tarStream = new PassThrough({ highWaterMark: 4 * CHUNK });
  const done = pipeline(tarStream, createGzip({ level: 6 }), createWriteStream(file, { mode: 0o600 }));
  // A failed write (disk full) must stop the writer rather than hang it on backpressure.
  let failure;
  done.catch((error) => (failure = error));
  let bytes = 0;

  const write = async (chunk) => {
    if (failure) throw failure;
    bytes += chunk.length;
    if (!tarStream.write(chunk)) await Promise.race([once(tarStream, "drain"), done]);
    if (failure) throw failure;
  };

  const header = async (fields) => {
    const h = new Header({ uid: 0, gid: 0, mtime: new Date(), ...fields });
    h.encode();
    if (h.needPax) await write(new Pax({ path: fields.path, size: fields.size, mtime: h.mtime }).encode());
    await write(h.block);
  };

  const pad = (size) => (size % BLOCK ? write(Buffer.alloc(BLOCK - (size % BLOCK))) : undefined);

  return {
    /** Uncompressed bytes written so far. */
    get bytes() {
      return bytes;
    },
    async directory(name, mode = 0o700) {
      await header({ path: `${name.replace(/\/$/, "")}/`, type: "Directory", mode, size: 0 });
    },
    async buffer(name, data, mode = 0o600) {
      const body = Buffer.from(data);
      await header({ path: name, type: "File", mode, size: body.length });
      await write(body);
      await pad(body.length);
    },
    /**
     * Copies `source` as it is now: `size` bytes (from an lstat taken just before), zero-padded if
     * the file shrank meanwhile, never more than that if it grew. False if it vanished first.
     */
    async file(name, source, { size, mode, mtime }) {
      let handle;
      try {
        handle = await open(source, "r");
      } catch (error) {
        if (error.code === "ENOENT") return false; // dropped while we were copying: fine, WAL replay agrees
        throw error;
      }
      try {
        await header({ path: name, type: "File", mode: mode & 0o7777, size, mtime });
        let position = 0;
        while (position < size) {
          const buffer = Buffer.alloc(Math.min(CHUNK, size - position));
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
          // Shrunk: the rest is zeros (the buffer already is), the size stays what the header says.
          await write(bytesRead === 0 ? buffer : buffer.subarray(0, bytesRead));
          position += bytesRead === 0 ? buffer.length : bytesRead;
        }
        await pad(size);
      } finally {
        await handle.close();
      }
      return true;
    },
    /** Ends the archive (two zero blocks) and waits until it is on disk. */
    async finish() {
      await write(Buffer.alloc(2 * BLOCK));
      tarStream.end();
      await done;
    },
    /** Stops writing after a failure (the caller removes the partial file). */
    async abort() {
      tarStream.destroy();
      await done.catch(() => {});
    },
  };
}
