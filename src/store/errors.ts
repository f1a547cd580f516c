/** Turning failures, IndexedDB's above all, into messages a person can act on. */

/** A storage failure with a message fit to show; nothing was changed by the failed action. */
export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/** A message for a failed action: what happened, and that what was stored is still there. */
export function describeStorageError(error: unknown, action: string): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') {
    return `Could not ${action}: this browser's storage for claimtrail is full. Nothing was changed; export your work and remove what you no longer need.`;
  }
  if (name === 'VersionError') {
    return `Could not ${action}: a newer version of claimtrail has upgraded this browser's database. Reload the page to use it.`;
  }
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return `Could not ${action}${detail}. Nothing was changed.`;
}

/** Runs one storage action, turning its failure into a StorageError that says what `action` was. */
export async function storageAction<T>(action: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new StorageError(describeStorageError(error, action), { cause: error });
  }
}
