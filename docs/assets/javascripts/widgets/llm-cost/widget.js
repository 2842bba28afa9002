//# allFunctionsCalledOnLoad
// The LLM cost calculator: two scenarios side by side, what each costs per request,
// per 1,000 requests, per day, per month and per user, and B against A. The arithmetic
// lives in core.js. The fields live in the URL hash (#a.req=10000&...), so a result
// can be shared: read on mount, written as the reader changes a field.
import * as core from "./core.js";

const ROWS = [
  ["request", "Per request"],
  ["thousand", "Per 1,000 requests"],
  ["day", "Per day"],
  ["month", "Per month (30 days)"],
  ["user", "Per user per month"],
];

function element(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = "mdx-llm-cost__" + className;
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
}

/** A results region: a list of named amounts, then a note. */
function view(region, rows) {
  const list = element("dl", "amounts");
  const items = {};
  const values = {};
  for (const [key, name] of rows) {
    items[key] = element("div", "amount");
    const term = element("dt");
    term.textContent = name;
    values[key] = element("dd");
    items[key].append(term, values[key]);
    list.append(items[key]);
  }
  const note = element("p", "note");
  region.replaceChildren(list, note);
  return (shown, text) => {
    list.hidden = !shown;
    for (const [key] of rows) {
      const value = shown ? shown[key] : null;
      items[key].hidden = value === null;
      if (value !== null) setText(values[key], value);
    }
    setText(note, text);
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
  root.querySelector(".mdx-llm-cost__nojs").hidden = true;
  const inputs = {};
  const show = {};
  const last = {};
  for (const scenario of core.SCENARIOS) {
    const part = root.querySelector(`[data-scenario="${scenario}"]`);
    for (const input of part.querySelectorAll("[data-field]")) inputs[`${scenario}.${input.dataset.field}`] = input;
    show[scenario] = view(root.querySelector(`[data-results="${scenario}"]`), ROWS);
    last[scenario] = null;
  }
  show.compare = view(root.querySelector('[data-results="compare"]'), [
    ["amount", "Difference per month (B \u2212 A)"],
    ["percent", "As a share of A"],
  ]);

  /** A scenario's values, or null when a field is bad (each bad field shows why). */
  function read(scenario) {
    const values = {};
    let valid = true;
    for (const key of core.FIELDS) {
      const input = inputs[`${scenario}.${key}`];
      const result = core.parseField(key, input.value);
      showError(input, result.error);
      if (result.error) valid = false;
      else values[key] = result.value;
    }
    return valid ? values : null;
  }

  function render() {
    const totals = {};
    let stale = false;
    for (const scenario of core.SCENARIOS) {
      const values = read(scenario);
      if (!values) stale = true;
      if (values) last[scenario] = core.costs(values);
      totals[scenario] = last[scenario];
      const shown = {};
      if (totals[scenario]) {
        for (const [key] of ROWS) {
          const amount = totals[scenario][key];
          shown[key] = amount === null ? null : core.formatUSD(amount);
        }
      }
      show[scenario](totals[scenario] && shown, values ? "" : totals[scenario] ? STALE : EMPTY);
    }
    if (totals.a && totals.b) {
      const { amount, percent, sentence } = core.compare(totals.a, totals.b);
      show.compare({ amount, percent }, stale ? `${sentence} ${STALE}` : sentence);
    } else {
      show.compare(null, "Fix the fields marked above to compare the scenarios.");
    }
  }

  function texts() {
    const state = {};
    for (const [name, input] of Object.entries(inputs)) state[name] = input.value;
    return state;
  }

  function apply(state) {
    for (const [name, input] of Object.entries(inputs)) {
      if (name in state) input.value = state[name];
    }
  }

  function onInput() {
    render();
    carried = { path: location.pathname, state: texts() };
    setHash(core.encodeHash(carried.state));
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

  root.addEventListener("input", onInput);
  window.addEventListener("hashchange", onHashChange);

  const shared = core.decodeHash(location.hash);
  const kept = carried && carried.path === location.pathname ? carried.state : null;
  if (shared || kept) apply(shared || kept);
  render();
}
