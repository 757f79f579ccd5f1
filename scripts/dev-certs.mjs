// HTTPS key and certificate for the development origin https://localhost:PORT, shared by
// scripts/start.mjs and (later) the reporting server. First choice: office-addin-dev-certs, which
// creates a CA and trusts it on this machine (Windows and macOS ask for consent; Linux needs
// sudo). When that fails – a headless Linux box without sudo, a container – the same files are
// used (or made with mkcert, the generator office-addin-dev-certs itself uses) without
// being trusted, and the steps to trust the CA are printed.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Where office-addin-dev-certs keeps its CA and localhost certificate. */
export const CERT_DIR = join(homedir(), '.office-addin-dev-certs');
const files = {
  ca: join(CERT_DIR, 'ca.crt'),
  cert: join(CERT_DIR, 'localhost.crt'),
  key: join(CERT_DIR, 'localhost.key'),
};
const DOMAINS = ['localhost', '127.0.0.1'];
const VALIDITY_DAYS = 30; // as office-addin-dev-certs
const DAY_MS = 24 * 60 * 60 * 1000;

/** True when the files on disk form a usable chain for localhost for at least another day. */
function usable({ key, cert, ca }) {
  try {
    const leaf = new X509Certificate(cert);
    const root = new X509Certificate(ca);
    return (
      leaf.checkHost('localhost') !== undefined &&
      Date.parse(leaf.validTo) > Date.now() + DAY_MS &&
      leaf.verify(root.publicKey) &&
      leaf.checkPrivateKey(createPrivateKey(key))
    );
  } catch {
    return false;
  }
}

function readFiles() {
  if (!Object.values(files).every((file) => existsSync(file))) return undefined;
  return { key: readFileSync(files.key, 'utf8'), cert: readFileSync(files.cert, 'utf8'), ca: readFileSync(files.ca, 'utf8') };
}

async function generate() {
  // mkcert is office-addin-dev-certs' own dependency: resolve it from there.
  const mkcert = createRequire(require.resolve('office-addin-dev-certs'))('mkcert');
  const ca = await mkcert.createCA({
    organization: 'Developer CA for Microsoft Office Add-ins',
    countryCode: 'VN',
    state: 'Nghe An',
    locality: 'Vinh',
    validity: VALIDITY_DAYS,
  });
  const leaf = await mkcert.createCert({ ca, domains: DOMAINS, validity: VALIDITY_DAYS });
  mkdirSync(CERT_DIR, { recursive: true });
  writeFileSync(files.ca, ca.cert);
  writeFileSync(files.cert, leaf.cert);
  writeFileSync(files.key, leaf.key, { mode: 0o600 });
  return { key: leaf.key, cert: leaf.cert, ca: ca.cert };
}

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

/**
 * office-addin-dev-certs trusts its CA with sudo on Linux; without sudo it fails *after*
 * replacing the CA, which would undo a CA trusted by hand. So it is not asked there.
 */
function canInstallCa() {
  return process.platform !== 'linux' || onPath('sudo');
}

/** How to trust the CA by hand, for the platform this runs on. */
export function trustInstructions() {
  if (process.platform !== 'linux') return [`npx office-addin-dev-certs install   (asks for consent, then trusts ${files.ca})`];
  // The folder office-addin-dev-certs checks, so that it finds the CA trusted next time.
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  const anchors = '/usr/local/share/ca-certificates/office-addin-dev-certs';
  return [
    `system:          ${sudo}mkdir -p ${anchors} && ${sudo}cp ${files.ca} ${anchors}/ && ${sudo}update-ca-certificates`,
    `Chrome/Edge:     certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in Dev CA" -i ${files.ca}`,
    `Firefox:         Settings › Privacy & Security › Certificates › Import… › ${files.ca}`,
  ];
}

/**
 * The key, certificate and CA to hand to `https.createServer` (or Fastify's `https` option).
 * Never fails for want of a trust store: falls back to an untrusted certificate and says so.
 * @example https.createServer(await httpsOptions(), handler).listen(3000)
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<{ key: string | Buffer, cert: string | Buffer, ca?: string | Buffer }>}
 */
export async function httpsOptions({ log = (line) => console.log(line) } = {}) {
  if (canInstallCa()) {
    try {
      const { getHttpsServerOptions } = require('office-addin-dev-certs');
      const options = await getHttpsServerOptions(VALIDITY_DAYS, DOMAINS);
      log(`HTTPS certificate: ${files.cert} (CA trusted by this machine: ${files.ca})`);
      return options;
    } catch (error) {
      const reason = String(error instanceof Error ? error.message : error).split('\n').filter(Boolean).join(' ');
      log(`office-addin-dev-certs could not trust its CA here (${reason}).`);
    }
  } else {
    log('No sudo on this Linux machine: office-addin-dev-certs cannot trust a CA here.');
  }
  let options = readFiles();
  if (!options || !usable(options)) options = await generate();
  log(`HTTPS certificate: ${files.cert}, signed by ${files.ca} – NOT trusted by this machine yet.`);
  log('Browsers and Office will refuse https://localhost until the CA is trusted:');
  for (const line of trustInstructions()) log(`  ${line}`);
  return options;
}
