"""`make bench`: how fast and how light the site is, as figures. Not a test: it
never fails on timing; it prints a table per page and writes the same figures as
JSON to test-output/bench/, so that two runs can be compared.

  BENCH_RUNS=3        Lighthouse runs per page and form factor (the median is kept)
  BENCH_PAGES=a,b     only these page paths ("" is the home page); default: all
  BENCH_LIGHTHOUSE=0  skip Lighthouse (weights and build time only)
  BENCH_SEARCH=0      skip the reader questions
  BENCH_ROOT=dir      build another copy of the project (a variant without one trick)
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from helpers import CHROMIUM_ARGS, ROOT, chromium_path  # noqa: E402
from page_weight import gz, weight  # noqa: E402
from site_server import free_port, serve  # noqa: E402

OUT = ROOT / "test-output" / "bench"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"


def build(site: Path, url: str) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                   cwd=os.environ.get("BENCH_ROOT", ROOT), env=env, check=True)
    return time.perf_counter() - start


def lighthouse(url: str, desktop: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                   "--only-categories=performance,accessibility,best-practices,seo",
                   "--chrome-flags=" + " ".join(CHROMIUM_ARGS + [f"--user-data-dir={tmp}/profile"])]
        if desktop:
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": chromium_path() or ""}
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=180)
        data = json.loads(report.read_text())
    audits = data["audits"]
    return {
        **{k: round(v["score"] * 100) for k, v in data["categories"].items()},
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "si_ms": audits["speed-index"]["numericValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
        "requests": len(audits["network-requests"]["details"]["items"]),
        # How fast this machine ran at the time (higher is faster). TBT is CPU time,
        # so two runs' TBT compare only at a similar index.
        "benchmark_index": data["environment"]["benchmarkIndex"],
        # The first paint as it happened, unthrottled, from a server on this machine: a
        # few hundred ms at most, unless the machine stalled during the run.
        "observed_fcp_ms": audits["metrics"]["details"]["items"][0]["observedFirstContentfulPaint"],
    }


# An unthrottled first paint this slow, from 127.0.0.1, means the machine stalled; the
# simulated figures of that run then come out worse (speed index above all).
STALL_MS = 1000


def median_of(runs: list[dict]) -> dict:
    """The median of each figure, with every run kept beside it for comparison."""
    return {**{k: statistics.median(r[k] for r in runs) for k in runs[0]}, "runs": runs}


def search_share(url: str) -> dict:
    """The share of the reader questions (tests/search_questions.yml) that find their page."""
    from playwright.sync_api import sync_playwright

    from test_search import ask_all, questions, share
    asked = questions()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        results, _ = ask_all(browser.new_page(viewport={"width": 1366, "height": 768}), url, asked)
        browser.close()
    reached, failed = share(results, asked)
    return {"share": reached, "questions": len(asked), "failed": failed}


def main() -> None:
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        builds = [build(site, url) for _ in range(5)]
        pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
        pages = ["" if p == "." else p + "/" for p in pages]
        if "BENCH_PAGES" in os.environ:
            pages = [p for p in pages if p.strip("/") in os.environ["BENCH_PAGES"].split(",")]
        index = site / "search/search_index.json"
        result = {
            "build_seconds_median_of_5": statistics.median(builds),
            "search_index": {"raw": index.stat().st_size, "gzip": gz(index.read_bytes())},
            "pages": {},
        }
        use_lighthouse = os.environ.get("BENCH_LIGHTHOUSE", "1") != "0" and LIGHTHOUSE.exists()
        with serve(site, "/", compress=True, port=port):
            for path in pages:
                entry = {"weight": weight(site, path)}
                if use_lighthouse:
                    for form, desktop in (("phone", False), ("desktop", True)):
                        entry[form] = median_of([lighthouse(url + path, desktop) for _ in range(runs)])
                result["pages"][path or "/"] = entry
                print(f"measured /{path}", file=sys.stderr)
            if os.environ.get("BENCH_SEARCH", "1") != "0":
                result["search"] = search_share(url)
    OUT.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (OUT / f"bench-{stamp}.json").write_text(json.dumps(result, indent=2))
    report(result)
    print(f"\nFigures written to {OUT / f'bench-{stamp}.json'}")


def report(result: dict) -> None:
    kb = lambda n: f"{n / 1024:.1f}"  # noqa: E731
    width = max(len(path) for path in result["pages"]) + 1
    print(f"Build (strict, median of 5): {result['build_seconds_median_of_5']:.2f} s")
    print(f"Search index: {kb(result['search_index']['raw'])} KB raw, {kb(result['search_index']['gzip'])} KB gzip")
    if "search" in result:
        found = result["search"]
        print(f"Search: {found['share']:.1%} of {found['questions']} reader questions find their page in the first three"
              + "".join(f"\n  missed {miss}" for miss in found["failed"]))
    print()
    print("Page weight in KB, gzip unless marked raw; first view = HTML + CSS + JS + fonts;")
    print("+after adds what the theme and a widget fetch after load (search worker and index, widget code).")
    print(f"{'page':{width}} {'HTML':>6} {'CSS':>6} {'JS':>6} {'fonts':>6} {'first':>6} {'raw':>6} {'+after':>7}")
    for path, entry in result["pages"].items():
        w = entry["weight"]
        print(f"{path:{width}} {kb(w['html_gzip']):>6} {kb(w['css_gzip']):>6} {kb(w['js_gzip']):>6} {kb(w['fonts_gzip']):>6} "
              f"{kb(w['first_view_gzip']):>6} {kb(w['first_view_raw']):>6} {kb(w['with_after_load_gzip']):>7}")
    for form in ("phone", "desktop"):
        rows = [(p, e[form]) for p, e in result["pages"].items() if form in e]
        if not rows:
            continue
        print(f"\nLighthouse 12, {form} (median of runs)")
        print(f"{'page':{width}} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} {'FCP ms':>7} {'SI ms':>7} {'LCP ms':>7} {'TBT ms':>7} {'CLS':>5} {'KB':>6} {'req':>4}")
        for path, m in rows:
            print(f"{path:{width}} {m['performance']:>4.0f} {m['accessibility']:>4.0f} {m['best-practices']:>4.0f} {m['seo']:>4.0f} "
                  f"{m['fcp_ms']:>7.0f} {m['si_ms']:>7.0f} {m['lcp_ms']:>7.0f} {m['tbt_ms']:>7.0f} {m['cls']:>5.2f} {m['bytes'] / 1024:>6.1f} {m['requests']:>4.0f}")
        stalled = [(p, r) for p, m in rows for r in m.get("runs", []) if r["observed_fcp_ms"] > STALL_MS]
        if stalled:
            print(f"Runs in which the machine stalled (first paint over {STALL_MS} ms unthrottled), kept in the medians: "
                  + ", ".join(f"{p or '/'} (perf {r['performance']:.0f})" for p, r in stalled))
        speeds = sorted(m["benchmark_index"] for _, m in rows if "benchmark_index" in m)
        if speeds:
            print(f"Machine speed (Lighthouse benchmark index, higher is faster): median {statistics.median(speeds):.0f}, "
                  f"{speeds[0]:.0f} to {speeds[-1]:.0f} across pages")


if __name__ == "__main__":
    main()
