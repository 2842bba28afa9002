// The metrics lab's arithmetic. Run: node --test tests/js/
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  bestThreshold, confidentErrors, confusionAt, costAt, costOf, describe, describeCost,
  formatNumber, formatPercent, formatThreshold, metrics, parseCost, parseCount, thresholds,
} from "../../docs/assets/javascripts/widgets/metrics-lab/core.js";

const close = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} != ${expected}`);

test("metrics of ordinary counts", () => {
  const m = metrics({ tp: 80, fp: 15, fn: 20, tn: 885 });
  close(m.accuracy, 965 / 1000);
  close(m.precision, 80 / 95);
  close(m.recall, 80 / 100);
  close(m.f1, (2 * (80 / 95) * 0.8) / (80 / 95 + 0.8));
  assert.deepEqual(
    Object.values(m).map(formatPercent),
    ["96.5%", "84.2%", "80.0%", "82.1%"],
  );
});

test("a zero denominator gives null, shown as n/a", () => {
  const nothingFlagged = metrics({ tp: 0, fp: 0, fn: 5, tn: 10 });
  assert.equal(nothingFlagged.precision, null);
  assert.equal(nothingFlagged.recall, 0);
  assert.equal(nothingFlagged.f1, null);
  const noPositives = metrics({ tp: 0, fp: 3, fn: 0, tn: 10 });
  assert.equal(noPositives.recall, null);
  assert.equal(noPositives.precision, 0);
  assert.equal(noPositives.f1, null);
  assert.deepEqual(metrics({ tp: 0, fp: 0, fn: 0, tn: 0 }), { accuracy: null, precision: null, recall: null, f1: null });
  for (const bad of [null, undefined, NaN, Infinity, -Infinity]) assert.equal(formatPercent(bad), "n/a");
});

test("F1 is 0, not 0/0, when every flag is wrong and every positive is missed", () => {
  const m = metrics({ tp: 0, fp: 4, fn: 6, tn: 90 });
  assert.equal(m.precision, 0);
  assert.equal(m.recall, 0);
  assert.equal(m.f1, 0);
});

test("percentages round to one decimal, halves up", () => {
  assert.equal(formatPercent(2 / 3), "66.7%");
  assert.equal(formatPercent(1 / 3), "33.3%");
  assert.equal(formatPercent(337 / 400), "84.3%"); // 84.25, just below in binary
  assert.equal(formatPercent(1 / 8), "12.5%");
  assert.equal(formatPercent(0.0005), "0.1%");
  assert.equal(formatPercent(0.00049), "0.0%");
  assert.equal(formatPercent(1), "100.0%");
  assert.equal(formatPercent(0), "0.0%");
  assert.equal(formatPercent(0.9999), "100.0%");
});

test("numbers and thresholds are formatted for reading", () => {
  assert.equal(formatNumber(20000), "20,000");
  assert.equal(formatNumber(2.5), "2.5");
  assert.equal(formatNumber(0.1 * 3), "0.3");
  assert.equal(formatNumber(0), "0");
  assert.equal(formatNumber(999.999), "1,000");
  assert.equal(formatNumber(1e24), "1,000,000,000,000,000,000,000,000");
  assert.equal(formatThreshold(0.5), "0.50");
  assert.equal(formatThreshold(1), "1.00");
});

test("formatNumber writes what Intl.NumberFormat would, without its start-up cost", () => {
  const intl = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
  const values = [
    0, 1, 7, 12.5, 99.995, 100.004, 1234.5678, 1e6 - 0.001, 0.004, 0.005, 1e-7,
    1.005, 2.675, 1.115, 0.615, 1234.565, 4503599627370495.5,
    2 ** 53, 2 ** 60, 1e20, 1.2345678901234567e20, 1e21, 1e12 * 1e12, 9.87e25,
  ];
  let seed = 1; // a fixed linear congruential sequence: the same values on every run
  for (let i = 0; i < 2000; i++) {
    seed = (seed * 48271) % 2147483647;
    values.push((seed % 1e7) / 10 ** (seed % 5), seed * (seed % 1000));
  }
  for (const x of values) {
    assert.equal(formatNumber(x), intl.format(x), `formatNumber(${x})`);
    if (x >= 0.005) assert.equal(formatNumber(-x), intl.format(-x), `formatNumber(${-x})`);
  }
  // Where Intl writes "-0", a reader is better served by "0"; the lab never
  // shows a negative number, but a formatter should not drop the sign.
  assert.equal(formatNumber(-0), "0");
  assert.equal(formatNumber(-0.001), "0");
});

test("parseCount accepts whole numbers of 0 or more", () => {
  assert.deepEqual(parseCount("80"), { value: 80 });
  assert.deepEqual(parseCount(" 0 "), { value: 0 });
  assert.deepEqual(parseCount("20,000"), { value: 20000 });
  assert.deepEqual(parseCount("5.0"), { value: 5 });
  assert.deepEqual(parseCount("-0"), { value: 0 });
  assert.ok(Object.is(parseCount("-0").value, 0));
});

test("parseCount rejects negative, fractional and non-numeric input", () => {
  assert.deepEqual(parseCount("-3"), { error: "A count cannot be negative." });
  assert.deepEqual(parseCount("2.5"), { error: "A count must be a whole number." });
  for (const bad of ["abc", "", "   ", "1e3", "0x10", "12abc", "1,00", "NaN", "Infinity", null]) {
    assert.deepEqual(parseCount(bad), { error: "Enter a whole number, such as 80." }, String(bad));
  }
  assert.ok(parseCount("10000000000000").error);
});

test("parseCost accepts decimals and rejects negatives", () => {
  assert.deepEqual(parseCost("2.5"), { value: 2.5 });
  assert.deepEqual(parseCost("1,500"), { value: 1500 });
  assert.deepEqual(parseCost("0"), { value: 0 });
  assert.deepEqual(parseCost("-1"), { error: "A cost cannot be negative." });
  assert.deepEqual(parseCost("five"), { error: "Enter a number, such as 5." });
});

// Scores of a tiny hand-made test set: [score, label].
const TINY = [
  [0.95, 0], // a confident false alarm while flagged
  [0.8, 1],
  [0.6, 1],
  [0.6, 0],
  [0.4, 1],
  [0.3, 0],
  [0.2, 0],
  [0.05, 1], // a confident miss while not flagged
];

test("a score equal to the threshold counts as positive", () => {
  assert.deepEqual(confusionAt(TINY, 0.6), { tp: 2, fp: 2, fn: 2, tn: 2 });
  assert.deepEqual(confusionAt(TINY, 0.61), { tp: 1, fp: 1, fn: 3, tn: 3 });
  assert.deepEqual(confusionAt(TINY, 0), { tp: 4, fp: 4, fn: 0, tn: 0 });
  assert.deepEqual(confusionAt(TINY, 1), { tp: 0, fp: 0, fn: 4, tn: 4 });
  assert.deepEqual(confusionAt([[1, 1], [0, 0]], 1), { tp: 1, fp: 0, fn: 0, tn: 1 });
  assert.deepEqual(confusionAt([[0.51, 1]], thresholds()[51]), { tp: 1, fp: 0, fn: 0, tn: 0 });
});

test("confident errors are sure scores on the wrong side of the threshold", () => {
  assert.deepEqual(confidentErrors(TINY, 0.5), { falseAlarms: 1, misses: 1, total: 2 });
  // Above 0.95 the negative is no longer flagged: no false alarm.
  assert.deepEqual(confidentErrors(TINY, 0.96), { falseAlarms: 0, misses: 1, total: 1 });
  // At or below 0.05 the positive is flagged: no miss.
  assert.deepEqual(confidentErrors(TINY, 0.05), { falseAlarms: 1, misses: 0, total: 1 });
  assert.deepEqual(confidentErrors(TINY, 0.06), { falseAlarms: 1, misses: 1, total: 2 });
  // The bounds 0.9 and 0.1 are themselves confident.
  assert.deepEqual(confidentErrors([[0.9, 0], [0.1, 1]], 0.5), { falseAlarms: 1, misses: 1, total: 2 });
  assert.deepEqual(confidentErrors([[0.89, 0], [0.11, 1]], 0.5), { falseAlarms: 0, misses: 0, total: 0 });
  // Right answers, however sure, are not errors.
  assert.deepEqual(confidentErrors([[0.99, 1], [0.01, 0]], 0.5), { falseAlarms: 0, misses: 0, total: 0 });
});

test("cost weighs each mistake by its price", () => {
  assert.equal(costOf({ tp: 730, fp: 770, fn: 70, tn: 18430 }, { fp: 15, fn: 400 }), 39550);
  assert.equal(costAt(TINY, 0.5, { fp: 1, fn: 5 }), 2 * 1 + 2 * 5);
  assert.equal(costAt(TINY, 0, { fp: 1, fn: 5 }), 4);
  assert.equal(costAt(TINY, 1, { fp: 1, fn: 5 }), 20);
});

test("the best threshold is the cheapest, the lowest on a tie", () => {
  assert.equal(thresholds().length, 101);
  assert.equal(thresholds()[0], 0);
  assert.equal(thresholds()[100], 1);
  // Misses cost 5: flag everything from 0.00 up to 0.05 for a cost of 4 (four false alarms).
  assert.deepEqual(bestThreshold(TINY, { fp: 1, fn: 5 }), { threshold: 0, cost: 4 });
  // Equal costs: every threshold from 0.31 to 0.40 leaves two false alarms and one miss,
  // the cheapest; the lowest of them wins.
  assert.deepEqual(bestThreshold(TINY, { fp: 1, fn: 1 }), { threshold: 0.31, cost: 3 });
  // False alarms cost 10: flag only what scores above the confident false alarm.
  assert.deepEqual(bestThreshold(TINY, { fp: 10, fn: 1 }), { threshold: 0.96, cost: 4 });
  // Fractional costs still tie despite float noise: three false alarms at 0.1 each
  // (0.30000000000000004) at 0.00 against one miss at 0.3 from 0.51 up.
  assert.equal(bestThreshold([[0.5, 0], [0.5, 0], [0.5, 0], [0.3, 1]], { fp: 0.1, fn: 0.3 }).threshold, 0);
  // With free mistakes, every threshold ties at 0 and the lowest wins.
  assert.deepEqual(bestThreshold(TINY, { fp: 0, fn: 0 }), { threshold: 0, cost: 0 });
});

test("the plain-words reading matches the numbers", () => {
  assert.equal(
    describe({ tp: 80, fp: 15, fn: 20, tn: 885 }),
    "Of 95 items the model flagged, 80 were right (84.2% precision). " +
      "It found 80 of the 100 real positives (80.0% recall). " +
      "It got 965 of all 1,000 items right (96.5% accuracy); flagging nothing at all would score 90.0%.",
  );
  assert.match(describe({ tp: 0, fp: 0, fn: 5, tn: 10 }), /^The model flagged nothing, so precision is undefined \(n\/a\)\./);
  assert.match(describe({ tp: 0, fp: 3, fn: 0, tn: 10 }), /There are no real positives, so recall is undefined \(n\/a\)\./);
  assert.match(describe({ tp: 1, fp: 0, fn: 0, tn: 0 }), /^Of 1 item the model flagged, 1 was right/);
  assert.equal(describe({ tp: 0, fp: 0, fn: 0, tn: 0 }), "All four counts are zero: enter at least one item.");
  assert.doesNotMatch(describe({ tp: 0, fp: 0, fn: 0, tn: 7 }), /NaN|Infinity/);
  assert.equal(describeCost({ tp: 80, fp: 15, fn: 20, tn: 885 }, { fp: 1, fn: 5 }), "15 × 1 + 20 × 5 = 115");
});
