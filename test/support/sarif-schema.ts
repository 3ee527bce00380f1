// A validator for the published SARIF 2.1.0 schema (test/fixtures/sarif/README.md says where the file is
// from). ajv has no built-in formats; the schema's three are checked here, so a malformed URI fails too.
import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Resolved on loading, from the repository root the tests start in (a test may change directory later). */
const SCHEMA_PATH = resolve('test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json');

/** RFC 3986 characters only, `%` only before two hex digits: what a URI reference may hold. */
const URI_REFERENCE = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:/;

let validator: ValidateFunction | undefined;

export function sarifValidator(): ValidateFunction {
  if (validator) return validator;
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true });
  ajv.addFormat('uri-reference', URI_REFERENCE);
  ajv.addFormat('uri', (s: string) => URI.test(s) && URI_REFERENCE.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  validator = ajv.compile(schema);
  return validator;
}

/** The schema's complaints, one per line, or '' for a valid log. */
export function sarifErrors(log: unknown): string {
  const validate = sarifValidator();
  if (validate(log)) return '';
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('\n');
}
