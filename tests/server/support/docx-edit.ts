// A .docx with one piece of its text changed, as someone editing it after approval would.
import JSZip from 'jszip';

export async function edited(docx: Buffer, from: string, to: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  if (!xml.includes(from)) throw new Error(`edited: "${from}" is not in the document`);
  zip.file('word/document.xml', xml.replace(from, to));
  return zip.generateAsync({ type: 'nodebuffer' });
}
