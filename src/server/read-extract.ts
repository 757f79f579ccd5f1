// A submission as a monitoring agency reads it (docs/security.md, "Monitoring agencies read their
// tasks only"): every revision keeps only the rows and evaluations of the tasks it monitors, and the
// decisions keep who, when and what but not their comments, which speak of the whole report. The
// content hash stays the revision's own: it names the revision (the province accepts that revision),
// and the `extract` field says the rows are not all the hash covers.
import type { ReadScope } from './routes/read-access';

interface Detail {
  readonly revisions: readonly { readonly content: unknown; readonly evaluations: unknown }[];
  readonly decisions: readonly { readonly comment: string | null }[];
}

const keep = (list: unknown, ids: ReadonlySet<string>): unknown[] =>
  (Array.isArray(list) ? list : []).filter((x) => typeof x === 'object' && x !== null && ids.has(String((x as { id?: unknown }).id)));

/**
 * The detail the scope allows: unchanged for 'whole', filtered with an `extract` field otherwise.
 * @example readableDetail(detail, { kind: 'extract', taskIds: ['nv-01'], monitorUnitIds: ['so-noi-vu'] }).revisions[0].content.rows // only nv-01
 */
export function readableDetail<D extends Detail>(detail: D, scope: ReadScope): D {
  if (scope.kind === 'whole') return detail;
  const ids = new Set(scope.taskIds);
  return {
    ...detail,
    revisions: detail.revisions.map((r) => ({
      ...r,
      content: { ...(r.content as object), rows: keep((r.content as { rows?: unknown } | null)?.rows, ids) },
      evaluations: keep(r.evaluations, ids),
    })),
    decisions: detail.decisions.map((d) => ({ ...d, comment: null })),
    extract: { monitorUnitIds: [...scope.monitorUnitIds], taskIds: [...scope.taskIds] },
  };
}
