// A minimal XML reader for tests (manifest.xml): elements, attributes, text, comments, the XML
// declaration. No DTDs, no CDATA, no namespaces resolution – names are kept as written (bt:Image).

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r';
}

/** Parses a document and returns its root element; throws on malformed input. */
export function parseXml(source: string): XmlElement {
  let i = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${i}`);
  };
  const skip = (end: string) => {
    const at = source.indexOf(end, i);
    if (at < 0) fail(`missing "${end}"`);
    i = at + end.length;
  };
  const readName = (): string => {
    const start = i;
    while (i < source.length && !isSpace(source[i]) && !'/>='.includes(source[i])) i++;
    if (i === start) fail('expected a name');
    return source.slice(start, i);
  };
  const skipSpace = () => {
    while (isSpace(source[i])) i++;
  };

  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < source.length) {
    if (source.startsWith('<?', i)) skip('?>');
    else if (source.startsWith('<!--', i)) skip('-->');
    else if (source.startsWith('</', i)) {
      i += 2;
      const name = readName();
      skipSpace();
      if (source[i] !== '>') fail('expected ">"');
      i++;
      const open = stack.pop();
      if (!open || open.name !== name) fail(`unexpected </${name}>`);
    } else if (source[i] === '<') {
      i++;
      const element: XmlElement = { name: readName(), attributes: {}, children: [], text: '' };
      for (;;) {
        skipSpace();
        if (source.startsWith('/>', i) || source[i] === '>') break;
        const attribute = readName();
        skipSpace();
        if (source[i] !== '=') fail('expected "="');
        i++;
        skipSpace();
        const quote = source[i];
        if (quote !== '"' && quote !== "'") fail('expected a quoted value');
        const end = source.indexOf(quote, i + 1);
        if (end < 0) fail('unterminated attribute value');
        element.attributes[attribute] = decode(source.slice(i + 1, end));
        i = end + 1;
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) fail('more than one root element');
      else root = element;
      if (source[i] === '/') i += 2;
      else {
        i++;
        stack.push(element);
      }
    } else {
      const end = source.indexOf('<', i);
      const text = source.slice(i, end < 0 ? source.length : end);
      const parent = stack[stack.length - 1];
      if (parent) parent.text += decode(text);
      else if (text.trim()) fail('text outside the root element');
      i = end < 0 ? source.length : end;
    }
  }
  if (stack.length > 0) fail(`unclosed <${stack[stack.length - 1].name}>`);
  if (!root) return fail('no root element');
  return root;
}

/** Every element below (and including) `element`, depth first. */
export function descendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendants)];
}

/** The direct children named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}
