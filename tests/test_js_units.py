"""The site's scripts keep their logic in small modules with unit tests for node's
built-in test runner (tests/js/*.test.mjs); this runs them inside pytest."""

import subprocess

from helpers import ROOT


def test_javascript_unit_tests_pass():
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests/js").glob("*.test.mjs"))
    assert files, "no JavaScript unit tests found"
    result = subprocess.run(["node", "--test", *files], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
