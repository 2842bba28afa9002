import { test } from "node:test";
import assert from "node:assert/strict";

import {
  LEVELS, Z, checkPair, decodeHash, describeInterval, describeSize, encodeHash, formatCount, formatPercent,
  parseCount, parseMargin, parseNumber, parseRate, sampleSize, wilson,
} from "../../docs/assets/javascripts/widgets/sample-size/core.js";

const NOT_A_NUMBER = /NaN|Infinity|undefined/;

test("the z values are the two-sided normal quantiles, to four decimals", () => {
  assert.deepEqual(LEVELS, ["90", "95", "99"]);
  assert.deepEqual(Z, { 90: 1.6449, 95: 1.96, 99: 2.5758 });
});

test("sample size: ceil(z² p (1 − p) / e²)", () => {
  assert.equal(sampleSize(90, 3, "95"), 385); // 384.16, the evals page's example
  assert.equal(sampleSize(50, 5, "95"), 385); // 384.16
  assert.equal(sampleSize(50, 5, "90"), 271); // 270.6
  assert.equal(sampleSize(50, 5, "99"), 664); // 663.5
  assert.equal(sampleSize(99.5, 0.5, "99"), 1321); // 1320.31
  // Halving the margin quadruples the count (before rounding).
  assert.equal(sampleSize(90, 1.5, "95"), 1537); // 1536.64
  // An exact whole number is not pushed up by float noise: 1.96² × 0.25 / 0.049² = 400.
  assert.equal(sampleSize(50, 4.9, "95"), 400);
  // A rate near 50% needs the most.
  assert.ok(sampleSize(50, 3, "95") > sampleSize(70, 3, "95"));
  assert.equal(sampleSize(30, 3, "95"), sampleSize(70, 3, "95"));
});

test("the Wilson interval", () => {
  const { low, high } = wilson(138, 150, "95");
  assert.ok(Math.abs(low - 0.86538) < 1e-5 && Math.abs(high - 0.95365) < 1e-5, `${low} ${high}`);
  assert.equal(describeInterval(138, 150, "95").range, "from 86.5% to 95.4%"); // the evals page
  assert.equal(describeInterval(37, 40, "95").range, "from 80.1% to 97.4%");
  assert.equal(describeInterval(90, 100, "95").range, "from 82.6% to 94.5%");
  // At the edges it stays inside 0..100% and never shows -0.0%.
  assert.equal(describeInterval(0, 10, "95").range, "from 0.0% to 27.8%");
  assert.equal(describeInterval(10, 10, "95").range, "from 72.2% to 100.0%");
  assert.equal(describeInterval(1, 1, "99").range, "from 13.1% to 100.0%");
  for (const [c, n] of [[0, 1], [1, 1], [0, 1e12], [1e12, 1e12], [5, 7]]) {
    for (const level of LEVELS) {
      const { low: a, high: b } = wilson(c, n, level);
      assert.ok(a >= 0 && a <= c / n && c / n <= b && b <= 1, `${c}/${n} at ${level}: ${a}..${b}`);
    }
  }
});

test("parsing the rate", () => {
  assert.deepEqual(parseRate("90"), { value: 90 });
  assert.deepEqual(parseRate(" 99.5 % "), { value: 99.5 });
  assert.deepEqual(parseRate("0.1"), { value: 0.1 });
  assert.match(parseRate("").error, /^Enter a percentage/);
  assert.match(parseRate("abc").error, /^Enter a percentage/);
  assert.equal(parseRate("-5").error, "A rate cannot be negative.");
  assert.equal(parseRate("101").error, "A rate cannot be more than 100%.");
  assert.match(parseRate("0").error, /above 0 and below 100/);
  assert.match(parseRate("100").error, /above 0 and below 100/);
  assert.match(parseRate("-0").error, /above 0 and below 100/);
});

test("parsing the margin", () => {
  assert.deepEqual(parseMargin("3"), { value: 3 });
  assert.deepEqual(parseMargin("100"), { value: 100 });
  assert.equal(parseMargin("0").error, "The margin must be more than 0.");
  assert.equal(parseMargin("-1").error, "A margin cannot be negative.");
  assert.equal(parseMargin("100.5").error, "A margin cannot be more than 100 points.");
  assert.equal(parseMargin("0.001").error, "Enter a margin of at least 0.01 points.");
  assert.match(parseMargin("three").error, /^Enter a number/);
});

test("parsing counts", () => {
  assert.deepEqual(parseCount("1,000"), { value: 1000 });
  assert.deepEqual(parseCount("0"), { value: 0 });
  assert.equal(parseCount("-3").error, "A count cannot be negative.");
  assert.equal(parseCount("2.5").error, "A count must be a whole number.");
  assert.match(parseCount("").error, /^Enter a whole number/);
  assert.match(parseCount("0", 1).error, /^Enter at least 1/);
  assert.equal(parseNumber("1,00"), null);
  assert.equal(parseNumber("90%"), null); // only where a percentage is asked for
  assert.equal(checkPair(11, 10), "Correct cannot be more than Checked.");
  assert.equal(checkPair(10, 10), null);
});

test("formatting", () => {
  assert.equal(formatCount(1234567), "1,234,567");
  assert.equal(formatCount(385), "385");
  assert.equal(formatPercent(0.8425), "84.3%");
  assert.equal(formatPercent(0), "0.0%");
  assert.equal(formatPercent(1), "100.0%");
});

test("the sentences say which examples count, and warn near the edges", () => {
  const lines = describeSize(385, 90, 3, "95");
  assert.match(lines.reading, /^Check 385 examples and, if the true rate is near 90%, the 95% confidence interval/);
  assert.match(lines.which, /precision, these are examples the model called positive/);
  assert.equal(lines.caution, "");
  assert.match(describeSize(10, 2, 5, "95").caution, /past 0% or 100%/);
  const text = describeInterval(9, 10, "99");
  assert.match(text.meaning, /about 99 of every 100 ranges would contain the true rate/);
  assert.equal(text.measured, "You measured 90.0%: 9 correct of 10 checked.");
  for (const part of [...Object.values(lines), ...Object.values(text)]) assert.doesNotMatch(part, NOT_A_NUMBER);
});

test("the URL hash round trip", () => {
  const state = { mode: "size", rate: "90", margin: "3", conf: "95", correct: "1", checked: "2" };
  assert.equal(encodeHash(state), "mode=size&rate=90&margin=3&conf=95");
  assert.deepEqual(decodeHash("#" + encodeHash(state)), { mode: "size", conf: "95", rate: "90", margin: "3" });
  const interval = { mode: "interval", correct: "1,000", checked: "2000", conf: "99" };
  assert.equal(encodeHash(interval), "mode=interval&correct=1%2C000&checked=2000&conf=99");
  assert.deepEqual(decodeHash("#" + encodeHash(interval)), { mode: "interval", conf: "99", correct: "1,000", checked: "2000" });
  // Not the calculator's: heading anchors and empty hashes.
  assert.equal(decodeHash("#how-do-you-read-the-result"), null);
  assert.equal(decodeHash(""), null);
  // Unknown modes and levels are dropped; bad numbers are kept, for the field to show its error.
  assert.deepEqual(decodeHash("#mode=wild&conf=97&rate=abc"), { rate: "abc" });
});
