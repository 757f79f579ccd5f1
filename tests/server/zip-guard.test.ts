// A small upload that unpacks into a huge one is refused before exceljs loads it.
import JSZip from 'jszip';
import { readUpload } from '../../src/server/xlsx/import';
import { checkZip } from '../../src/server/xlsx/zip-guard';

async function zipOf(files: Record<string, Uint8Array | string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe('checkZip', () => {
  it('passes an ordinary small zip', async () => {
    expect(await checkZip(await zipOf({ 'a.xml': '<a/>', 'b.xml': 'x'.repeat(10_000) }))).toEqual({ ok: true });
  });

  it('refuses a zip whose entries unpack past the limit, however small the file', async () => {
    const bomb = await zipOf({ 'xl/worksheets/sheet1.xml': new Uint8Array(3 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(20 * 1024);
    expect(await checkZip(bomb, 2 * 1024 * 1024)).toEqual({ ok: false, reason: 'tooLarge' });
    expect(await checkZip(bomb, 4 * 1024 * 1024)).toEqual({ ok: true });
  });

  it('counts every entry together', async () => {
    const files = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`f${i}.xml`, new Uint8Array(600 * 1024)]));
    expect(await checkZip(await zipOf(files), 2 * 1024 * 1024)).toEqual({ ok: false, reason: 'tooLarge' });
  });

  it('refuses too many entries and what is not a zip', async () => {
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.xml`, 'x']));
    expect(await checkZip(await zipOf(many), 1024 * 1024, 10)).toEqual({ ok: false, reason: 'tooManyEntries' });
    expect(await checkZip(Buffer.from('not a zip at all'))).toEqual({ ok: false, reason: 'notZip' });
  });

  it('makes readUpload refuse a bomb with a Vietnamese reason', async () => {
    const bomb = await zipOf({ 'xl/worksheets/sheet1.xml': new Uint8Array(60 * 1024 * 1024) });
    const upload = await readUpload(bomb, Buffer.alloc(32));
    expect(upload).toMatchObject({ ok: false, code: 'tooLarge', message: expect.stringMatching(/quá lớn khi giải nén/) });
  });
});
