import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with OWASP's recommended minimums.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string) {
  return hash(password, options);
}

// Verifying against this when an email is unknown makes that path take as long as a real check,
// so response times don't reveal which emails have accounts.
const decoyHash = hash("storyhouse-decoy-password", options);

export async function verifyPassword(passwordHash: string | null, password: string) {
  if (!passwordHash) {
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
