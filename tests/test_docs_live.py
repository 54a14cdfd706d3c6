"""``nox -s docs-live`` stopped with SIGTERM leaves nothing behind (issue 25): two
sphinx-autobuild processes were found still holding the port. Runs the real session
(slow: nox creates its environment the first time)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def processes_naming(text: str) -> list[str]:
    found = []
    for proc in Path("/proc").iterdir():
        try:
            line = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if text in line:
            found.append(f"{proc.name}: {line}")
    return found


@pytest.mark.parametrize("when", ["serving", "building"])
def test_sigterm_stops_the_server_and_everything_it_started(when: str) -> None:
    nox = shutil.which("nox")
    if nox is None or not Path("/proc").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("nox must be on PATH in CI (.ci/run installs it)")
        pytest.skip("needs nox on PATH and /proc")
    port = free_port()
    log = ROOT / "tests" / "artifacts" / f"docs-live-{when}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    (ROOT / "docs" / "index.md").touch()  # something to build
    with log.open("w") as out:
        runner = subprocess.Popen(
            [nox, "-s", "docs-live", "--", "--port", str(port), "--no-initial"]
            if when == "serving"
            else [nox, "-s", "docs-live", "--", "--port", str(port)],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # the test's own way to clean up, whatever happens
            # As a job started in the background by a script: Ctrl-C (SIGINT) ignored,
            # so only what nox does on SIGTERM can stop its children.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
        )
    try:
        deadline = time.monotonic() + 600
        mark = f"--port {port}"
        while time.monotonic() < deadline:
            started = processes_naming(mark)
            if when == "building" and any("sphinx-autobuild" in p for p in started):
                time.sleep(1)  # inside its first build
                break
            if when == "serving" and listening(port):
                break
            assert runner.poll() is None, log.read_text()
            time.sleep(0.5)
        else:
            pytest.fail("docs-live did not start:\n" + log.read_text()[-3000:])
        runner.send_signal(signal.SIGTERM)  # to nox alone, as a terminal or CI would
        runner.wait(timeout=60)
        time.sleep(1)
        assert not listening(port), log.read_text()[-2000:]
        assert processes_naming(mark) == []
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(runner.pid, signal.SIGKILL)
