// Offsets to line and column, for reports and for files that are not open in an editor. Lines end at
// \n, \r\n or a lone \r, as in VS Code; columns count UTF-16 code units, as VS Code's do.

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    // The breaks in text order, found by indexOf (a native scan, several times a loop of charCodeAt).
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        // A \r before \n is one break with it, counted at the \n.
        if (text.charCodeAt(cr + 1) !== 10) this.starts.push(cr + 1);
        cr = text.indexOf('\r', cr + 1);
      } else {
        this.starts.push(lf + 1);
        lf = text.indexOf('\n', lf + 1);
      }
    }
  }

  /** Zero-based line and character, the way VS Code's `Position` counts. */
  position(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  /** One-based `line:column`, the way terminals and editors print a place. */
  label(offset: number): string {
    const { line, character } = this.position(offset);
    return `${line + 1}:${character + 1}`;
  }
}
