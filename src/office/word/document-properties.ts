// The binding as the document's custom properties (WordApi 1.3): the server's .docx carries them
// (src/server/report-docx.ts writes cds.submissionId, cds.revision, cds.contentHash), and a report
// written by the add-in gets them too. A head who opens the server's .docx in Word can thus approve
// it: it has no content control, but its properties say which revision it shows.
import type { DocumentBinding } from './binding-text';

export const PROPERTY = { submissionId: 'cds.submissionId', revision: 'cds.revision', contentHash: 'cds.contentHash' } as const;

/** Queues the three properties (no sync). */
export function queueBindingProperties(document: Word.Document, b: DocumentBinding): void {
  const properties = document.properties.customProperties;
  properties.add(PROPERTY.submissionId, b.submissionId);
  properties.add(PROPERTY.revision, String(b.revision));
  properties.add(PROPERTY.contentHash, b.contentHash);
}

/**
 * Queues properties that bind to nothing, for a monitoring agency's extract: a document that shows
 * some tasks of a report must never let anyone approve the whole revision (take() gives null).
 */
export function queueNoBinding(document: Word.Document): void {
  const properties = document.properties.customProperties;
  for (const key of Object.values(PROPERTY)) properties.add(key, '');
}

/** Queues the loads of the three properties; `take()` after the sync gives the binding or null. */
export function loadBindingProperties(document: Word.Document): { take: () => DocumentBinding | null } {
  const properties = document.properties.customProperties;
  const items = (Object.values(PROPERTY)).map((key) => {
    const item = properties.getItemOrNullObject(key);
    item.load('value');
    return item;
  });
  return {
    take: () => {
      if (items.some((i) => i.isNullObject)) return null;
      const [submissionId, revision, contentHash] = items.map((i) => String(i.value).trim());
      if (!submissionId || !/^\d+$/.test(revision) || !/^[0-9a-f]{64}$/.test(contentHash)) return null;
      return { submissionId, revision: Number(revision), contentHash };
    },
  };
}
