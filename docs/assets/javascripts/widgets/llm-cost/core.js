//# allFunctionsCalledOnLoad
// The LLM cost calculator's arithmetic and wording: pure functions, no DOM, so that
// node's test runner checks them (tests/js/llm-cost-core.test.mjs).

// One scenario's fields, in the order they are shown; "users" may be left blank.
export const FIELDS = ["req", "in", "out", "pin", "pout", "cache", "pcache", "users"];
export const SCENARIOS = ["a", "b"];
export const DAYS_PER_MONTH = 30;

const EXAMPLE = { req: "10,000", in: "2,000", out: "500", pin: "3", pout: "15", cache: "50", pcache: "0.3", users: "1,000" };
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** "10,000" or " 3.5 " -> a number; a trailing % is allowed where `percent` is set; else null. */
export function parseNumber(text, percent = false) {
  let s = String(text ?? "").trim();
  if (percent) s = s.replace(/\s*%$/, "");
  if (GROUPED.test(s)) s = s.replace(/,/g, "");
  return DECIMAL.test(s) ? Number(s) + 0 : null; // + 0 turns -0 into 0
}

/** One field as typed: {value} (null for blank users), else {error}. */
export function parseField(key, text) {
  if (key === "users" && String(text ?? "").trim() === "") return { value: null };
  const n = parseNumber(text, key === "cache");
  if (n === null) return { error: `Enter a number, such as ${EXAMPLE[key]}.` };
  if (n < 0) return { error: "This cannot be negative." };
  if (key === "cache" && n > 100) return { error: "A share goes from 0 to 100%." };
  if (key === "users" && n === 0) return { error: "Enter at least 1 user, or leave this blank." };
  if (n > 1e12) return { error: "Enter a number below a trillion." };
  return { value: n };
}

/** What one scenario costs, in US dollars; `user` is null when users is not given.
 * Cost per user per month = cost per month / active users per day. */
export function costs(s) {
  const cached = s.cache / 100;
  const input = (s.in * ((1 - cached) * s.pin + cached * s.pcache)) / 1e6;
  const output = (s.out * s.pout) / 1e6;
  const request = input + output;
  const month = request * s.req * DAYS_PER_MONTH;
  return {
    request,
    thousand: request * 1000,
    day: request * s.req,
    month,
    user: s.users ? month / s.users : null,
  };
}

// Below a dollar, enough decimals for three significant digits (at most eight).
const SMALL = [0.1, 0.01, 0.001, 0.0001, 0.00001];

/** 1234.5 -> "$1,234.50"; 0.0042 -> "$0.0042"; signed adds "+" (a minus always shows). */
export function formatUSD(x, signed = false) {
  const size = Math.abs(x);
  let decimals = 2;
  if (size < 1) {
    decimals = 3;
    for (const step of SMALL) {
      if (size >= step) break;
      decimals += 1;
    }
  }
  // Digits, not Intl (no locale data to load). Fifteen significant digits drop the
  // float noise (1234.4999999999998 -> 1234.5), so exact halves round up, as by hand.
  const units = BigInt(Math.round(Number((size * 10 ** decimals).toPrecision(15))));
  const digits = units.toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, -decimals).replace(/\B(?=(\d{3})+$)/g, ",");
  const fraction = digits.slice(-decimals).replace(/0+$/, "").padEnd(2, "0");
  const sign = units === 0n ? "" : x < 0 ? "\u2212" : signed ? "+" : "";
  return `${sign}$${whole}.${fraction}`;
}

/** 66.666 -> "66.7%" with a sign when `signed`: one decimal, halves rounded up. */
export function formatPercent(x, signed = false) {
  const tenths = Math.round(Number((Math.abs(x) * 10).toPrecision(15)));
  const sign = tenths === 0 ? "" : x < 0 ? "\u2212" : signed ? "+" : "";
  const whole = String(Math.floor(tenths / 10)).replace(/\B(?=(\d{3})+$)/g, ",");
  return `${sign}${whole}.${tenths % 10}%`;
}

/** B − A per month, in money and as a share of A, and a sentence saying it. */
export function compare(a, b) {
  const diff = b.month - a.month;
  const amount = formatUSD(diff, true);
  const percent = a.month > 0 ? formatPercent((diff / a.month) * 100, true) : "n/a";
  let sentence;
  if (formatUSD(diff) === "$0.00") sentence = "Both scenarios cost the same per month.";
  else {
    sentence = `Scenario B costs ${formatUSD(Math.abs(diff))} ${diff > 0 ? "more" : "less"} per month than scenario A`;
    sentence += a.month > 0 ? ` (${percent}).` : "; scenario A costs nothing, so there is no percentage.";
  }
  return { amount, percent, sentence };
}

/** The fields' texts from a URL hash such as #a.req=10000&b.pin=1; null if it has none. */
export function decodeHash(hash) {
  const params = new URLSearchParams(String(hash || "").replace(/^#/, ""));
  const state = {};
  for (const scenario of SCENARIOS) {
    for (const key of FIELDS) {
      const name = `${scenario}.${key}`;
      if (params.has(name)) state[name] = params.get(name).slice(0, 40);
    }
  }
  return Object.keys(state).length ? state : null;
}

/** The hash for the fields' texts, keyed "a.req" and so on; a blank users is left out. */
export function encodeHash(state) {
  const params = new URLSearchParams();
  for (const scenario of SCENARIOS) {
    for (const key of FIELDS) {
      const text = String(state[`${scenario}.${key}`] ?? "").trim();
      if (text || key !== "users") params.set(`${scenario}.${key}`, text);
    }
  }
  return params.toString();
}
