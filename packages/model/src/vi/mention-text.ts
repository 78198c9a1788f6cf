// Internal to the model (not exported by index.ts): shared by the mention parser and the title writer.

/** NFC, "Ð"/"ð" mis-encodings as "Đ"/"đ", no invisible characters, whitespace collapsed. */
export function cleanMention(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u00d0/g, 'Đ') // Icelandic eth, a common mis-encoding of Đ/đ
    .replace(/\u00f0/g, 'đ')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
