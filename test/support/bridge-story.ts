// A short story with one of each finding the status item and the export count: a sourced statement
// repeated (a duplicate), an unattributed claim and a comment-policy block (boilerplate). Shared by the
// language-status and export-report host tests.
export const BRIDGE_STORY = [
  '# Council backs the bridge',
  '',
  'In a statement, Mayor Ana Ruiz said that the bridge “will be rebuilt by spring” with money from the state.',
  '',
  'Traffic on the bridge has doubled since 2010, the largest rise in the county.',
  '',
  'In a statement, Mayor Ana Ruiz said that the bridge “will be rebuilt by spring” with money from the state.',
  '',
  'We welcome comments which are relevant to the article. Comments that do not meet our community guidelines will be rejected.',
  '',
].join('\n');
