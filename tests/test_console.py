"""What the terminal shows: a progress bar on long builds only, coloured problems with file names, --quiet, --verbose."""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
import time

from conftest import make_site
from sitegen.cli import main
from sitegen.console import Console, is_terminal
from sitegen.progress import Progress, TerminalProgress

WARNED = {"seeds/a.md": """
    ---
    title: Blinken and a stranger
    date: 2023-02-01
    meetings:
      - date: 2023-02-01
        place: Jerusalem
        participants: [Antony Blinken, Jane Nobody]
    ---
    They met.
    """}


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_bar_shows_only_once_a_build_has_taken_a_second_and_is_erased_at_the_end():
    stream, clock = FakeTerminal(), Clock()
    progress = TerminalProgress(stream, delay=1.0, clock=clock, ticker=False)
    files = progress.track(range(40), "files", total=40, stage="render")
    for _ in range(10):
        next(files)
    assert stream.getvalue() == ""  # a quick build prints nothing but its summary
    for step in range(1, 21):
        clock.now = step * 0.15
        next(files)
    drawn = stream.getvalue().split("\r\x1b[K")
    assert len(drawn) - 1 == 14  # drawn from the first second on (1.05 s, 1.2 s ... 3.0 s)
    # 29 done: the 30th is in the writer's hands until it asks for the next.
    assert drawn[-1].startswith("render") and "[" + "#" * 17 + "-" * 7 + "] 29/40 files" in drawn[-1] and drawn[-1].endswith("3.0s")
    progress.done()
    assert stream.getvalue().endswith("\r\x1b[K")  # the line is erased, leaving the terminal clean


def test_no_bar_and_no_colour_off_a_terminal_in_ci_or_with_no_color(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert is_terminal(FakeTerminal()) and not is_terminal(io.StringIO())
    assert type(Console(err=io.StringIO()).progress()) is Progress
    assert isinstance(Console(err=FakeTerminal()).progress(), TerminalProgress)
    assert type(Console(err=FakeTerminal(), verbosity=-1).progress()) is Progress  # --quiet
    monkeypatch.setenv("CI", "true")
    assert not is_terminal(FakeTerminal()) and not Console(err=FakeTerminal()).color
    monkeypatch.delenv("CI")
    monkeypatch.setenv("NO_COLOR", "1")
    assert not is_terminal(FakeTerminal())


def test_on_a_terminal_warnings_are_coloured_with_their_file_names_and_a_summary_closes(tmp_path):
    root = make_site(tmp_path, WARNED)
    output = _in_terminal([sys.executable, "-m", "sitegen", "build", str(root)])
    # A slow build draws a progress line first, which the warning clears ("\r\x1b[K"; splitlines cuts at the "\r").
    warning = next(line for line in output.splitlines() if "Jane Nobody" in line).removeprefix("\x1b[K")
    assert warning.startswith("\x1b[1ma.md\x1b[0m: \x1b[33m\x1b[1mwarning\x1b[0m")  # file in bold, warning in yellow
    assert "\x1b[32mbuilt " in output and "1 warnings in" in output  # the closing summary, in green


def test_piped_output_has_no_colour_quiet_keeps_errors_only_and_verbose_adds_the_stages(tmp_path, capsys):
    root = make_site(tmp_path, WARNED)
    assert main(["build", str(root)]) == 0
    captured = capsys.readouterr()
    assert "\x1b" not in captured.err + captured.out
    assert captured.err.startswith("a.md: warning [people]: 'Jane Nobody'") and captured.out.startswith("built ")
    assert main(["build", str(root), "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
    (root / "seeds/b.md").write_text("---\ndate: 2023-02-30\n---\nText.\n", encoding="utf-8")
    assert main(["-q", "build", str(root)]) == 1
    err = capsys.readouterr().err
    assert "b.md:2: error [date]" in err and "Jane Nobody" not in err  # errors still show; warnings do not
    (root / "seeds/b.md").unlink()
    verbose = subprocess.run([sys.executable, "-m", "sitegen", "build", str(root), "--verbose", "--no-cache"], capture_output=True, text=True, timeout=120)
    assert verbose.returncode == 0 and "extract" in verbose.stderr and "render+write" in verbose.stderr


def _in_terminal(command: list[str]) -> str:
    """What `command` writes to a terminal (a pseudo-terminal), as raw text."""
    leader, follower = os.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")} | {"TERM": "xterm"}
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    chunks, deadline = [], time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            if select.select([leader], [], [], 0.5)[0]:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:  # the terminal closed: the command has ended
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            elif process.poll() is not None:
                break
    finally:
        os.close(leader)
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
