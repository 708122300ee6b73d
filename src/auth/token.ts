import { createHash, randomBytes } from "node:crypto";

const PREFIX = "tpm_";

/** A new bearer token: 256 random bits, with a prefix that secret scanners can recognise. */
export function generateToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/**
 * SHA-256 of the token. Tokens carry 256 bits of entropy, so a fast hash is enough: there is
 * nothing to brute-force, and lookups stay a single indexed read.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
