import { describe, expect, it } from 'vitest';
import { mhtmlPage } from './mhtml';

/** An MHTML file as Chromium writes one: the page quoted-printable, then a resource part. */
const saved = [
  'From: <Saved by Blink>',
  'Snapshot-Content-Location: https://example.org/news/1',
  'Subject: =?utf-8?Q?A_page?=',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related;',
  '\ttype="text/html";',
  '\tboundary="----MultipartBoundary--abc----"',
  '',
  '',
  '------MultipartBoundary--abc----',
  'Content-Type: text/html',
  'Content-ID: <frame-1@mhtml.blink>',
  'Content-Transfer-Encoding: quoted-printable',
  'Content-Location: https://example.org/news/1',
  '',
  '<html><head><meta charset=3D"utf-8"></head><body><p>Caf=C3=A9 =E2=80=9Cquoted=E2=80=9D and a long li=',
  'ne joined.</p></body></html>',
  '------MultipartBoundary--abc----',
  'Content-Type: image/png',
  'Content-Transfer-Encoding: base64',
  '',
  'iVBORw0KGgo=',
  '------MultipartBoundary--abc------',
  '',
].join('\r\n');

describe('mhtmlPage', () => {
  it('reads the HTML part, decoding quoted-printable UTF-8 and soft line breaks, with the address it was saved from', () => {
    const { html, url } = mhtmlPage(saved);
    expect(html).toContain('<p>Café “quoted” and a long line joined.</p>');
    expect(url).toBe('https://example.org/news/1');
  });

  it('reads a base64 part', () => {
    const file = saved.replace('quoted-printable', 'base64').replace(/<html>[\s\S]*?<\/html>/, btoa('<html><body><p>Plain</p></body></html>'));
    expect(mhtmlPage(file).html).toBe('<html><body><p>Plain</p></body></html>');
  });

  it('refuses a file with no MIME boundary or no HTML part', () => {
    expect(() => mhtmlPage('<html></html>')).toThrow(/no MIME boundary/);
    expect(() => mhtmlPage(saved.replace('Content-Type: text/html', 'Content-Type: text/plain'))).toThrow(/no HTML page/);
  });
});
