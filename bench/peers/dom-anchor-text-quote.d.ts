/** The part of dom-anchor-text-quote (no types of its own) that the bench uses. */
declare module 'dom-anchor-text-quote' {
  export function toTextPosition(
    root: Node,
    selector: { exact: string; prefix?: string; suffix?: string },
    options?: { hint?: number },
  ): { start: number; end: number } | null;
}
