// Accessibility in the browser suites: axe-core's WCAG 2.1 A and AA rules on a screen, what reached a
// screen reader (Fluent's announcer speaks through document.ariaNotify in Chromium, through a live
// region elsewhere; a field's error is a role="alert" element), and where the keyboard focus is.
// The recorder is installed before the page boots (init scripts are not subject to the page's CSP); axe runs through tests/support/axe.ts.
import type { Page } from 'playwright-core';
import { axeViolations } from './axe';

/** Records every announcement as { text, politeness, via } in window.__announced. */
const RECORDER = `(() => {
  const log = [];
  window.__announced = log;
  const push = (text, politeness, via) => { text = String(text || '').trim(); if (text) log.push({ text, politeness, via }); };
  const proto = Document.prototype;
  if (typeof proto.ariaNotify === 'function') {
    const real = proto.ariaNotify;
    proto.ariaNotify = function (message, options) {
      push(message, options && options.priority === 'high' ? 'assertive' : 'polite', 'ariaNotify');
      return real.call(this, message, options);
    };
  }
  const politenessOf = (el) => (el.getAttribute('role') === 'alert' || el.getAttribute('aria-live') === 'assertive' ? 'assertive' : 'polite');
  new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (node.nodeType !== 1) continue;
        const alerts = node.matches('[role=alert]') ? [node] : [...node.querySelectorAll('[role=alert]')];
        for (const a of alerts) push(a.textContent, 'assertive', 'alert');
      }
      const target = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      const live = target && target.closest('[aria-live]');
      if (live && r.type === 'childList' && r.addedNodes.length > 0) push(live.textContent, politenessOf(live), 'live-region');
    }
  }).observe(document, { subtree: true, childList: true });
})();`;

export interface Announcement {
  readonly text: string;
  readonly politeness: 'assertive' | 'polite';
  readonly via: 'ariaNotify' | 'alert' | 'live-region';
}

/** Call before page.goto: the announcement recorder is then present from the first script on. */
export async function installA11yProbes(page: Page): Promise<void> {
  await page.addInitScript(RECORDER);
}

/**
 * Fails with the list of WCAG 2.1 A/AA violations on the page as it is now. Tabster's focus-trap
 * helper elements (data-tabster-dummy) are a known false positive of Fluent UI and are excluded,
 * exactly those.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) throw new Error(`axe found ${violations.length} WCAG 2.1 A/AA violation(s) on "${screen}":\n${violations.join('\n')}`);
}

/** Everything announced since the page loaded (or since the last `clearAnnouncements`). */
export function announcements(page: Page): Promise<Announcement[]> {
  return page.evaluate(() => (window as unknown as { __announced: Announcement[] }).__announced.slice());
}

export function clearAnnouncements(page: Page): Promise<void> {
  return page.evaluate(() => void (window as unknown as { __announced: Announcement[] }).__announced.splice(0));
}

/** Waits until `text` has been announced (containing it), and returns how many times and how. */
export async function announced(page: Page, text: string, timeout = 15_000): Promise<Announcement[]> {
  await page.waitForFunction((t) => (window as unknown as { __announced: Announcement[] }).__announced.some((a) => a.text.includes(t)), text, { timeout });
  return (await announcements(page)).filter((a) => a.text.includes(text));
}

export interface Focused {
  readonly tag: string;
  readonly role: string | null;
  /** aria-label, else the text of aria-labelledby, else the label of a form field, else the text. */
  readonly name: string;
}

/** The element that has the keyboard focus, described as a screen reader would name it. */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', role: null, name: '' };
    const byIds = (ids: string | null) => (ids ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
    const name = el.getAttribute('aria-label') ?? (byIds(el.getAttribute('aria-labelledby')) || label || el.textContent || '');
    return { tag: el.tagName.toLowerCase(), role: el.getAttribute('role'), name: name.replace(/\s+/g, ' ').trim() };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element's name satisfies `match`; fails after `max` presses. */
export async function tabTo(page: Page, match: (f: Focused) => boolean, { max = 40, back = false } = {}): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (match(f)) return f;
    seen.push(`${f.tag}[${f.role ?? ''}] ${f.name.slice(0, 60)}`);
  }
  throw new Error(`Tab did not reach the element; focus went through:\n${seen.join('\n')}`);
}
