//# allFunctionsCalledOnLoad
// The "Startup or big tech?" quiz: reads the radios, shows the result in the live region
// and keeps the answers in the URL hash (#quiz=...) so the result can be shared.
import { NEUTRAL_REASON, QUESTIONS, TIE_MARGIN, decodeHash, encodeHash, missing, result } from "./core.js";

const VERDICTS = {
  startup: "A startup looks like the better fit for you now.",
  "big-tech": "Big tech looks like the better fit for you now.",
  either: "Either could fit — it depends on the team.",
};

// Which guide pages to offer for each verdict, best first.
const LINKS = {
  startup: ["startup", "ask-startup", "compared", "big-tech"],
  "big-tech": ["big-tech", "ask-big-tech", "compared", "startup"],
  either: ["startup", "big-tech", "compared", "ask-startup", "ask-big-tech"],
};

// Material's instant navigation swaps in a fresh copy of the page even when only the
// anchor changes (a click on a heading link), so the last answers are carried over to
// the next mount of the quiz on the same path. Cleared by "Start over".
let carried = null;

// The element the URL's hash names, if it is a heading anchor rather than quiz answers.
function anchorTarget() {
  if (location.hash.length < 2 || isQuizHash(location.hash)) return null;
  try {
    return document.getElementById(decodeURIComponent(location.hash.slice(1)));
  } catch {
    return null;
  }
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = "mdx-fit-quiz__" + className;
  if (text) node.textContent = text;
  return node;
}

function list(sentences) {
  const ul = element("ul", "reasons");
  sentences.forEach((sentence) => ul.append(element("li", null, sentence)));
  return ul;
}

function isQuizHash(hash) {
  return /^#quiz(=|%3D)/i.test(hash);
}

// Swap the hash without a new history entry, keeping the state Material stores there.
function setHash(hash) {
  const url = location.pathname + location.search + (hash ? "#" + hash : "");
  if (url !== location.pathname + location.search + location.hash) {
    history.replaceState(history.state, "", url);
  }
}

export function mount(root) {
  const form = root.querySelector(".mdx-fit-quiz__form");
  const live = root.querySelector(".mdx-fit-quiz__result");
  const reset = root.querySelector(".mdx-fit-quiz__reset");
  const pages = root.querySelector(".mdx-fit-quiz__pages");
  const groups = QUESTIONS.map((q) => form.elements.namedItem("mdx-fit-quiz-" + q.id));
  root.querySelector(".mdx-fit-quiz__nojs").hidden = true;
  reset.hidden = false;

  const read = () => groups.map((group) => group.value || null);
  const write = (answers) => groups.forEach((group, i) => {
    for (const input of group) input.checked = input.value === answers[i];
  });

  function linkList(verdict) {
    const ul = element("ul", "links");
    for (const key of LINKS[verdict]) {
      const link = pages.content.querySelector(`[data-fit-quiz-link="${key}"]`);
      const li = element("li");
      li.append(link.cloneNode(true));
      ul.append(li);
    }
    return ul;
  }

  let shown = "";
  function render(answers) {
    const outcome = result(answers);
    const key = outcome ? answers.join("") : String(missing(answers));
    if (key === shown) return;
    shown = key;
    if (!outcome) {
      const left = missing(answers);
      live.replaceChildren(element("p", "progress",
        `${left} ${left === 1 ? "question" : "questions"} left. Answer all ${QUESTIONS.length} to see which setting fits you.`));
      return;
    }
    const { verdict, score, reasons } = outcome;
    const parts = [
      element("p", "verdict", VERDICTS[verdict]),
      element("p", "score", `Score: startup ${score.startup}, big tech ${score.bigTech}.` +
        (verdict === "either" ? ` A gap of ${TIE_MARGIN} point or less counts as a tie.` : "")),
    ];
    const sides = verdict === "big-tech"
      ? [["Why", reasons.bigTech], ["What pulls the other way", reasons.startup]]
      : verdict === "startup"
        ? [["Why", reasons.startup], ["What pulls the other way", reasons.bigTech]]
        : [["What pulls toward a startup", reasons.startup], ["What pulls toward big tech", reasons.bigTech]];
    if (!reasons.startup.length && !reasons.bigTech.length) {
      parts.push(element("p", null, NEUTRAL_REASON));
    }
    for (const [title, sentences] of sides) {
      if (sentences.length) parts.push(element("p", "label", title), list(sentences));
    }
    parts.push(element("p", "label", "Read next"), linkList(verdict));
    live.replaceChildren(...parts);
  }

  // keepAnchor leaves a heading anchor in the URL alone (used when answers are carried over).
  function update(keepAnchor = false) {
    const answers = read();
    render(answers);
    carried = { path: location.pathname, answers };
    const hash = encodeHash(answers);
    if (keepAnchor && location.hash && !isQuizHash(location.hash)) return;
    if (hash) setHash(hash);
    else if (isQuizHash(location.hash)) setHash("");
  }

  // A quiz hash typed or pasted into the address bar changes only the hash.
  function onHashChange() {
    if (!root.isConnected) {
      window.removeEventListener("hashchange", onHashChange);
      return;
    }
    const saved = decodeHash(location.hash);
    if (saved) {
      write(saved);
      update();
    }
  }

  form.addEventListener("change", () => update());
  form.addEventListener("submit", (event) => event.preventDefault());
  reset.addEventListener("click", () => {
    form.reset();
    update();
    carried = null;
    groups[0][0].focus();
  });
  window.addEventListener("hashchange", onHashChange);

  const shared = decodeHash(location.hash);
  const kept = carried && carried.path === location.pathname ? carried.answers : null;
  if (shared || kept) write(shared || kept);
  update(!shared);
  // site.js mounts the quiz once its stylesheet has loaded, so the layout is final.
  // A shared link opens at the top of the page (the hash names no element), so bring
  // the result into view; a position restored by Back or a reload is left alone.
  if (shared) {
    if (window.scrollY === 0) live.scrollIntoView({ block: "start" });
    return;
  }
  // The quiz grew when its stylesheet applied, which can have pushed the heading a
  // link pointed to (one below the quiz) out of view; put it back.
  requestAnimationFrame(() => {
    const target = anchorTarget();
    if (!target || !(root.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING)) return;
    const { top } = target.getBoundingClientRect();
    if (top < 0 || top > window.innerHeight) target.scrollIntoView();
  });
}
