/** Saving a file from the page. */

/** Saves `content` as a download named `name` (JSON unless another media type is given). */
export function download(content: string | Uint8Array<ArrayBuffer>, name: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  Object.assign(document.createElement('a'), { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
