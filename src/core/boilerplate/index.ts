// Stage 6, boilerplate: blocks that are not the article (comment policies, newsletter and cookie notices,
// share prompts, copyright lines), by wording, block features and recurrence across documents.
export { detectBoilerplate, recurringBlockKeys, type BlockVerdictInputs } from './detect-boilerplate';
