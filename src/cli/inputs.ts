// Reading the CLI's inputs: files, directories (their Markdown and text files), or standard input.
// Unreadable paths are usage errors; binary and oversized files are skipped with a message.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DOCUMENT_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mdx', '.txt', '.text']);

export interface InputFile {
  path: string;
  text: string;
}

export interface ReadResult {
  files: InputFile[];
  /** One line each: why a file was skipped. */
  skipped: string[];
}

export class UsageError extends Error {}

export function readInputs(paths: string[], maxBytes: number, readStdin: () => Buffer): ReadResult {
  const result: ReadResult = { files: [], skipped: [] };
  for (const path of paths) {
    if (path === '-') {
      addFile(result, '<stdin>', readStdin(), maxBytes);
      continue;
    }
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new UsageError(`cannot read ${path}: no such file or directory`);
    }
    if (stats.isDirectory()) {
      for (const file of documentsUnder(path)) addFromDisk(result, file, maxBytes);
    } else {
      addFromDisk(result, path, maxBytes);
    }
  }
  return result;
}

function addFromDisk(result: ReadResult, path: string, maxBytes: number): void {
  const size = statSync(path).size;
  if (size > maxBytes) {
    result.skipped.push(`${path}: skipped, ${size} bytes is over the ${maxBytes}-byte cap (--max-bytes)`);
    return;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  addFile(result, path, bytes, maxBytes);
}

function addFile(result: ReadResult, path: string, bytes: Buffer, maxBytes: number): void {
  if (bytes.length > maxBytes) {
    result.skipped.push(`${path}: skipped, ${bytes.length} bytes is over the ${maxBytes}-byte cap (--max-bytes)`);
  } else if (looksBinary(bytes)) {
    result.skipped.push(`${path}: skipped, looks like a binary file`);
  } else {
    result.files.push({ path, text: decodeText(bytes) });
  }
}

/** UTF-8 with any byte-order mark removed; line endings are kept, so offsets match the file. */
export function decodeText(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A NUL byte in the first 8 KB, as git and grep decide. */
export function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

function documentsUnder(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const path = join(dir, name);
    const stats = statSync(path);
    if (stats.isDirectory()) found.push(...documentsUnder(path));
    else if (DOCUMENT_EXTENSIONS.has(extname(name).toLowerCase())) found.push(path);
  }
  return found;
}
