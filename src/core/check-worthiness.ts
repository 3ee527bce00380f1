// Check-worthiness of one sentence, for stage 6 (claims). PLACEHOLDER — being written (features + logistic model in lexicon/).

export interface CheckWorthiness {
  score: number;
  reasons: string[];
}

/** Scores one sentence's text for check-worthiness, in [0, 1], with the features that drove it. */
export function checkWorthiness(sentence: string): CheckWorthiness {
  void sentence;
  return { score: 0, reasons: [] };
}
