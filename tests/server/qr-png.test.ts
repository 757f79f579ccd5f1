// The verification QR (QR_OPTIONS in report-docx.ts): a PNG whose pixels are the QR code of the
// address, module by module, written with unfiltered rows (pngjs tries five filters per row
// otherwise, most of a .docx's time). Read here with zlib alone: chunks, inflate, rows.
import zlib from 'node:zlib';
import QRCode from 'qrcode';
import { QR_OPTIONS } from '../../src/server/report-docx';

function readPng(png: Buffer) {
  expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
  let width = 0, height = 0, bitDepth = 0, colorType = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') [width, height, bitDepth, colorType] = [data.readUInt32BE(0), data.readUInt32BE(4), data[8], data[9]];
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colorType];
  const stride = 1 + width * channels;
  return {
    width, height, bitDepth, channels,
    filters: Array.from({ length: height }, (_, y) => raw[y * stride]),
    dark: (x: number, y: number) => raw[y * stride + 1 + x * channels] < 128,
  };
}

it.each([
  'https://baocao.example.gov.vn/verify/K7QF-3MZP-9TXA',
  'https://cds.nghean.gov.vn/verify/2QWE-RTYU-PLKM',
  'http://localhost:3000/verify/AAAA-BBBB-CCCC',
])('the QR of %s: its modules, unfiltered rows', async (url) => {
  const png = readPng(await QRCode.toBuffer(url, QR_OPTIONS));
  expect(png.bitDepth).toBe(8);
  expect(png.width).toBe(png.height);
  expect(new Set(png.filters)).toEqual(new Set([0]));
  const qr = QRCode.create(url, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel });
  const n = qr.modules.size;
  const margin = QR_OPTIONS.margin ?? 4;
  const scale = png.width / (n + 2 * margin);
  const centre = (i: number) => Math.floor((i + margin + 0.5) * scale);
  const drawn: boolean[] = [];
  const expected: boolean[] = [];
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      drawn.push(png.dark(centre(x), centre(y)));
      expected.push(qr.modules.get(y, x) === 1);
    }
  }
  expect(drawn).toEqual(expected);
  // The quiet zone is light.
  expect(png.dark(0, 0)).toBe(false);
});
