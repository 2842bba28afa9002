//# allFunctionsCalledOnLoad
// The metrics lab's arithmetic and wording: pure functions, no DOM, so that
// node's test runner checks them (tests/js/metrics-lab-core.test.mjs).

// A wrong answer with a score this far out is a confident error.
export const CONFIDENT_LOW = 0.1;
export const CONFIDENT_HIGH = 0.9;

function ratio(part, whole) {
  return whole > 0 ? part / whole : null;
}

/** Accuracy, precision, recall and F1 of four counts; null where a ratio is 0/0. */
export function metrics({ tp, fp, fn, tn }) {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    accuracy: ratio(tp + tn, tp + fp + fn + tn),
    precision,
    recall,
    // 2TP / (2TP + FP + FN) is the harmonic mean of precision and recall, and gives
    // 0 rather than 0/0 when both are 0 (the model flagged only wrong items).
    f1: precision === null || recall === null ? null : ratio(2 * tp, 2 * tp + fp + fn),
  };
}

/** 0.8421 -> "84.2%"; null, NaN or Infinity -> "n/a". */
export function formatPercent(x) {
  if (typeof x !== "number" || !Number.isFinite(x)) return "n/a";
  // The nudge rounds exact halves up (337/400 -> 84.3%), as a reader does by hand,
  // where binary floating point would land just below. It is smaller than the gap
  // between a half and any ratio of counts below a million.
  return (Math.round(x * 1000 + 1e-7) / 10).toFixed(1) + "%";
}

/** 20000 -> "20,000"; 2.5 -> "2.5"; 1.005 -> "1.01": US style, at most two decimals. */
export function formatNumber(x) {
  // Digits, not Intl.NumberFormat: building the first formatter loads locale
  // data, a cost at start-up (PERFORMANCE.md).
  // String() gives the shortest digits that read back as x; like Intl, round
  // half up from those, as a reader would, not from the binary value.
  const text = String(Math.abs(x));
  let cents; // |x| in hundredths, as digits
  if (text.includes("e-")) {
    cents = "0"; // below 1e-6
  } else if (text.includes("e+")) {
    const [mantissa, exponent] = text.split("e+"); // from 1e21: no fraction
    cents = mantissa.replace(".", "").padEnd(Number(exponent) + 1, "0") + "00";
  } else {
    const [whole, fraction = ""] = text.split(".");
    cents = whole + fraction.padEnd(2, "0").slice(0, 2);
    if (fraction[2] >= "5") cents = String(BigInt(cents) + 1n);
  }
  cents = cents.padStart(3, "0");
  const whole = cents.slice(0, -2).replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+$)/g, ",");
  const decimals = cents.slice(-2).replace(/0+$/, "");
  const sign = x < 0 && /[1-9]/.test(cents) ? "-" : "";
  return sign + whole + (decimals && "." + decimals);
}

/** 0.5 -> "0.50". */
export function formatThreshold(t) {
  return t.toFixed(2);
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/;

function parseNumber(text) {
  let s = String(text ?? "").trim();
  if (GROUPED.test(s)) s = s.replace(/,/g, "");
  return DECIMAL.test(s) ? Number(s) : null;
}

/** A count as typed: {value} for a whole number of 0 or more, else {error}. */
export function parseCount(text) {
  const n = parseNumber(text);
  if (n === null) return { error: "Enter a whole number, such as 80." };
  if (n < 0) return { error: "A count cannot be negative." };
  if (!Number.isInteger(n)) return { error: "A count must be a whole number." };
  if (n > 1e12) return { error: "Enter a count below a trillion." };
  return { value: n + 0 }; // + 0 turns "-0" into 0
}

/** A cost as typed: {value} for a number of 0 or more, else {error}. */
export function parseCost(text) {
  const n = parseNumber(text);
  if (n === null) return { error: "Enter a number, such as 5." };
  if (n < 0) return { error: "A cost cannot be negative." };
  if (n > 1e12) return { error: "Enter a cost below a trillion." };
  return { value: n + 0 };
}

/** The confusion matrix of [score, label] pairs when score >= threshold means "positive". */
export function confusionAt(examples, threshold) {
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const [score, label] of examples) {
    if (score >= threshold) counts[label ? "tp" : "fp"] += 1;
    else counts[label ? "fn" : "tn"] += 1;
  }
  return counts;
}

/** Wrong answers the scores were sure of: negatives flagged with a score of 0.9 or
 * more (false alarms), positives missed with a score of 0.1 or less (misses). */
export function confidentErrors(examples, threshold) {
  let falseAlarms = 0;
  let misses = 0;
  for (const [score, label] of examples) {
    if (!label && score >= threshold && score >= CONFIDENT_HIGH) falseAlarms += 1;
    if (label && score < threshold && score <= CONFIDENT_LOW) misses += 1;
  }
  return { falseAlarms, misses, total: falseAlarms + misses };
}

/** What the mistakes in a set of counts cost, at {fp, fn} per mistake. */
export function costOf(counts, costs) {
  return counts.fp * costs.fp + counts.fn * costs.fn;
}

export function costAt(examples, threshold, costs) {
  return costOf(confusionAt(examples, threshold), costs);
}

/** The thresholds the lab offers: 0.00, 0.01, ... 1.00 (i / 100, so that each equals
 * the slider's own value, with no drift from adding 0.01 a hundred times). */
export function thresholds() {
  return Array.from({ length: 101 }, (_, i) => i / 100);
}

/** The threshold with the lowest cost; on a tie, the lowest such threshold. */
export function bestThreshold(examples, costs) {
  let best = null;
  for (const threshold of thresholds()) {
    const cost = costAt(examples, threshold, costs);
    // The tolerance keeps float noise in fractional costs from breaking a tie.
    if (best === null || cost < best.cost - 1e-9) best = { threshold, cost };
  }
  return best;
}

function plural(n, one, many) {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** What the four counts mean, in plain words. */
export function describe(counts) {
  const { tp, fp, fn, tn } = counts;
  const total = tp + fp + fn + tn;
  if (total === 0) return "All four counts are zero: enter at least one item.";
  const m = metrics(counts);
  const flagged = tp + fp;
  const positives = tp + fn;
  const sentences = [
    flagged === 0
      ? "The model flagged nothing, so precision is undefined (n/a)."
      : `Of ${plural(flagged, "item", "items")} the model flagged, ${formatNumber(tp)} ${tp === 1 ? "was" : "were"} right (${formatPercent(m.precision)} precision).`,
    positives === 0
      ? "There are no real positives, so recall is undefined (n/a)."
      : `It found ${formatNumber(tp)} of the ${plural(positives, "real positive", "real positives")} (${formatPercent(m.recall)} recall).`,
    `It got ${formatNumber(tp + tn)} of all ${plural(total, "item", "items")} right (${formatPercent(m.accuracy)} accuracy); flagging nothing at all would score ${formatPercent(ratio(fp + tn, total))}.`,
  ];
  return sentences.join(" ");
}

/** "15 × 1 + 20 × 5 = 115": the cost of the mistakes in `counts`, shown as a sum. */
export function describeCost(counts, costs) {
  const sum = `${formatNumber(counts.fp)} × ${formatNumber(costs.fp)} + ${formatNumber(counts.fn)} × ${formatNumber(costs.fn)}`;
  return `${sum} = ${formatNumber(costOf(counts, costs))}`;
}
