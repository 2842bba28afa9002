//# allFunctionsCalledOnLoad
// The sample-size calculator: how many examples to check for a margin of error, or
// the Wilson interval around a rate already measured. The arithmetic lives in core.js.
// The inputs live in the URL hash (#mode=size&rate=90&margin=3&conf=95), so a result
// can be shared: read on mount, written as the reader changes a field.
import * as core from "./core.js";

function element(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = "mdx-sample-size__" + className;
  return node;
}

// Writing only what changed keeps screen readers from re-reading a live region.
function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/** Shows or clears a field's error, tied to the field for screen readers. */
function showError(input, message) {
  const error = document.getElementById(input.id + "-error");
  if (message) {
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", error.id);
  } else {
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
  }
  setText(error, message || "");
  return !message;
}

/** A results region: one headline number and some lines of text under it. */
function view(region, lines) {
  const list = element("dl", "answer");
  const term = element("dt");
  const value = element("dd");
  list.append(term, value);
  const paragraphs = {};
  region.replaceChildren(list);
  for (const line of [...lines, "note"]) {
    paragraphs[line] = element("p", "line mdx-sample-size__line--" + line);
    region.append(paragraphs[line]);
  }
  return (name, shown, texts) => {
    list.hidden = shown === null;
    if (shown !== null) {
      setText(term, name);
      setText(value, shown);
    }
    for (const line of [...lines, "note"]) setText(paragraphs[line], texts[line] || "");
  };
}

// Swap the hash without a new history entry, keeping the state Material stores there.
function setHash(hash) {
  const url = location.pathname + location.search + "#" + hash;
  if (url !== location.pathname + location.search + location.hash) {
    history.replaceState(history.state, "", url);
  }
}

// Material's instant navigation swaps in a fresh copy of the page even when only the
// anchor changes (a click on a heading link), so the last entries are carried over
// to the next mount on the same path.
let carried = null;

const STALE = "Showing the last valid result: fix the field marked above to update it.";
const EMPTY = "Fix the field marked above to see a result.";

export function mount(root) {
  root.querySelector(".mdx-sample-size__nojs").hidden = true;
  const inputs = {};
  for (const input of root.querySelectorAll("[data-field]")) inputs[input.dataset.field] = input;
  const level = root.querySelector("select");
  const modes = [...root.querySelectorAll('input[type="radio"]')];
  const panels = {};
  const show = {};
  for (const mode of core.MODES) {
    panels[mode] = root.querySelector(`[data-panel="${mode}"]`);
  }
  show.size = view(root.querySelector('[data-results="size"]'), ["reading", "which", "caution"]);
  show.interval = view(root.querySelector('[data-results="interval"]'), ["measured", "meaning"]);
  // The last valid entries of each mode: a bad field leaves them on show.
  const last = { size: null, interval: null };

  const mode = () => (modes.find((radio) => radio.checked) || modes[0]).value;

  function renderSize() {
    const rate = core.parseRate(inputs.rate.value);
    const margin = core.parseMargin(inputs.margin.value);
    const valid = showError(inputs.rate, rate.error) & showError(inputs.margin, margin.error);
    if (valid) last.size = { rate: rate.value, margin: margin.value, conf: level.value };
    const shown = last.size;
    if (!shown) return show.size(null, null, { note: EMPTY });
    const n = core.sampleSize(shown.rate, shown.margin, shown.conf);
    const texts = core.describeSize(n, shown.rate, shown.margin, shown.conf);
    show.size("Examples needed", core.formatCount(n), { ...texts, note: valid ? "" : STALE });
  }

  function renderInterval() {
    const correct = core.parseCount(inputs.correct.value);
    const checked = core.parseCount(inputs.checked.value, 1);
    const pair = correct.error || checked.error ? null : core.checkPair(correct.value, checked.value);
    const valid = showError(inputs.correct, correct.error || pair) & showError(inputs.checked, checked.error);
    if (valid) last.interval = { correct: correct.value, checked: checked.value, conf: level.value };
    const shown = last.interval;
    if (!shown) return show.interval(null, null, { note: EMPTY });
    const texts = core.describeInterval(shown.correct, shown.checked, shown.conf);
    show.interval(`${shown.conf}% confidence interval`, texts.range, { ...texts, note: valid ? "" : STALE });
  }

  function render() {
    const current = mode();
    for (const name of core.MODES) panels[name].hidden = name !== current;
    if (current === "size") renderSize();
    else renderInterval();
  }

  function onChange() {
    render();
    const state = { mode: mode(), conf: level.value };
    for (const [key, input] of Object.entries(inputs)) state[key] = input.value;
    carried = { path: location.pathname, state };
    setHash(core.encodeHash(state));
  }

  function apply(state) {
    for (const radio of modes) radio.checked = radio.value === (state.mode || "size");
    if (state.conf) level.value = state.conf;
    for (const [key, input] of Object.entries(inputs)) {
      if (key in state) input.value = state[key];
    }
  }

  // A calculator hash typed or pasted into the address bar changes only the hash.
  function onHashChange() {
    if (!root.isConnected) {
      window.removeEventListener("hashchange", onHashChange);
      return;
    }
    const state = core.decodeHash(location.hash);
    if (state) {
      apply(state);
      render();
    }
  }

  root.addEventListener("input", onChange);
  root.addEventListener("change", onChange);
  window.addEventListener("hashchange", onHashChange);

  const shared = core.decodeHash(location.hash);
  const kept = carried && carried.path === location.pathname ? carried.state : null;
  if (shared || kept) apply(shared || kept);
  render();
}
