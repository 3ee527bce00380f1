// remark-parse alone on one of issue 14's shapes, in a process of its own so the benchmark can stop it: on
// most of these shapes remark is quadratic and takes minutes. Prints the median milliseconds of `runs` runs.
//   node out/scripts/remark-alone.js <shape index> <size in characters> [runs]
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { PATHOLOGICAL_SHAPES } from '../test/support/pathological-shapes';

const [index, size, runs = 1] = process.argv.slice(2).map(Number);
const text = PATHOLOGICAL_SHAPES[index].make(size);
const parser = unified().use(remarkParse);
const samples: number[] = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  parser.parse(text);
  samples.push(performance.now() - started);
}
console.log(samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]);
