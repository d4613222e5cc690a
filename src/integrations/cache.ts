/**
 * A small on-disk cache for expensive build artefacts (related papers, preview images), keyed by a
 * hash of their inputs, so an unchanged catalogue costs nothing the second time. It lives in
 * node_modules/.cache, like other tools' caches, and is safe to delete.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CACHE_DIR = process.env['CATALOGUE_ARTEFACT_CACHE'] ?? join('node_modules', '.cache', 'paper-catalogue');

/** A short, stable hash of any JSON-serialisable value or string. */
export function contentHash(value: unknown): string {
  return createHash('sha256')
    .update(typeof value === 'string' ? value : JSON.stringify(value))
    .digest('hex')
    .slice(0, 20);
}

function writeAtomic(path: string, data: string | Uint8Array): void {
  // Unique per writer: a worker thread and the page thread may store the same image at once.
  const temp = `${path}.${randomUUID()}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

/** Returns the cached JSON value for `key`, computing and storing it when absent. */
export function cachedJson<T>(namespace: string, key: string, compute: () => T): T {
  const dir = join(CACHE_DIR, namespace);
  const path = join(dir, `${key}.json`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    const value = compute();
    mkdirSync(dir, { recursive: true });
    writeAtomic(path, JSON.stringify(value));
    return value;
  }
}

/** The path of a cached binary file, or undefined; `storeFile` puts one there. */
export function cachedFilePath(namespace: string, key: string, ext: string): string {
  return join(CACHE_DIR, namespace, `${key}.${ext}`);
}

export function storeFile(namespace: string, key: string, ext: string, data: Uint8Array): string {
  const dir = join(CACHE_DIR, namespace);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${key}.${ext}`);
  writeAtomic(path, data);
  return path;
}
