// Host detection never fails: every way of not being inside Excel or Word has a reason.
import { detectHost, hostOf, supports } from '../../src/office/host';

type FakeOffice = {
  HostType: Record<string, string>;
  onReady: () => Promise<{ host: string | null }>;
  context?: { requirements: { isSetSupported: (set: string, version: string) => boolean } };
};

function install(office: FakeOffice | undefined) {
  (globalThis as { Office?: unknown }).Office = office;
}

function fake(onReady: FakeOffice['onReady'], isSetSupported?: (set: string, version: string) => boolean): FakeOffice {
  return {
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint' },
    onReady,
    context: isSetSupported && { requirements: { isSetSupported } },
  };
}

afterEach(() => install(undefined));

describe('detectHost', () => {
  it('reports a missing office.js without waiting', async () => {
    await expect(detectHost(10)).resolves.toEqual({ host: 'outside', reason: 'no-office-js' });
  });

  it.each([
    ['Excel', { host: 'excel' }],
    ['Word', { host: 'word' }],
    ['PowerPoint', { host: 'outside', reason: 'other-host' }],
    [null, { host: 'outside', reason: 'no-host' }],
  ])('maps Office.onReady host %p', async (host, expected) => {
    install(fake(() => Promise.resolve({ host })));
    await expect(detectHost(1000)).resolves.toEqual(expected);
  });

  it('gives up when Office.onReady never answers', async () => {
    install(fake(() => new Promise(() => undefined)));
    await expect(detectHost(20)).resolves.toEqual({ host: 'outside', reason: 'timeout' });
  });

  it('treats a rejected Office.onReady as no host', async () => {
    install(fake(() => Promise.reject(new Error('boom'))));
    await expect(detectHost(1000)).resolves.toEqual({ host: 'outside', reason: 'no-host' });
  });
});

describe('hostOf', () => {
  it('reads undefined as no host', () => {
    expect(hostOf(undefined)).toEqual({ host: 'outside', reason: 'no-host' });
  });
});

describe('supports', () => {
  it('asks the running Office which requirement sets it supports', () => {
    const asked: string[] = [];
    install(fake(() => Promise.resolve({ host: 'Excel' }), (set, version) => (asked.push(`${set} ${version}`), version <= '1.12')));
    expect(supports('ExcelApi', '1.12')).toBe(true);
    expect(supports('ExcelApi', '1.17')).toBe(false);
    expect(asked).toEqual(['ExcelApi 1.12', 'ExcelApi 1.17']);
  });

  it('is false outside Office', () => {
    expect(supports('WordApi', '1.1')).toBe(false);
    install(fake(() => Promise.resolve({ host: null })));
    expect(supports('WordApi', '1.1')).toBe(false);
  });
});
