/**
 * Dates as files give them. Times are read in UTC, never in the reader's zone; a publication date
 * is taken only when it is ISO 8601 (whole or partial: 2015, 2015-09, 2015-09-30, a date-time),
 * so no lenient parser ever turns "Issue 12" into a day in 2001.
 */

const ISO_PARTIAL = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

const MONTHS = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const TIME = '(?:,? \\d{1,2}:\\d{2}(?::\\d{2})?)?';
/** A date in English words: "18 April 2017" or "April 18, 2017", with an optional time. */
const WORDS_DATE = new RegExp(`^(?:\\d{1,2} ${MONTHS}\\.? \\d{4}|${MONTHS}\\.? \\d{1,2},? \\d{4})${TIME}$`, 'i');

/**
 * The instant a file's date names, as ISO 8601 UTC, or undefined. A date-time without a zone,
 * and a date in English words ("18 April 2017"), are taken as UTC; nothing else is guessed at.
 */
export function utcInstant(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const s = value.trim();
  const iso = ISO_DATE_TIME.exec(s);
  const candidate = ISO_PARTIAL.test(s)
    ? s.length === 10
      ? `${s}T00:00:00Z`
      : undefined
    : iso
      ? iso[1]
        ? s
        : `${s}Z`
      : WORDS_DATE.test(s)
        ? `${s} UTC`
        : undefined;
  if (candidate === undefined) return undefined;
  const time = Date.parse(candidate);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** A publication date's parts when it is ISO 8601 (year, year-month, date or date-time); null otherwise. */
export function isoPublished(value: string): { year: number; month?: number; day?: number; instant?: string } | null {
  const s = value.trim();
  const partial = ISO_PARTIAL.exec(s);
  if (partial) {
    const [, year, month, day] = partial;
    return { year: Number(year), ...(month ? { month: Number(month) } : {}), ...(day ? { day: Number(day) } : {}) };
  }
  if (!ISO_DATE_TIME.test(s)) return null;
  const instant = utcInstant(s);
  return instant ? { year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)), day: Number(s.slice(8, 10)), instant } : null;
}
