"""The access log: one JSON line per answered request, on the `kg.access` logger.

A log record costs about as much as answering a cached query, so lines are gathered and handed
to the logger in batches, as nginx's `access_log ... buffer= flush=` does: every `FLUSH_SECONDS`
from a background thread, and at once when asked (`flush`) or when the process ends.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from multiprocessing import util

access_log = logging.getLogger("kg.access")
FLUSH_SECONDS = 0.25


class AccessLog:
    """Lines waiting for the logger; `record` is safe from any thread."""

    def __init__(self) -> None:
        self._lines: list[str] = []
        self._lock = threading.Lock()
        self._flusher: threading.Thread | None = None

    def record(
        self, method: str, path: str, status: int, size: int | None, seconds: float, remote: str | None
    ) -> None:
        """Keep the line of one answered request (when the logger is on)."""
        if not access_log.isEnabledFor(logging.INFO):
            return
        line = json.dumps(
            {
                "method": method,
                "path": path,
                "status": status,
                "bytes": size,
                "ms": round(seconds * 1000, 2),
                "remote": remote,
            }
        )
        self._lines.append(line)  # one bytecode: atomic under the GIL
        if self._flusher is None:
            self._start_flusher()

    def flush(self) -> None:
        """Hand every waiting line to the logger now."""
        with self._lock:
            lines, self._lines = self._lines, []
        if lines:
            access_log.info("\n".join(lines))

    def _start_flusher(self) -> None:
        with self._lock:
            if self._flusher is not None:
                return
            self._flusher = threading.Thread(target=self._flush_often, name="kg-access-log", daemon=True)
            self._flusher.start()
        # Run at exit, in `kg serve`'s HTTP worker (a multiprocessing child) as in any process.
        util.Finalize(self, self.flush, exitpriority=10)

    def _flush_often(self) -> None:
        while True:
            time.sleep(FLUSH_SECONDS)
            self.flush()
