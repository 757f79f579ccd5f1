// Installs the fake Word host as the globals Word and Office (Office.context.requirements only),
// like the fake Excel host; tests inspect the document model and the sync counter.
import { FakeContext, FakeOfficeError, type WordHostControl } from './context';
import { documentLines, tableValues, type DocumentState, type ParagraphNode, type TableNode, allParagraphs, newParagraph } from './model';
import { DocumentProxy } from './proxies';

export interface FakeWord {
  readonly host: WordHostControl;
  readonly doc: DocumentState;
  /** Every paragraph's text in reading order (table cells included). */
  lines(): string[];
  tables(): TableNode[];
  tableValues(t: TableNode): string[][];
  /** Paragraphs wrapped in a content control with this tag. */
  controls(tag: string): ParagraphNode[];
  uninstall(): void;
}

const newer = (have: string, want: string): boolean => {
  const [a, b] = [have.split('.').map(Number), want.split('.').map(Number)];
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
};

/**
 * @example const word = installFakeWord({ requirementSets: { WordApi: '1.3', WordApiDesktop: '1.3' } });
 *          await writeReport(model); expect(word.host.syncCount).toBe(1); word.uninstall();
 */
export function installFakeWord(options: Partial<Pick<WordHostControl, 'latencyMs' | 'requirementSets'>> = {}): FakeWord {
  const host: WordHostControl = {
    syncCount: 0, runCount: 0, latencyMs: options.latencyMs ?? 0, failNextSync: null,
    requirementSets: options.requirementSets ?? { WordApi: '1.3', WordApiDesktop: '1.3' },
  };
  const doc: DocumentState = { blocks: [newParagraph()], font: {}, pageSetup: {}, customProperties: {}, headerOoxml: '' };
  const supported = (set: string, version = '1.1'): boolean => host.requirementSets[set] !== undefined && newer(host.requirementSets[set], version);
  const g = globalThis as Record<string, unknown>;
  const before = { Word: g.Word, Office: g.Office };

  g.Word = {
    InsertLocation: { before: 'Before', after: 'After', start: 'Start', end: 'End', replace: 'Replace' },
    ErrorCodes: { accessDenied: 'AccessDenied', generalException: 'GeneralException', invalidArgument: 'InvalidArgument', itemNotFound: 'ItemNotFound' },
    async run<T>(batch: (context: { document: DocumentProxy; sync(): Promise<void> }) => Promise<T>): Promise<T> {
      host.runCount += 1;
      const ctx = new FakeContext(host);
      const context = { document: new DocumentProxy(ctx, doc, supported('WordApiDesktop', '1.3')), sync: () => ctx.sync() };
      const result = await batch(context);
      // Word.run sends what is still queued when the batch returns.
      if (ctx.pending) await ctx.sync();
      return result;
    },
  };
  g.Office = { ...(before.Office as object), context: { requirements: { isSetSupported: supported } } };

  return {
    host,
    doc,
    lines: () => documentLines(doc),
    tables: () => doc.blocks.filter((b): b is TableNode => b.kind === 'table'),
    tableValues,
    controls: (tag) => allParagraphs(doc).filter((p) => p.control?.tag === tag),
    uninstall: () => {
      g.Word = before.Word;
      g.Office = before.Office;
    },
  };
}

export { FakeOfficeError };
