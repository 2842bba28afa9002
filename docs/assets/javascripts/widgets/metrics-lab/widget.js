//# allFunctionsCalledOnLoad
// The metrics lab on the Metrics page: counts in, metrics out; then a threshold
// slider over scored examples. The arithmetic lives in core.js; site.js mounts it
// once per page and loads widget.css.
import * as core from "./core.js";

const DATA_URL = new URL("scored-examples.json", import.meta.url);
const METRICS = [["accuracy", "Accuracy"], ["precision", "Precision"], ["recall", "Recall"], ["f1", "F1"]];

// One download per visit, shared by every page swap; a failed one is retried.
let examplesRequest = null;

function loadExamples() {
  if (!examplesRequest) {
    examplesRequest = fetch(DATA_URL).then((response) => {
      if (!response.ok) throw new Error(`${DATA_URL} answered ${response.status}`);
      return response.json();
    });
    examplesRequest.catch(() => { examplesRequest = null; });
  }
  return examplesRequest;
}

function element(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

// Writing only what changed keeps screen readers from re-reading a live region.
function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function plural(n, one, many) {
  return `${core.formatNumber(n)} ${n === 1 ? one : many}`;
}

/** Checks one field; shows or clears its error. Returns {value} or {error}. */
function check(input, parse) {
  const result = parse(input.value);
  const error = input.parentElement.querySelector(".mdx-metrics-lab__error");
  if (result.error) {
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", error.id);
  } else {
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
  }
  setText(error, result.error || "");
  return result;
}

/** Reads a group of fields keyed by a data attribute; null if any is invalid. */
function readFields(inputs, key, parse) {
  const values = {};
  let valid = true;
  for (const input of inputs) {
    const result = check(input, parse);
    if (result.error) valid = false;
    else values[input.dataset[key]] = result.value;
  }
  return valid ? values : null;
}

/** Fills a results region with the four metrics and some lines of text. */
function resultsView(region, lines) {
  const list = element("dl", "mdx-metrics-lab__metrics");
  const values = {};
  for (const [key, name] of METRICS) {
    const item = element("div", "mdx-metrics-lab__metric");
    const term = element("dt");
    term.textContent = name;
    values[key] = element("dd");
    item.append(term, values[key]);
    list.append(item);
  }
  region.replaceChildren(list);
  const paragraphs = {};
  for (const line of lines) {
    paragraphs[line] = element("p", `mdx-metrics-lab__line mdx-metrics-lab__line--${line}`);
    region.append(paragraphs[line]);
  }
  return (metrics, texts) => {
    for (const [key] of METRICS) setText(values[key], core.formatPercent(metrics[key]));
    for (const line of lines) setText(paragraphs[line], texts[line]);
  };
}

export function mount(root) {
  root.querySelector(".mdx-metrics-lab__nojs").hidden = true;

  const countInputs = [...root.querySelectorAll("[data-count]")];
  const costInputs = [...root.querySelectorAll("[data-cost]")];
  const slider = root.querySelector('input[type="range"]');
  const sliderValue = root.querySelector("[data-threshold-value]");
  const captionValue = root.querySelector("[data-caption-threshold]");
  const status = root.querySelector("[data-status]");
  const useBest = root.querySelector("[data-use-best]");
  const showCounts = resultsView(root.querySelector('[data-results="counts"]'), ["reading", "cost"]);
  const showThreshold = resultsView(root.querySelector('[data-results="threshold"]'), ["confident", "cost", "best"]);

  // The last valid entries: an invalid field leaves the results as they were.
  let counts = null;
  let costs = null;
  let examples = null;
  let best = null;

  function renderCounts() {
    if (!counts || !costs) return;
    showCounts(core.metrics(counts), {
      reading: core.describe(counts),
      cost: `Expected cost: ${core.describeCost(counts, costs)}.`,
    });
  }

  function renderThreshold() {
    if (!examples || !costs) return;
    const threshold = Number(slider.value);
    const shown = core.formatThreshold(threshold);
    setText(sliderValue, shown);
    setText(captionValue, shown);
    slider.setAttribute("aria-valuetext", shown);
    const matrix = core.confusionAt(examples, threshold);
    for (const [cell, count] of Object.entries(matrix)) {
      setText(root.querySelector(`[data-cell="${cell}"] .mdx-metrics-lab__count`), core.formatNumber(count));
    }
    const confident = core.confidentErrors(examples, threshold);
    best = core.bestThreshold(examples, costs);
    showThreshold(core.metrics(matrix), {
      confident: `Confident errors: ${core.formatNumber(confident.total)} (${plural(confident.falseAlarms, "false alarm", "false alarms")} scored ${core.CONFIDENT_HIGH} or more, ${plural(confident.misses, "miss", "misses")} scored ${core.CONFIDENT_LOW} or less).`,
      cost: `Total cost at ${shown}: ${core.describeCost(matrix, costs)}.`,
      best: `Lowest cost: ${core.formatNumber(best.cost)}, at threshold ${core.formatThreshold(best.threshold)}.`,
    });
  }

  function readCounts() {
    counts = readFields(countInputs, "count", core.parseCount) || counts;
    renderCounts();
  }

  function readCosts() {
    costs = readFields(costInputs, "cost", core.parseCost) || costs;
    renderCounts();
    renderThreshold();
  }

  for (const input of countInputs) input.addEventListener("input", readCounts);
  for (const input of costInputs) input.addEventListener("input", readCosts);
  slider.addEventListener("input", renderThreshold);
  useBest.addEventListener("click", () => {
    if (!best) return;
    slider.value = String(best.threshold);
    renderThreshold();
  });

  readCounts();
  readCosts();

  slider.disabled = true;
  status.textContent = "Loading the scored examples…";
  loadExamples().then(
    (data) => {
      examples = data;
      slider.disabled = false;
      useBest.disabled = false;
      status.textContent = "";
      renderThreshold();
    },
    () => {
      status.textContent = "The scored examples could not be loaded, so this part cannot calculate. Reload the page to try again.";
    },
  );
}
