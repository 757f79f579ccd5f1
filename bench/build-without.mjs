// A measuring build for `BENCH_WITHOUT=domain,store npm run bench:server`: the server compiled as
// production compiles it, with parts of a submission's work taken out, so that the benchmark shows
// what each part costs against the limit (docs/performance.md, "What each part costs"). Never a
// build to run: a submission's figures are not checked, or not stored.
//   domain – the domain's checks (validate every row, evaluate, canonical rows, hash, compact rows)
//            run once per unit, kind and period; later reports reuse that revision under their own
//            client id, with a content hash made from it so that none is taken for a replay
//   store  – the storing transaction is skipped; the answer is built from the checked revision
//   node bench/build-without.mjs OUT_DIR domain,store
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../scripts/build-server.mjs';

/** Each part: the line replaced, its replacement, what goes before the module, and a text only the replacement leaves in the bundle. */
export const PARTS = {
  domain: {
    from: '  const prepared = revisionOf(catalogue, body, assigned, { userId, now: app.clock(), deadline: app.config.deadline });',
    to: `  const reused = withoutDomain.get(body.unitId + body.kind + body.period);
  const prepared = reused
    ? { ok: true as const, revision: { ...reused, clientSubmissionId: body.clientSubmissionId, contentHash: body.clientSubmissionId.replace(/-/g, '').padEnd(64, '0') } }
    : revisionOf(catalogue, body, assigned, { userId, now: app.clock(), deadline: app.config.deadline });
  if (!reused && prepared.ok) withoutDomain.set(body.unitId + body.kind + body.period, prepared.revision);`,
    prelude: 'const withoutDomain = new Map<string, NewRevision>();\n',
    marker: 'withoutDomain',
  },
  store: {
    from: '  const outcome = await createRevision(app.db.kysely, prepared.revision);',
    to: `  const { contentHash, late, evaluations, warnings } = prepared.revision;
  const outcome = { kind: 'created' as const, response: submissionAnswer({ submissionId: body.clientSubmissionId, revision: 1, contentHash, late, evaluations, warnings }) };`,
    prelude: '',
    marker: 'submissionId: body.clientSubmissionId, revision: 1',
  },
};

/** The build with `parts` (names of PARTS) taken out; resolves with the directory. */
export async function buildWithout(dir, parts) {
  for (const part of parts) if (!PARTS[part]) throw new Error(`BENCH_WITHOUT: unknown part "${part}" (known: ${Object.keys(PARTS).join(', ')})`);
  const plugin = {
    name: 'without',
    setup(build) {
      build.onLoad({ filter: /src[\\/]server[\\/]store-submission\.ts$/ }, (args) => {
        let source = readFileSync(args.path, 'utf8');
        for (const part of parts) {
          const { from, to, prelude } = PARTS[part];
          // The source moved on: the measurement must not silently measure the whole server.
          if (!source.includes(from)) throw new Error(`BENCH_WITHOUT=${part}: store-submission.ts no longer has the line it replaces:\n${from}`);
          source = prelude + source.replace(from, to);
        }
        return { contents: source, loader: 'ts' };
      });
    },
  };
  return buildServer(dir, [plugin]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dir, parts] = process.argv.slice(2);
  await buildWithout(dir, (parts ?? '').split(',').filter(Boolean));
}
