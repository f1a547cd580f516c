/**
 * The web-standard globals the pure core may use. Browsers, workers and Node 20+ all provide
 * them; declaring them here (instead of pulling in the DOM or Node type libraries) keeps the
 * core honest about what it depends on. Checked by `tsc -p tsconfig.core.json`.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare const crypto: {
  randomUUID(): string;
  subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> };
};
