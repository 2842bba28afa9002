//# allFunctionsCalledOnLoad
// The sample-size calculator's arithmetic and wording: pure functions, no DOM, so
// that node's test runner checks them (tests/js/sample-size-core.test.mjs).

// Two-sided z values, to four decimals, for the three confidence levels offered.
export const Z = { 90: 1.6449, 95: 1.96, 99: 2.5758 };
export const LEVELS = ["90", "95", "99"];
export const MODES = ["size", "interval"];

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** "1,000" or " 90 " -> a number; a trailing % is allowed where `percent` is set; else null. */
export function parseNumber(text, percent = false) {
  let s = String(text ?? "").trim();
  if (percent) s = s.replace(/\s*%$/, "");
  if (GROUPED.test(s)) s = s.replace(/,/g, "");
  return DECIMAL.test(s) ? Number(s) + 0 : null; // + 0 turns -0 into 0
}

/** The expected rate, in percent: {value} strictly between 0 and 100, else {error}. */
export function parseRate(text) {
  const n = parseNumber(text, true);
  if (n === null) return { error: "Enter a percentage, such as 90." };
  if (n < 0) return { error: "A rate cannot be negative." };
  if (n > 100) return { error: "A rate cannot be more than 100%." };
  if (n === 0 || n === 100) {
    return { error: "Enter a rate above 0 and below 100: at exactly 0% or 100% the formula says 0 examples, which is never enough." };
  }
  return { value: n };
}

/** The margin of error, in percentage points: {value} from 0.01 to 100, else {error}. */
export function parseMargin(text) {
  const n = parseNumber(text, true);
  if (n === null) return { error: "Enter a number of percentage points, such as 3." };
  if (n < 0) return { error: "A margin cannot be negative." };
  if (n === 0) return { error: "The margin must be more than 0." };
  if (n > 100) return { error: "A margin cannot be more than 100 points." };
  if (n < 0.01) return { error: "Enter a margin of at least 0.01 points." };
  return { value: n };
}

/** A count of examples: {value} for a whole number from `min`, else {error}. */
export function parseCount(text, min = 0) {
  const n = parseNumber(text);
  if (n === null) return { error: "Enter a whole number, such as 100." };
  if (n < 0) return { error: "A count cannot be negative." };
  if (!Number.isInteger(n)) return { error: "A count must be a whole number." };
  if (n > 1e12) return { error: "Enter a count below a trillion." };
  if (n < min) return { error: `Enter at least ${min}: you cannot measure a rate on no examples.` };
  return { value: n };
}

/** Correct and checked together: an error for Correct when it exceeds Checked. */
export function checkPair(correct, checked) {
  return correct > checked ? "Correct cannot be more than Checked." : null;
}

/** n = ceil(z² p (1 − p) / e²), with the rate and margin in percent. */
export function sampleSize(rate, margin, level) {
  const p = rate / 100;
  const e = margin / 100;
  const z = Z[level];
  // Twelve significant digits drop the float noise that would turn an exact 400
  // (400.00000000000006) into 401.
  return Math.ceil(Number(((z * z * p * (1 - p)) / (e * e)).toPrecision(12)));
}

/** The Wilson score interval for `correct` of `checked`, as fractions from 0 to 1. */
export function wilson(correct, checked, level) {
  const n = checked;
  const z = Z[level];
  const z2 = z * z;
  const rate = correct / n;
  const scale = 1 + z2 / n;
  const centre = (rate + z2 / (2 * n)) / scale;
  const half = (z / scale) * Math.sqrt((rate * (1 - rate)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** 1234567 -> "1,234,567" (digits, not Intl: no locale data to load). */
export function formatCount(n) {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ",");
}

/** 0.8425 -> "84.3%": one decimal, halves rounded up. */
export function formatPercent(x) {
  return (Math.round(x * 1000 + 1e-7) / 10).toFixed(1) + "%";
}

/** A typed number as a reader would write it back: 3 -> "3", 2.50 -> "2.5". */
function plain(x) {
  const text = String(x);
  return text.includes("e") ? text : formatCount(Math.trunc(x)) + text.replace(/^[^.]*/, "");
}

/** The sentences under "Examples needed". */
export function describeSize(n, rate, margin, level) {
  const lines = {
    reading: `Check ${formatCount(n)} examples and, if the true rate is near ${plain(rate)}%, ` +
      `the ${level}% confidence interval around what you measure will reach about ${plain(margin)} ` +
      `percentage points either side of it.`,
    which: "For precision, these are examples the model called positive: count only those. " +
      "For recall, they are examples that really are positive.",
    caution: "",
  };
  if (rate - margin < 0 || rate + margin > 100) {
    lines.caution = "Your margin reaches past 0% or 100%, where this approximation is rough. " +
      "Once you have results, check them with \u201cHow sure a measured rate is\u201d.";
  }
  return lines;
}

/** The interval as shown, and the sentences under it. */
export function describeInterval(correct, checked, level) {
  const { low, high } = wilson(correct, checked, level);
  const range = `from ${formatPercent(low)} to ${formatPercent(high)}`;
  return {
    range,
    measured: `You measured ${formatPercent(correct / checked)}: ${formatCount(correct)} correct of ${formatCount(checked)} checked.`,
    meaning: `In plain words: if you checked ${formatCount(checked)} fresh examples the same way many times over, ` +
      `and worked out a range like this each time, about ${level} of every 100 ranges would contain the true rate. ` +
      `So treat any rate ${range} as consistent with what you saw.`,
  };
}

/** The state in a URL hash such as #mode=size&rate=90&margin=3&conf=95: the raw
 * texts of the fields it names; unknown keys and an unknown mode or level are left out. */
export function decodeHash(hash) {
  const params = new URLSearchParams(String(hash || "").replace(/^#/, ""));
  if (!params.has("mode")) return null;
  const state = {};
  if (MODES.includes(params.get("mode"))) state.mode = params.get("mode");
  if (LEVELS.includes(params.get("conf"))) state.conf = params.get("conf");
  for (const key of ["rate", "margin", "correct", "checked"]) {
    if (params.has(key)) state[key] = params.get(key).slice(0, 40);
  }
  return state;
}

/** The hash for a state: the mode, the level, and the fields of that mode. */
export function encodeHash(state) {
  const keys = state.mode === "interval" ? ["correct", "checked"] : ["rate", "margin"];
  const params = new URLSearchParams({ mode: state.mode });
  for (const key of keys) params.set(key, String(state[key]).trim());
  params.set("conf", state.conf);
  return params.toString();
}
