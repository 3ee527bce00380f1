// Reading the CLI's inputs: files, directories (their Markdown and text files), or standard input.
// A path on the command line that cannot be read is a usage error. Inside a directory nothing stops the
// run: symbolic links (not followed), FIFOs, devices, unreadable entries, binary, non-UTF-8 and oversized
// files are each skipped with one line saying why.
import { lstatSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { extname, join } from 'node:path';
import { decodeBytes } from './decode-text';

export { decodeBytes, looksBinary } from './decode-text';

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
    // A named path is followed if it is a link: the user chose it.
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${reasonOf(error)}`);
    }
    if (stats.isDirectory()) {
      let found: string[];
      try {
        found = documentsUnder(path, result.skipped);
      } catch (error) {
        throw new UsageError(`cannot read ${path}: ${reasonOf(error)}`);
      }
      for (const file of found) {
        const unreadable = addFromDisk(result, file, maxBytes);
        if (unreadable) result.skipped.push(`${file}: skipped, cannot read it: ${unreadable}`);
      }
    } else if (!stats.isFile()) {
      // Opening a FIFO with no writer would wait for ever; a device may never end.
      result.skipped.push(`${path}: skipped, not a regular file (${kindOf(stats)}); use - for standard input`);
    } else {
      const unreadable = addFromDisk(result, path, maxBytes, stats.size);
      if (unreadable) throw new UsageError(`cannot read ${path}: ${unreadable}`);
    }
  }
  return result;
}

/** Reads a regular file; returns why it could not be read, if it could not. */
function addFromDisk(result: ReadResult, path: string, maxBytes: number, size?: number): string | undefined {
  let bytes: Buffer;
  try {
    size ??= statSync(path).size;
    if (size > maxBytes) {
      result.skipped.push(overCap(path, size, maxBytes));
      return undefined;
    }
    bytes = readFileSync(path);
  } catch (error) {
    return reasonOf(error);
  }
  addFile(result, path, bytes, maxBytes);
  return undefined;
}

function addFile(result: ReadResult, path: string, bytes: Buffer, maxBytes: number): void {
  if (bytes.length > maxBytes) {
    result.skipped.push(overCap(path, bytes.length, maxBytes));
    return;
  }
  const decoded = decodeBytes(bytes);
  if ('refused' in decoded) result.skipped.push(`${path}: skipped, ${decoded.refused}`);
  else result.files.push({ path, text: decoded.text });
}

const overCap = (path: string, size: number, maxBytes: number): string =>
  `${path}: skipped, ${size} bytes is over the ${maxBytes}-byte cap (raise it with --max-bytes)`;

/**
 * The documents under a directory, by the type of each entry itself (lstat): symbolic links are reported
 * and not followed (a link may dangle, loop, or lead out of the tree), FIFOs and devices named like
 * documents are reported and never opened. A subdirectory that cannot be listed is reported and passed over.
 */
function documentsUnder(dir: string, skipped: string[]): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const path = join(dir, name);
    let stats: Stats;
    try {
      stats = lstatSync(path);
    } catch (error) {
      skipped.push(`${path}: skipped, cannot read it: ${reasonOf(error)}`);
      continue;
    }
    const isDocument = DOCUMENT_EXTENSIONS.has(extname(name).toLowerCase());
    if (stats.isSymbolicLink())
      skipped.push(`${path}: skipped, symbolic link (links inside a directory are not followed)`);
    else if (stats.isDirectory()) {
      try {
        found.push(...documentsUnder(path, skipped));
      } catch (error) {
        skipped.push(`${path}: skipped, cannot read it: ${reasonOf(error)}`);
      }
    } else if (isDocument && stats.isFile()) found.push(path);
    else if (isDocument) skipped.push(`${path}: skipped, not a regular file (${kindOf(stats)})`);
  }
  return found;
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a file';
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'ELOOP') return 'too many symbolic links (a loop?)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? String(error);
}
