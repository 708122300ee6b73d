/** Canonical form of a name for uniqueness: Unicode NFC, trimmed, single spaces, lower case. */
export function nameKey(name: string): string {
  return cleanText(name).toLowerCase();
}

/** Trims and collapses runs of whitespace; the form names are stored in. */
export function cleanText(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/g, " ");
}
