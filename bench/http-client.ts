// The bench's clients: node:http over one keep-alive agent (a connection per client). Node's fetch
// cost the bench process ~0.5–1 ms of CPU per request – as much as the limit server itself – on the
// same two cores as the servers it measures; a request here costs a fraction of that, so the figures
// say more about the servers and less about the clients. The same client measures both servers.
import http from 'node:http';

export interface BenchClient {
  post(url: string, headers: Readonly<Record<string, string>>, body: string): Promise<{ status: number; text: string }>;
  close(): void;
}

export function benchClient(connections: number): BenchClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  return {
    post: (url, headers, body) =>
      new Promise((resolve, reject) => {
        const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      }),
    close: () => agent.destroy(),
  };
}
