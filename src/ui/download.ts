/** Saving a file from the page. */

/** Saves `content` as a download named `name` (JSON unless another media type is given; a Blob keeps its own). */
export function download(content: string | Uint8Array<ArrayBuffer> | Blob, name: string, type = 'application/json'): void {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  Object.assign(document.createElement('a'), { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
