//# allFunctionsCalledOnLoad
// Scoring for the "Startup or big tech?" quiz on choosing.md. Pure: no DOM, no storage.
//
// Answers are an array in question order; each item is an option code or null.
// Every question has three options: "s" leans startup, "b" leans big tech, "n" is neutral.
// A lean carries a weight: 2 for the factors the guide treats as near-constraints
// (money you can risk, data the work needs, mentorship when new to AI), 1 otherwise.
//
// URL hash encoding, so a reader can share a result:
//   #quiz=<code>-<code>-...   one code per question, in question order, e.g. #quiz=s-b-n-s-b-s-n
// Only a complete, valid answer set is written or read; anything else is ignored, and
// the "quiz=" prefix keeps it apart from the page's heading anchors.

export const HASH_PREFIX = "quiz=";

// Difference in weight at or under which neither side clearly wins.
export const TIE_MARGIN = 1;

const S = "startup";
const B = "big-tech";

export const QUESTIONS = [
  {
    id: "risk",
    options: {
      s: { lean: S, weight: 2, reason: "You can carry the risk that a startup runs out of money, pivots or is acquired, which is the main price of joining one." },
      b: { lean: B, weight: 2, reason: "You need a steady income, and at a large company the job itself rarely vanishes overnight, even though layoffs happen." },
      n: { lean: null, weight: 0 },
    },
  },
  {
    id: "scope",
    options: {
      s: { lean: S, weight: 1, reason: "You want breadth, and at a startup you touch everything from labeling to pricing." },
      b: { lean: B, weight: 1, reason: "You want depth, and a big company lets you become the expert on one model, surface or class of problem." },
      n: { lean: null, weight: 0 },
    },
  },
  {
    id: "data",
    options: {
      s: { lean: S, weight: 1, reason: "The product you have in mind can be built by a small team on a hosted model, without a big company's data and platforms." },
      b: { lean: B, weight: 2, reason: "The work you want needs years of user data, large-scale training or heavy infrastructure, which are hard to get outside a big company." },
      n: { lean: null, weight: 0 },
    },
  },
  {
    id: "pace",
    options: {
      s: { lean: S, weight: 1, reason: "You work best in days and with frequent changes of direction, which is how startups move." },
      b: { lean: B, weight: 1, reason: "You work best in quarters, with planned reviews and fixed launch windows, which is how big companies move." },
      n: { lean: null, weight: 0 },
    },
  },
  {
    id: "mentors",
    options: {
      s: { lean: S, weight: 1, reason: "You already have the AI/ML knowledge, so being the most experienced AI product person in the building is a fine place to be." },
      b: { lean: B, weight: 2, reason: "You want to learn from people who have shipped ML products many times, and big companies have more of them in one place." },
      n: { lean: null, weight: 0 },
    },
  },
  {
    id: "review",
    options: {
      s: { lean: S, weight: 1, reason: "You prefer freedom and full responsibility for legal and privacy questions, which is what a startup gives you." },
      b: { lean: B, weight: 1, reason: "You prefer experts and review gates, and at a big company specialists handle much of the legal, privacy and ethics work." },
      n: { lean: null, weight: 0 },
    },
  },
  {
    id: "pay",
    options: {
      s: { lean: S, weight: 1, reason: "You prefer the upside of stock options over a higher salary, a trade only a startup offers." },
      b: { lean: B, weight: 1, reason: "You prefer a higher base salary, a bonus and stock units that vest on a schedule, the usual big-company package." },
      n: { lean: null, weight: 0 },
    },
  },
];

export const NEUTRAL_REASON =
  "None of your answers leans either way, so the team, the manager and the product will matter more than the size of the company.";

function isCode(question, code) {
  return typeof code === "string" && Object.hasOwn(question.options, code);
}

/** How many questions still lack a valid answer. */
export function missing(answers) {
  return QUESTIONS.filter((q, i) => !isCode(q, answers?.[i])).length;
}

/** Total weights on each side, counting only valid answers. */
export function score(answers) {
  const totals = { startup: 0, bigTech: 0 };
  QUESTIONS.forEach((q, i) => {
    const code = answers?.[i];
    if (!isCode(q, code)) return;
    const { lean, weight } = q.options[code];
    if (lean === S) totals.startup += weight;
    if (lean === B) totals.bigTech += weight;
  });
  return totals;
}

/** "startup", "big-tech" or "either" once every question is answered; null before. */
export function verdict(answers) {
  if (missing(answers) > 0) return null;
  const { startup, bigTech } = score(answers);
  if (Math.abs(startup - bigTech) <= TIE_MARGIN) return "either";
  return startup > bigTech ? S : B;
}

/** One sentence per leaning answer, for each side, heaviest first (then in question order). */
export function reasons(answers) {
  const found = { startup: [], bigTech: [] };
  QUESTIONS.forEach((q, i) => {
    const code = answers?.[i];
    if (!isCode(q, code)) return;
    const option = q.options[code];
    if (option.lean === S) found.startup.push(option);
    if (option.lean === B) found.bigTech.push(option);
  });
  const sentences = (list) => list
    .map((option, order) => ({ option, order }))
    .sort((a, b) => b.option.weight - a.option.weight || a.order - b.order)
    .map(({ option }) => option.reason);
  return { startup: sentences(found.startup), bigTech: sentences(found.bigTech) };
}

/** Everything the page shows: verdict, scores and reasons (null while incomplete). */
export function result(answers) {
  const which = verdict(answers);
  if (!which) return null;
  return { verdict: which, score: score(answers), reasons: reasons(answers) };
}

/** "quiz=s-b-n-..." for a complete answer set, "" otherwise. */
export function encodeHash(answers) {
  if (missing(answers) > 0) return "";
  return HASH_PREFIX + answers.slice(0, QUESTIONS.length).join("-");
}

/** The answers in a hash such as "#quiz=s-b-n-s-b-s-n", or null if it is not a complete, valid one. */
export function decodeHash(hash) {
  if (typeof hash !== "string") return null;
  let text = hash.startsWith("#") ? hash.slice(1) : hash;
  try {
    text = decodeURIComponent(text);
  } catch {
    return null;
  }
  if (!text.startsWith(HASH_PREFIX)) return null;
  const codes = text.slice(HASH_PREFIX.length).toLowerCase().split("-");
  if (codes.length !== QUESTIONS.length) return null;
  return QUESTIONS.every((q, i) => isCode(q, codes[i])) ? codes : null;
}
