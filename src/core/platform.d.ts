/**
 * The web-standard globals the pure core may use. Browsers, workers and Node 20+ all provide
 * them; declaring them here (instead of pulling in the DOM or Node type libraries) keeps the
 * core honest about what it depends on. Checked by `tsc -p tsconfig.core.json`.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}

declare const crypto: {
  randomUUID(): string;
  subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> };
};

declare class URLSearchParams {
  keys(): IterableIterator<string>;
  delete(name: string): void;
}

declare class URL {
  constructor(url: string, base?: string);
  hash: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
  readonly pathname: string;
  readonly search: string;
  readonly searchParams: URLSearchParams;
}

/** Base64 decoding (MHTML parts). */
declare function atob(data: string): string;
