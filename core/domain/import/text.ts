/**
 * Uploaded bytes as text. The decoder drops a leading UTF-8 byte-order mark
 * (Excel's "CSV UTF-8" and Notepad write one), so a header reads the same
 * with or without it.
 */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as UTF-8 text, or null when they are not (a picture, a spreadsheet, UTF-16). */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return null;
  }
  return text.includes('\0') ? null : text;
}
