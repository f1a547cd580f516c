/**
 * MHTML (RFC 2557), as Chromium's "Save as… single file" writes it: a MIME multipart/related
 * message whose first text/html part is the page. Only that part is read; its images and
 * stylesheets are not needed for the text.
 */

/** A MIME part: its headers (lower-cased names) and body. */
interface Part {
  headers: Map<string, string>;
  body: string;
}

function parsePart(raw: string): Part {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  // Folded header lines continue with whitespace.
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function parameter(header: string | undefined, name: string): string | undefined {
  const match = header?.match(new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i'));
  return match ? (match[1] ?? match[2]) : undefined;
}

function quotedPrintable(body: string): Uint8Array<ArrayBuffer> {
  const text = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.charCodeAt(i) === 0x3d ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i) & 0xff);
  }
  return new Uint8Array(bytes);
}

function base64(body: string): Uint8Array<ArrayBuffer> {
  const binary = atob(body.replace(/\s+/g, ''));
  return Uint8Array.from(binary, (c: string) => c.charCodeAt(0));
}

/** The page of an MHTML file as HTML, and the address it was saved from; throws when it holds none. */
export function mhtmlPage(mhtml: string): { html: string; url?: string } {
  const top = parsePart(mhtml);
  const boundary = parameter(top.headers.get('content-type'), 'boundary');
  if (!boundary) throw new Error('not an MHTML file (no MIME boundary)');
  const parts = top.body.split(`--${boundary}`).slice(1).map(parsePart);
  const page = parts.find((p) => /^text\/html\b/i.test(p.headers.get('content-type') ?? ''));
  if (!page) throw new Error('the MHTML file holds no HTML page');
  const encoding = page.headers.get('content-transfer-encoding')?.toLowerCase();
  const bytes =
    encoding === 'quoted-printable'
      ? quotedPrintable(page.body)
      : encoding === 'base64'
        ? base64(page.body)
        : Uint8Array.from(page.body, (c: string) => c.charCodeAt(0) & 0xff);
  const charset = parameter(page.headers.get('content-type'), 'charset') ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  const url = top.headers.get('snapshot-content-location') ?? page.headers.get('content-location');
  return { html: decoder.decode(bytes), ...(url ? { url } : {}) };
}
