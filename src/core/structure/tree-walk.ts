// Stage 1, Markdown only: walking remark's tree without recursion. A tree is as deep as the input
// nests (20,000 `>` make 20,000 nested block quotes), so a recursive walk overflows the call stack on
// input remark itself parses; an explicit stack grows on the heap instead.
import type { Node, Parent, Point, Position } from 'unist';

/** Returned by a visitor to leave the node's children unvisited. */
export const SKIP: unique symbol = Symbol('skip');

/**
 * Visits `root` and every node under it depth first, in document order (a node before its children,
 * children left to right), as a recursive walk would. `enter` returns the context its node's children
 * are visited with, or SKIP.
 */
export function walkTree<C>(root: Node, context: C, enter: (node: Node, context: C) => C | typeof SKIP): void {
  const nodes: Node[] = [root];
  const contexts: C[] = [context];
  while (nodes.length > 0) {
    const node = nodes.pop() as Node;
    const childContext = enter(node, contexts.pop() as C);
    if (childContext === SKIP) continue;
    const children = (node as Parent).children;
    if (!children) continue;
    // Pushed last to first, so the first child is popped next.
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]);
      contexts.push(childContext);
    }
  }
}

/**
 * Moves every position in the tree `shift` code units on: remark drops a leading byte-order mark
 * (U+FEFF) and counts from the character after it, so its offsets are one short of the original text's.
 * Points on the first line move their column too; later lines' columns do not include the mark.
 */
export function shiftPositions(tree: Node, shift: number): void {
  if (shift === 0) return;
  const moved = (point: Point): Point => ({
    ...point,
    column: point.line === 1 ? point.column + shift : point.column,
    offset: point.offset === undefined ? undefined : point.offset + shift,
  });
  walkTree(tree, undefined, (node) => {
    const position: Position | undefined = node.position;
    if (position) node.position = { ...position, start: moved(position.start), end: moved(position.end) };
    return undefined;
  });
}
