from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def test_readme_starts_with_the_build_and_test_commands():
    build, test = readme_commands()
    assert "sitegen build" in build and "pytest" in test


def test_ci_runs_exactly_the_readme_test_command():
    ci = (REPO / ".ci/run").read_text(encoding="utf-8").splitlines()
    assert readme_commands()[1] in ci
