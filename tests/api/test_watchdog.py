"""The watchdog ends its process when a guarded block overruns, and only then."""

from __future__ import annotations

import multiprocessing
import time

from api.watchdog import EXIT_STATUS, Watchdog


def guarded(seconds: float, work: float, report) -> None:
    watchdog = Watchdog()
    with watchdog.guard(seconds, lambda elapsed: report.send(f"expired after {elapsed:.2f}")):
        time.sleep(work)
    report.send("finished")
    with watchdog.guard(seconds, lambda elapsed: report.send("expired later")):
        time.sleep(work / 4)
    report.send("finished again")


def run(seconds: float, work: float) -> tuple[int | None, list[str]]:
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=guarded, args=(seconds, work, send))
    child.start()
    child.join(10)
    send.close()
    messages = []
    while receive.poll(0.1):
        try:
            messages.append(receive.recv())
        except EOFError:
            break
    return child.exitcode, messages


def test_an_overrun_ends_the_process():
    began = time.monotonic()
    status, messages = run(0.3, 5.0)
    assert status == EXIT_STATUS
    assert len(messages) == 1 and messages[0].startswith("expired after 0.")
    assert time.monotonic() - began < 3


def test_a_block_in_time_is_left_alone():
    status, messages = run(1.0, 0.2)
    assert status == 0
    assert messages == ["finished", "finished again"]
