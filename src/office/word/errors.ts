// Office errors translated, never swallowed (docs/architecture.md §3): a Word failure reaches the head as a
// Vietnamese sentence that says what to do, with Office's code kept for support. The sentences live
// in src/text/strings.ts (officeErrors.word), with the rest of the UI text.
import { strings } from '../../text/strings';

export class WordError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'WordError';
  }
}

const MESSAGES: Readonly<Record<string, string>> = strings.officeErrors.word.byCode;

/** Runs a Word batch; an Office error becomes a WordError with a Vietnamese message. */
export async function translated<T>(batch: () => Promise<T>): Promise<T> {
  try {
    return await batch();
  } catch (error) {
    if (error instanceof WordError) throw error;
    const code = (error as { code?: unknown })?.code;
    if (typeof code === 'string') {
      throw new WordError(MESSAGES[code] ?? strings.officeErrors.word.other(code), code);
    }
    throw error;
  }
}
