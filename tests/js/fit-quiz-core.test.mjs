import { test } from "node:test";
import assert from "node:assert/strict";

import {
  HASH_PREFIX, NEUTRAL_REASON, QUESTIONS, decodeHash, encodeHash, missing, reasons, result, score, verdict,
} from "../../docs/assets/javascripts/widgets/fit-quiz/core.js";

const all = (code) => QUESTIONS.map(() => code);
const answersFor = (byId) => QUESTIONS.map((q) => byId[q.id] ?? "n");

test("covers the seven factors of the choosing guide, each with s, b and n", () => {
  assert.deepEqual(QUESTIONS.map((q) => q.id), ["risk", "scope", "data", "pace", "mentors", "review", "pay"]);
  for (const q of QUESTIONS) {
    assert.deepEqual(Object.keys(q.options).sort(), ["b", "n", "s"]);
    assert.equal(q.options.s.lean, "startup");
    assert.equal(q.options.b.lean, "big-tech");
    assert.equal(q.options.n.lean, null);
    for (const code of ["s", "b"]) {
      assert.ok(q.options[code].weight >= 1);
      assert.match(q.options[code].reason, /^[A-Z].+\.$/, `${q.id}/${code} is one sentence`);
    }
  }
});

test("a clear startup case", () => {
  const answers = answersFor({ risk: "s", scope: "s", data: "s", pace: "s", mentors: "n", review: "s", pay: "b" });
  assert.equal(verdict(answers), "startup");
  const r = result(answers);
  assert.deepEqual(r.score, { startup: 6, bigTech: 1 });
  // The heaviest reason (risk, weight 2) comes first; one sentence per leaning answer.
  assert.equal(r.reasons.startup.length, 5);
  assert.equal(r.reasons.startup[0], QUESTIONS[0].options.s.reason);
  assert.deepEqual(r.reasons.bigTech, [QUESTIONS[6].options.b.reason]);
});

test("a clear big-tech case", () => {
  const answers = answersFor({ risk: "b", data: "b", mentors: "b", pace: "s" });
  assert.equal(verdict(answers), "big-tech");
  assert.deepEqual(score(answers), { startup: 1, bigTech: 6 });
  const r = reasons(answers);
  assert.equal(r.bigTech.length, 3);
  assert.deepEqual(r.bigTech, [QUESTIONS[0], QUESTIONS[2], QUESTIONS[4]].map((q) => q.options.b.reason));
  assert.deepEqual(r.startup, [QUESTIONS[3].options.s.reason]);
});

test("a balanced set of answers says it depends", () => {
  const tie = answersFor({ risk: "s", mentors: "b", pace: "s", scope: "b" });
  assert.deepEqual(score(tie), { startup: 3, bigTech: 3 });
  assert.equal(verdict(tie), "either");
  // Within the margin of one point is still a tie.
  const close = answersFor({ risk: "s", scope: "s", mentors: "b" });
  assert.deepEqual(score(close), { startup: 3, bigTech: 2 });
  assert.equal(verdict(close), "either");
  // Both sides keep their reasons, so the page can show what pulls each way.
  assert.equal(result(tie).reasons.startup.length, 2);
  assert.equal(result(tie).reasons.bigTech.length, 2);
});

test("all neutral is a tie with no leaning reasons", () => {
  const r = result(all("n"));
  assert.equal(r.verdict, "either");
  assert.deepEqual(r.reasons, { startup: [], bigTech: [] });
  assert.ok(NEUTRAL_REASON.length > 20);
});

test("no verdict until every question is answered", () => {
  assert.equal(missing([]), QUESTIONS.length);
  assert.equal(missing(undefined), QUESTIONS.length);
  const partial = ["s", "b", null, "s"];
  assert.equal(missing(partial), QUESTIONS.length - 3);
  assert.equal(verdict(partial), null);
  assert.equal(result(partial), null);
  assert.equal(encodeHash(partial), "");
  // Partial answers still add up, for nothing but the totals.
  assert.deepEqual(score(partial), { startup: 3, bigTech: 1 });
  // An unknown code counts as unanswered.
  assert.equal(missing(all("s").with(2, "x")), 1);
});

test("encode and decode round-trip every kind of answer", () => {
  const samples = [all("s"), all("b"), all("n"), ["s", "b", "n", "s", "b", "s", "n"]];
  for (const answers of samples) {
    const hash = encodeHash(answers);
    assert.ok(hash.startsWith(HASH_PREFIX));
    assert.equal(hash, HASH_PREFIX + answers.join("-"));
    assert.deepEqual(decodeHash(hash), answers);
    assert.deepEqual(decodeHash("#" + hash), answers);
  }
  assert.equal(encodeHash(["s", "b", "n", "s", "b", "s", "n"]), "quiz=s-b-n-s-b-s-n");
  assert.deepEqual(decodeHash("#quiz=S-B-N-S-B-S-N"), ["s", "b", "n", "s", "b", "s", "n"]);
  assert.deepEqual(decodeHash("#quiz%3Ds-b-n-s-b-s-n"), ["s", "b", "n", "s", "b", "s", "n"]);
});

test("garbage, partial and foreign hashes are ignored", () => {
  const bad = [
    undefined, null, 42, "", "#", "#quiz", "#quiz=", "#quiz=s-b-n", "#quiz=s-b-n-s-b-s",
    "#quiz=s-b-n-s-b-s-n-s", "#quiz=s-b-n-s-b-s-x", "#quiz=sbnsbsn", "#quiz=s-b-n-s-b-s-",
    "#quiz=__proto__-s-s-s-s-s-s", "#quiz=%E0%A4%A", "#quiz-which-fits-you",
    "#what-should-you-ask-in-an-interview-at-a-startup", "#s-b-n-s-b-s-n", "#xquiz=s-b-n-s-b-s-n",
  ];
  for (const hash of bad) assert.equal(decodeHash(hash), null, String(hash));
});
