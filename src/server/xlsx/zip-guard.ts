// An .xlsx is a zip: a small upload can unpack into gigabytes (a "zip bomb") and take the server's
// memory with it when exceljs loads it. Before exceljs sees a file, its entries are inflated as a
// stream and counted, and the file is refused as soon as the count passes the limit – the headers'
// declared sizes are not trusted, since a hostile file can lie in them.
// Bytes alone are not the cost: exceljs builds an object per XML element, so 48 MB of tiny cells
// took 28 s and 900 MB of memory. The XML elements are counted too (docs/security.md).
import JSZip from 'jszip';

/** A filled template unpacks to about 60 KB (25 rows) and a long one with every text field full to
 * well under 1 MB; Excel and LibreOffice add styles, themes and properties. 4 MB leaves room. */
export const MAX_UNPACKED_BYTES = 4 * 1024 * 1024;
export const MAX_ENTRIES = 100;
/** A template holds about 2 500 XML elements; Excel's own styles and theme add a few thousand. At the
 * limit exceljs takes about a second and 60 MB (bench/upload.ts). */
export const MAX_XML_ELEMENTS = 60_000;

export type ZipCheck = { readonly ok: true } | { readonly ok: false; readonly reason: 'notZip' | 'tooManyEntries' | 'tooLarge' | 'tooManyElements' };

const LT = 0x3c; // '<': every element, comment or declaration starts with one
const isXml = (name: string) => /\.(xml|rels|vml)$/i.test(name);

function countByte(chunk: Buffer, byte: number): number {
  let n = 0;
  for (let i = chunk.indexOf(byte); i !== -1; i = chunk.indexOf(byte, i + 1)) n++;
  return n;
}

/** Inflates an entry as a stream, counting bytes and (for XML) '<', stopping past either budget. */
function inflatedSize(entry: JSZip.JSZipObject, budget: number, elementBudget: number): Promise<{ bytes: number; elements: number }> {
  const xml = isXml(entry.name);
  return new Promise((resolve, reject) => {
    let total = 0;
    let elements = 0;
    const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy?: () => void };
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (xml) elements += countByte(chunk, LT);
      if (total > budget || elements > elementBudget) {
        // Stop inflating: nothing more of this entry is read.
        stream.pause();
        stream.removeAllListeners('data');
        stream.destroy?.();
        resolve({ bytes: total, elements });
      }
    });
    stream.on('error', reject);
    stream.on('end', () => resolve({ bytes: total, elements }));
  });
}

/**
 * Whether the file is a zip whose entries unpack to at most `maxBytes` and `maxElements` XML elements in all.
 * @example if (!(await checkZip(buffer)).ok) refuse('Tệp quá lớn khi giải nén.')
 */
export async function checkZip(file: Buffer, maxBytes = MAX_UNPACKED_BYTES, maxEntries = MAX_ENTRIES, maxElements = MAX_XML_ELEMENTS): Promise<ZipCheck> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(file, { checkCRC32: false });
  } catch {
    return { ok: false, reason: 'notZip' };
  }
  const entries = Object.values(zip.files).filter((e) => !e.dir);
  if (entries.length > maxEntries) return { ok: false, reason: 'tooManyEntries' };
  let used = 0;
  let elements = 0;
  for (const entry of entries) {
    try {
      const size = await inflatedSize(entry, maxBytes - used, maxElements - elements);
      used += size.bytes;
      elements += size.elements;
    } catch {
      return { ok: false, reason: 'notZip' };
    }
    if (used > maxBytes) return { ok: false, reason: 'tooLarge' };
    if (elements > maxElements) return { ok: false, reason: 'tooManyElements' };
  }
  return { ok: true };
}
