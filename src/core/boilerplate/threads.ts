// Reader comment threads under an article: each comment is signed by a short marker line ("Jane says:",
// "August 8, 2018 at 3:17 pm"), and between the markers is prose that reads like article text. The
// markers, not the prose, give the thread away: several of them close together.

/** Markers at most this many blocks apart belong to one thread. */
const MAX_MARKER_GAP = 8;
/** Fewer markers than this could be an article's own byline and date. */
const MIN_MARKERS = 3;
/** The last comment's text: at most this many blocks after the last marker. */
const MAX_LAST_COMMENT = 6;

/**
 * Half-open block ranges [start, end) that are comment threads. `known[i]` says block i is already
 * boilerplate: the last comment ends where the page's own boilerplate (a reply form, a footer) begins.
 */
export function commentThreads(isMarker: boolean[], known: boolean[]): [number, number][] {
  const threads: [number, number][] = [];
  let first = -1;
  let last = -1;
  let count = 0;
  const close = () => {
    if (count >= MIN_MARKERS) {
      let end = last + 1;
      while (end < isMarker.length && end - last <= MAX_LAST_COMMENT && !known[end]) end++;
      threads.push([first, end]);
    }
  };
  isMarker.forEach((marker, i) => {
    if (!marker) return;
    if (count > 0 && i - last <= MAX_MARKER_GAP) {
      last = i;
      count++;
      return;
    }
    close();
    first = last = i;
    count = 1;
  });
  close();
  return threads;
}
