// An .xlsx is a zip: a small upload can unpack into gigabytes (a "zip bomb") and take the server's
// memory with it when exceljs loads it. Before exceljs sees a file, its entries are inflated as a
// stream and counted, and the file is refused as soon as the count passes the limit – the headers'
// declared sizes are not trusted, since a hostile file can lie in them.
import JSZip from 'jszip';

/** Generous for our templates (a 500-row report unpacks to well under 5 MB). */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
export const MAX_ENTRIES = 500;

export type ZipCheck = { readonly ok: true } | { readonly ok: false; readonly reason: 'notZip' | 'tooManyEntries' | 'tooLarge' };

function inflatedSize(entry: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let total = 0;
    const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy?: () => void };
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > budget) {
        // Stop inflating: nothing more of this entry is read.
        stream.pause();
        stream.removeAllListeners('data');
        stream.destroy?.();
        resolve(total);
      }
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(total));
  });
}

/**
 * Whether the file is a zip whose entries unpack to at most `maxBytes` in all.
 * @example if (!(await checkZip(buffer)).ok) refuse('Tệp quá lớn khi giải nén.')
 */
export async function checkZip(file: Buffer, maxBytes = MAX_UNPACKED_BYTES, maxEntries = MAX_ENTRIES): Promise<ZipCheck> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(file, { checkCRC32: false });
  } catch {
    return { ok: false, reason: 'notZip' };
  }
  const entries = Object.values(zip.files).filter((e) => !e.dir);
  if (entries.length > maxEntries) return { ok: false, reason: 'tooManyEntries' };
  let used = 0;
  for (const entry of entries) {
    try {
      used += await inflatedSize(entry, maxBytes - used);
    } catch {
      return { ok: false, reason: 'notZip' };
    }
    if (used > maxBytes) return { ok: false, reason: 'tooLarge' };
  }
  return { ok: true };
}
