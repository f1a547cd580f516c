/** What to tell a person about an error: its message (anything can be thrown). DOM-free, for the page, the workers and the CLI alike. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
