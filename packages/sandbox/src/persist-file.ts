import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { SandboxPersistence } from './sandbox';
import type { StateSnapshot } from './state';

export interface FilePersistence extends SandboxPersistence {
  /** Writes any pending change now; resolves when it is on disk. */
  flush(): Promise<void>;
}

/**
 * Sandbox state in a JSON file: loaded once at start, written at most every `debounceMs`, each
 * write to a temporary file renamed over the old one, so a crash never leaves half a file.
 */
export function filePersistence(path: string, options: { debounceMs?: number } = {}): FilePersistence {
  const debounceMs = options.debounceMs ?? 200;
  let pending: StateSnapshot | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const write = (): Promise<void> => {
    timer = undefined;
    const snapshot = pending;
    pending = undefined;
    if (snapshot === undefined) return writing;
    const text = `${JSON.stringify(snapshot)}\n`;
    const temporary = `${path}.${process.pid}.tmp`;
    writing = writing
      .then(() => writeFile(temporary, text, { mode: 0o600 }))
      .then(() => rename(temporary, path))
      .catch((error: unknown) => console.error('[plugboard-sandbox] could not persist state:', error));
    return writing;
  };

  return {
    load() {
      if (!existsSync(path)) return undefined;
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      if (
        typeof parsed !== 'object' ||
        parsed === null ||
        (parsed as { version?: unknown }).version !== 1 ||
        !Array.isArray((parsed as { accounts?: unknown }).accounts) ||
        !Array.isArray((parsed as { links?: unknown }).links)
      ) {
        throw new Error(`${path} is not a sandbox state file (version 1)`);
      }
      return parsed as StateSnapshot;
    },
    save(snapshot) {
      pending = snapshot;
      timer ??= setTimeout(write, debounceMs);
    },
    async flush() {
      if (timer !== undefined) clearTimeout(timer);
      await write();
    },
  };
}
