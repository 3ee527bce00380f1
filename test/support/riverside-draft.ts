// Issue 13's draft: a resident's account and quote that the analysis credits to the public works director
// named two paragraphs earlier. Shared by the corrections tests, in plain Node and in the extension host.
export const RIVERSIDE_DRAFT = [
  '# Riverside flood wall approved',
  '',
  'Public Works Director Samuel Reyes said the city will spend $4 million on a flood wall along the river. He said construction would start in May.',
  '',
  'Maria Delgado, who lives on Elm Street, spoke against it during the public comment period.',
  '',
  'She said her basement has flooded three times since 2019. “I’ll believe it when I see the concrete,” she said.',
  '',
  'More than 300 homes in Riverside flooded in 2021.',
  '',
].join('\n');
