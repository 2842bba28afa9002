import { test } from "node:test";
import assert from "node:assert/strict";

import {
  FIELDS, compare, costs, decodeHash, encodeHash, formatPercent, formatUSD, parseField,
} from "../../docs/assets/javascripts/widgets/llm-cost/core.js";

// The worked example on the cost page: without caching (A) and with 75% cached (B).
const A = { req: 20000, in: 4000, out: 500, pin: 3, pout: 15, cache: 0, pcache: 0.3, users: 2000 };
const B = { ...A, cache: 75 };

test("costs per request, per 1,000, per day, per month and per user", () => {
  const shown = (s) => Object.fromEntries(Object.entries(costs(s)).map(([k, v]) => [k, v === null ? null : formatUSD(v)]));
  assert.deepEqual(shown(A), {
    request: "$0.0195", thousand: "$19.50", day: "$390.00", month: "$11,700.00", user: "$5.85",
  });
  assert.deepEqual(shown(B), {
    request: "$0.0114", thousand: "$11.40", day: "$228.00", month: "$6,840.00", user: "$3.42",
  });
  // No users: no cost per user.
  assert.equal(costs({ ...A, users: null }).user, null);
  // Everything at zero costs nothing, without NaN.
  const zero = costs({ req: 0, in: 0, out: 0, pin: 0, pout: 0, cache: 0, pcache: 0, users: null });
  assert.deepEqual(zero, { request: 0, thousand: 0, day: 0, month: 0, user: null });
});

test("money is formatted for its size", () => {
  assert.equal(formatUSD(0), "$0.00");
  assert.equal(formatUSD(0.0042), "$0.0042");
  assert.equal(formatUSD(0.0195), "$0.0195");
  assert.equal(formatUSD(0.5), "$0.50");
  assert.equal(formatUSD(0.123456), "$0.123");
  assert.equal(formatUSD(0.000012345), "$0.0000123");
  assert.equal(formatUSD(1), "$1.00");
  assert.equal(formatUSD(1234.56), "$1,234.56");
  assert.equal(formatUSD(12.345), "$12.35"); // an exact half rounds up, as by hand
  assert.equal(formatUSD(1.005), "$1.01");
  assert.equal(formatUSD(1234567.891), "$1,234,567.89");
  assert.equal(formatUSD(6e16), "$60,000,000,000,000,000.00");
  assert.equal(formatUSD(-2.5, true), "\u2212$2.50");
  assert.equal(formatUSD(2.5, true), "+$2.50");
  assert.equal(formatUSD(-0.001, true), "\u2212$0.001");
  assert.equal(formatUSD(-1e-12, true), "$0.00");
  for (let i = 0; i < 2000; i++) {
    const x = (i * 7919.123) / 10 ** (i % 13);
    assert.match(formatUSD(x), /^\$\d{1,3}(,\d{3})*\.\d{2,8}$/, String(x));
  }
});

test("percentages", () => {
  assert.equal(formatPercent(-41.538, true), "\u221241.5%");
  assert.equal(formatPercent(12.25, true), "+12.3%");
  assert.equal(formatPercent(0.01, true), "0.0%");
  assert.equal(formatPercent(12345.6), "12,345.6%");
});

test("B against A", () => {
  assert.deepEqual(compare(costs(A), costs(B)), {
    amount: "\u2212$4,860.00",
    percent: "\u221241.5%",
    sentence: "Scenario B costs $4,860.00 less per month than scenario A (\u221241.5%).",
  });
  assert.equal(compare(costs(B), costs(A)).sentence, "Scenario B costs $4,860.00 more per month than scenario A (+71.1%).");
  assert.equal(compare(costs(A), costs(A)).sentence, "Both scenarios cost the same per month.");
  assert.equal(compare(costs(A), costs(A)).percent, "0.0%");
  const free = costs({ ...A, pin: 0, pout: 0 });
  assert.equal(compare(free, costs(A)).percent, "n/a");
  assert.match(compare(free, costs(A)).sentence, /scenario A costs nothing, so there is no percentage/);
});

test("parsing the fields", () => {
  assert.deepEqual(parseField("req", "20,000"), { value: 20000 });
  assert.deepEqual(parseField("pin", "0.30"), { value: 0.3 });
  assert.deepEqual(parseField("cache", "75%"), { value: 75 });
  assert.deepEqual(parseField("users", ""), { value: null });
  assert.deepEqual(parseField("users", "  "), { value: null });
  assert.equal(parseField("users", "0").error, "Enter at least 1 user, or leave this blank.");
  assert.equal(parseField("req", "-1").error, "This cannot be negative.");
  assert.equal(parseField("req", "").error, "Enter a number, such as 10,000.");
  assert.equal(parseField("pout", "lots").error, "Enter a number, such as 15.");
  assert.equal(parseField("cache", "101").error, "A share goes from 0 to 100%.");
  assert.equal(parseField("cache", "-1").error, "This cannot be negative.");
  assert.match(parseField("in", "1e3").error, /^Enter a number/);
  assert.equal(parseField("req", "2e12").error !== undefined, true);
  assert.equal(parseField("req", "2000000000000").error, "Enter a number below a trillion.");
});

test("the URL hash round trip", () => {
  const state = {};
  for (const scenario of ["a", "b"]) for (const key of FIELDS) state[`${scenario}.${key}`] = String(A[key]);
  state["b.users"] = "";
  const hash = encodeHash(state);
  assert.match(hash, /^a\.req=20000&a\.in=4000&/);
  assert.doesNotMatch(hash, /b\.users/);
  const back = decodeHash("#" + hash);
  assert.equal(back["a.cache"], "0");
  assert.equal(back["b.users"], undefined);
  assert.equal(decodeHash("#what-is-the-formula"), null);
  assert.deepEqual(decodeHash("#a.req=abc&z.req=1"), { "a.req": "abc" });
});
