// A fake Word host for tests: Office.js proxy semantics, sync counting, an inspectable document.
export { installFakeWord, FakeOfficeError, type FakeWord } from './host';
export * from './model';
export { documentXml, savedDocx } from './docx';
