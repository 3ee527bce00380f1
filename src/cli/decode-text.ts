// Bytes to text for the CLI: UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark.
// Anything else is refused rather than guessed at: a Latin-1 or Windows-1252 file decoded as UTF-8 would
// come out with replacement characters, and its spans would point at text the file does not hold.

export type Decoded = { text: string } | { refused: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF16LE = new TextDecoder('utf-16le', { fatal: true });

/** The text, or why it was refused. Byte-order marks are removed; line endings are kept, so offsets match the file. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'UTF-16 LE');
  // Big-endian swapped to little-endian by hand: TextDecoder('utf-16be') needs Node's full ICU.
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(swapPairs(bytes.subarray(2)), 'UTF-16 BE');
  if (looksBinary(bytes)) return { refused: 'looks like a binary file' };
  try {
    // ignoreBOM is false by default: a UTF-8 byte-order mark is dropped.
    return { text: UTF8.decode(bytes) };
  } catch {
    return { refused: 'not UTF-8 (convert it first, e.g. iconv -f windows-1252 -t utf-8)' };
  }
}

/** A NUL byte in the first 8 KB, as git and grep decide (asked only after UTF-16, which is full of NULs). */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

function decodeUtf16(body: Uint8Array, name: string): Decoded {
  try {
    return { text: UTF16LE.decode(body) };
  } catch {
    return { refused: `not valid ${name} after its byte-order mark` };
  }
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1];
    swapped[i + 1] = bytes[i];
  }
  // An odd last byte stays odd, so the decoder refuses it.
  if (bytes.length % 2 === 1) swapped[bytes.length - 1] = bytes[bytes.length - 1];
  return swapped;
}
