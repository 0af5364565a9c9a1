"""The time limit that really stops work the engine cannot cancel: the process ends.

Oxigraph has no cancellation, and a signal does not reach it while it computes an aggregate,
but it releases the GIL while it works; so a watchdog thread can still run `on_expire` (answer
the client) and then end the whole process at once, the engine's work with it. It guards the
writer of `kg serve` (`api.writer`), which makes one write at a time and is then restarted.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

EXIT_STATUS = 70
TICK = 0.1


class Watchdog:
    """One per process: a thread that ends the process when a guarded block overruns."""

    def __init__(self) -> None:
        # (deadline, started, on_expire) of the guarded block, set and read as one value.
        self._armed: tuple[float, float, Callable[[float], None]] | None = None
        self._thread: threading.Thread | None = None
        self._pid = 0

    @contextmanager
    def guard(self, seconds: float, on_expire: Callable[[float], None]) -> Iterator[None]:
        """Run the block within `seconds`; else call `on_expire(elapsed)` and exit the process."""
        self._ensure_thread()
        # Arming only stores a value (no wake-up): the watchdog looks every TICK seconds, so a
        # request does not hand the GIL to another thread.
        started = time.monotonic()
        self._armed = (started + seconds, started, on_expire)
        try:
            yield
        finally:
            self._armed = None

    def _ensure_thread(self) -> None:
        if self._thread is None or self._pid != os.getpid() or not self._thread.is_alive():
            self._pid = os.getpid()
            self._thread = threading.Thread(target=self._watch, name="kg-watchdog", daemon=True)
            self._thread.start()

    def _watch(self) -> None:
        while True:
            time.sleep(TICK)
            armed = self._armed
            if armed is None or time.monotonic() < armed[0] or self._armed is not armed:
                continue
            _, started, on_expire = armed
            try:
                on_expire(time.monotonic() - started)
            finally:
                os._exit(EXIT_STATUS)
