// The weights shipped with Source Lens, read on first use: the file is bundled as data, and its bytes are
// decoded only when an analysis first needs the tagger (an editor that never opens a story never pays).
import file from '../../lexicon/attribution-tagger.json';
import { readWeightsFile, type WeightsFile } from './weights-file';
import type { TaggerWeights } from './weights';

let decoded: TaggerWeights | null | undefined;

/** The shipped weights; null (the rules run alone) if the file does not fit this code, which a test forbids. */
export function shippedWeights(): TaggerWeights | null {
  if (decoded === undefined) {
    const read = readWeightsFile(file);
    decoded = 'weights' in read ? read.weights : null;
  }
  return decoded;
}

/** The shipped file as written (its training record, for the CLI and tests). */
export function shippedWeightsFile(): WeightsFile {
  return file as WeightsFile;
}
