import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where media files live. Local disk by default; the interface is what an S3-compatible store would implement. */
export interface MediaStorage {
  put(key: string, data: Buffer): Promise<void>;
  read(key: string): Promise<Buffer>;
}

export function createLocalMediaStorage(root: string): MediaStorage {
  const resolve = (key: string) => {
    const target = path.resolve(root, key);
    // Keys are ours, but a path never escapes the media folder.
    if (!target.startsWith(path.resolve(root) + path.sep)) throw new Error(`media key outside storage: ${key}`);
    return target;
  };
  return {
    async put(key, data) {
      const target = resolve(key);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, data);
    },
    read: (key) => readFile(resolve(key)),
  };
}
