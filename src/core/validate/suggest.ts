// Closest-value suggestions for list cells (Status, Applicable): synonyms first, then edit distance.

/** Lower case, NBSP as space, hyphens/underscores/dots as spaces, collapsed and trimmed: "Non-Compliant " → "non compliant". */
export function looseKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\u00a0_\-–—.]+/g, " ")
    .replace(/[^\p{L}\p{N}/? ]/gu, "")
    .trim();
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), capped at `max + 1`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prevPrev[j - 2] + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The value `raw` most likely means: an exact synonym, then the single candidate whose key starts
 * with it ("part" → Partially Compliant), then the nearest key within a typo-sized distance.
 * `candidates` maps loose keys (see looseKey) to values. Null when nothing is close.
 */
export function closest<T>(raw: string, candidates: ReadonlyMap<string, T>): T | null {
  const key = looseKey(raw);
  if (!key) return null;
  const exact = candidates.get(key);
  if (exact !== undefined) return exact;
  if (key.length >= 3) {
    const prefixed = new Set<T>();
    for (const [k, v] of candidates) if (k.startsWith(key)) prefixed.add(v);
    if (prefixed.size === 1) return [...prefixed][0];
  }
  // About one typo per four letters: "Complaint", "Partialy Compliant", "Non Complient".
  // Words only: one-letter codes ("c", "y") are one edit away from any other letter.
  if (key.length < 4) return null;
  let best: T | null = null;
  let bestDistance = Infinity;
  let tied = false;
  for (const [k, v] of candidates) {
    if (k.length < 4) continue;
    const max = Math.max(1, Math.floor(k.length / 4));
    const d = editDistance(key, k, max);
    if (d > max) continue;
    if (d < bestDistance) {
      best = v;
      bestDistance = d;
      tied = false;
    } else if (d === bestDistance && v !== best) tied = true;
  }
  return tied ? null : best;
}
