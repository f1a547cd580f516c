/**
 * Building DOM from data. Every string becomes a text node or an attribute value: input is
 * never parsed as HTML, so no title, note or citation can inject markup or script; and bidi
 * controls in it are shown as their codes, so none can disguise a name or an address.
 */
import { isoPublished } from '../core/dates';
import { visibleBidiControls } from '../core/text';

type Child = Node | string | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined | ((event: never) => void);

/** Attributes people read (or hear): bidi controls in them are shown too. */
const SHOWN_ATTRIBUTES = new Set(['aria-label', 'title', 'alt', 'placeholder']);

/**
 * Creates an element. Attributes whose name starts with `on` and whose value is a function are
 * event listeners (`onclick` → 'click'); `true` sets a boolean attribute; null, undefined and
 * false leave an attribute out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, AttrValue> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value as EventListener);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined)
      element.setAttribute(name, SHOWN_ATTRIBUTES.has(name) ? visibleBidiControls(String(value)) : String(value));
  }
  element.append(...children.flatMap((c) => (c === null || c === undefined || c === false ? [] : [typeof c === 'string' ? visibleBidiControls(c) : c])));
  return element;
}

/** Formatters made once: making one per call (what toLocaleString does) costs 50 µs each, a second per 20,000 claims. */
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const DATE_UTC = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** Formats an ISO date or date-time for people, leaving anything else as written. */
export function formatDate(value: string | undefined, withTime = false): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  if (withTime) return DATE_TIME.format(date);
  // A bare date means that calendar day, wherever the reader is.
  return (/^\d{4}-\d\d-\d\d$/.test(value) ? DATE_UTC : DATE).format(date);
}

const MONTH = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * A publication date for people: an ISO date (or year, or year and month) formatted, anything
 * else shown as it was written, never read by a lenient parser ("Issue 12" stays "Issue 12").
 */
export function formatPublished(value: string): string {
  const iso = isoPublished(value);
  if (!iso) return value;
  if (iso.instant) return DATE.format(new Date(iso.instant));
  if (iso.day) return DATE_UTC.format(new Date(Date.UTC(iso.year, iso.month! - 1, iso.day)));
  if (iso.month) return MONTH.format(new Date(Date.UTC(iso.year, iso.month - 1, 1)));
  return String(iso.year);
}

/** " · date" after a byline: a <time> for an ISO date, plain text for anything else. */
export function publishedElement(value: string | undefined): HTMLElement | null {
  if (!value) return null;
  return isoPublished(value) ? h('time', { datetime: value.trim() }, ` · ${formatPublished(value)}`) : h('span', {}, ` · ${value}`);
}

/** Shortens long text for lists, at a whole character. */
export function ellipsis(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
