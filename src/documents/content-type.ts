/**
 * The kinds of file a drawing or specification may be, told by their content (their first
 * bytes), never by the name or the Content-Type a client sends: a renamed executable is refused.
 */
export interface DocumentKind {
  contentType: string;
  /** What README and errors call it. */
  label: string;
}

const startsWith = (bytes: Buffer, prefix: string | number[]) => {
  const expected = typeof prefix === "string" ? Buffer.from(prefix, "latin1") : Buffer.from(prefix);
  return bytes.length >= expected.length && bytes.subarray(0, expected.length).equals(expected);
};

/** The allow-list, in the order tried. */
const KINDS: { kind: DocumentKind; matches: (bytes: Buffer) => boolean }[] = [
  { kind: { contentType: "application/pdf", label: "PDF" }, matches: (b) => startsWith(b, "%PDF-") },
  { kind: { contentType: "image/png", label: "PNG image" }, matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { kind: { contentType: "image/jpeg", label: "JPEG image" }, matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  // STEP (ISO 10303-21) files open with their standard's name.
  { kind: { contentType: "model/step", label: "STEP model" }, matches: (b) => /^\uFEFF?\s*ISO-10303-21;/.test(b.subarray(0, 64).toString("latin1")) },
  // DWG: "AC10" and two digits of the format's version (AC1015 = AutoCAD 2000 ... AC1032 = 2018).
  { kind: { contentType: "image/vnd.dwg", label: "DWG drawing" }, matches: (b) => /^AC10\d\d/.test(b.subarray(0, 6).toString("latin1")) },
  { kind: { contentType: "image/vnd.dxf", label: "DXF drawing" }, matches: (b) => startsWith(b, "AutoCAD Binary DXF\r\n\u001a\u0000") || /^\s*0\r?\n\s*SECTION\r?\n/.test(b.subarray(0, 64).toString("latin1")) },
];

export const ALLOWED_KINDS = KINDS.map((k) => k.kind.label);

/** The kind of file these bytes are, or null when it is none the platform takes. */
export function documentKindOf(bytes: Buffer): DocumentKind | null {
  return KINDS.find((k) => k.matches(bytes))?.kind ?? null;
}
