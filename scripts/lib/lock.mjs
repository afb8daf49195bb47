// A lock between processes on one machine: a folder created atomically, holding the owner's pid.
// A lock whose owner has died is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

function ownerAlive(dir) {
  try {
    process.kill(Number(readFileSync(path.join(dir, "pid"), "utf8")), 0);
    return true;
  } catch (error) {
    return error?.code === "EPERM" || error?.code === "ENOENT"; // ENOENT: just created, pid not written yet
  }
}

/** Runs `work` while holding the lock at `dir`, waiting for another holder to finish first. */
export async function withLock(dir, work) {
  for (;;) {
    try {
      mkdirSync(dir);
      break;
    } catch (error) {
      if (error?.code !== "EEXIST") throw error;
      if (!ownerAlive(dir)) rmSync(dir, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    writeFileSync(path.join(dir, "pid"), String(process.pid));
    return await work();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
