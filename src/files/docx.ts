/** Reading a Word file (.docx) with mammoth, loaded only when one is added: its text, one line per paragraph. */

/** The text of a .docx file; throws an Error naming the file when it is not one. */
export async function readDocx(bytes: Uint8Array<ArrayBuffer>, name: string): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  try {
    // mammoth separates paragraphs by a blank line: claimtrail texts have one line per paragraph.
    const { value } = await mammoth.extractRawText({ arrayBuffer: bytes.slice().buffer });
    return value
      .split(/\n{2,}/)
      .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
  } catch {
    throw new Error(`${name}: not a readable Word document (.docx); a damaged file, or an older .doc saved under the new name.`);
  }
}
