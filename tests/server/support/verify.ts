// A .docx as the /verify page's form sends it (multipart, field "file").
export function verifyMultipart(file: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = 'verify-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bao-cao.docx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
