/** Canonical form of a name for uniqueness: Unicode NFC, trimmed, single spaces, lower case. */
export function nameKey(name: string): string {
  return cleanText(name).toLowerCase();
}

/** Trims and collapses runs of whitespace; the form names are stored in. */
export function cleanText(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/g, " ");
}

/**
 * Control characters other than tab, line feed and carriage return (U+0000-U+001F, U+007F):
 * never meaningful in a name or a description, and PostgreSQL's text cannot hold U+0000 at all.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The first control character in `text` as "U+0000", or null when it has none. */
export function controlCharacterIn(text: string): string | null {
  const found = CONTROL.exec(text);
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : null;
}
