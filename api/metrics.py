"""Prometheus text metrics that add up over every worker process, dead ones included.

Each process counts into its own small memory-mapped file of float64 slots (no locks, nothing
lost when a worker is killed); a scrape sums the files of the directory.
"""

from __future__ import annotations

import mmap
import os
from collections.abc import Callable
from pathlib import Path

ENDPOINTS = ("sparql", "update", "store", "documents", "healthz", "metrics", "web", "other")
STATUSES = (200, 201, 204, 400, 401, 403, 404, 405, 406, 413, 415, 500, 502, 503, 504, 507)
BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

_REQUESTS = 0
_OTHER_STATUS = len(STATUSES)
_HISTOGRAM = _REQUESTS + len(ENDPOINTS) * (len(STATUSES) + 1)
_PER_HISTOGRAM = len(BUCKETS) + 2  # the buckets, then the sum and the count
_TIMEOUTS = _HISTOGRAM + len(ENDPOINTS) * _PER_HISTOGRAM
_CACHE_HITS = _TIMEOUTS + 1
_CACHE_MISSES = _CACHE_HITS + 1
_SLOTS = _CACHE_MISSES + 1
_SIZE = _SLOTS * 8


class Metrics:
    """Counters and latency histograms of the HTTP API, shared through `directory`."""

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        """Share through `directory` (made if missing), or count in this process only without one."""
        self.directory = Path(directory) if directory is not None else None
        if self.directory is not None:
            self.directory.mkdir(parents=True, exist_ok=True)
        self._pid = 0
        self._slots: memoryview[float] | None = None

    def _own(self) -> memoryview[float]:
        """This process's slots (a fresh file after a fork)."""
        if self._slots is None or self._pid != os.getpid():
            self._pid = os.getpid()
            if self.directory is None:
                self._slots = memoryview(mmap.mmap(-1, _SIZE)).cast("d")
            else:
                path = self.directory / f"metrics-{self._pid}.bin"
                with path.open("w+b") as file:
                    file.truncate(_SIZE)
                    self._slots = memoryview(mmap.mmap(file.fileno(), _SIZE)).cast("d")
        return self._slots

    def observe(self, endpoint: str, status: int, seconds: float) -> None:
        """Count one answered request and its duration."""
        slots = self._own()
        where = ENDPOINTS.index(endpoint) if endpoint in ENDPOINTS else len(ENDPOINTS) - 1
        code = STATUSES.index(status) if status in STATUSES else _OTHER_STATUS
        slots[_REQUESTS + where * (len(STATUSES) + 1) + code] += 1
        base = _HISTOGRAM + where * _PER_HISTOGRAM
        for index, bound in enumerate(BUCKETS):
            if seconds <= bound:
                slots[base + index] += 1
        slots[base + len(BUCKETS)] += seconds
        slots[base + len(BUCKETS) + 1] += 1
        if status == 504:  # a query, export, extraction or write stopped at the time limit
            slots[_TIMEOUTS] += 1

    def cache_lookup(self, hit: bool) -> None:
        """Count one query looked up in the answer cache."""
        self._own()[_CACHE_HITS if hit else _CACHE_MISSES] += 1

    def totals(self) -> list[float]:
        """The slots summed over every process that has counted."""
        if self.directory is None:
            return list(self._own())
        total = [0.0] * _SLOTS
        for path in self.directory.glob("metrics-*.bin"):
            data = memoryview(path.read_bytes()).cast("d")
            if len(data) == _SLOTS:
                total = [a + b for a, b in zip(total, data, strict=True)]
        return total

    def render(self, gauges: dict[str, tuple[str, Callable[[], float]]]) -> str:
        """The Prometheus text exposition, with extra `gauges` (name: (help, read)) computed now."""
        total = self.totals()
        lines = [
            "# HELP kg_http_requests_total HTTP requests answered, by endpoint and status.",
            "# TYPE kg_http_requests_total counter",
        ]
        for where, endpoint in enumerate(ENDPOINTS):
            for code, status in enumerate((*STATUSES, "other")):
                value = total[_REQUESTS + where * (len(STATUSES) + 1) + code]
                if value:
                    lines.append(
                        f'kg_http_requests_total{{endpoint="{endpoint}",status="{status}"}} {value:g}'
                    )
        lines += [
            "# HELP kg_http_request_duration_seconds Time to answer a request, by endpoint.",
            "# TYPE kg_http_request_duration_seconds histogram",
        ]
        for where, endpoint in enumerate(ENDPOINTS):
            base = _HISTOGRAM + where * _PER_HISTOGRAM
            count = total[base + len(BUCKETS) + 1]
            if not count:
                continue
            for index, bound in enumerate(BUCKETS):
                lines.append(
                    f'kg_http_request_duration_seconds_bucket{{endpoint="{endpoint}",le="{bound:g}"}} '
                    f"{total[base + index]:g}"
                )
            label = f'endpoint="{endpoint}"'
            lines.append(f'kg_http_request_duration_seconds_bucket{{{label},le="+Inf"}} {count:g}')
            lines.append(f"kg_http_request_duration_seconds_sum{{{label}}} {total[base + len(BUCKETS)]:.6f}")
            lines.append(f"kg_http_request_duration_seconds_count{{{label}}} {count:g}")
        lines += [
            "# HELP kg_query_timeouts_total Queries and updates stopped at the time limit.",
            "# TYPE kg_query_timeouts_total counter",
            f"kg_query_timeouts_total {total[_TIMEOUTS]:g}",
            "# HELP kg_result_cache_lookups_total Queries looked up in the answer cache, by result.",
            "# TYPE kg_result_cache_lookups_total counter",
            f'kg_result_cache_lookups_total{{result="hit"}} {total[_CACHE_HITS]:g}',
            f'kg_result_cache_lookups_total{{result="miss"}} {total[_CACHE_MISSES]:g}',
        ]
        for name, (text, read) in gauges.items():
            lines += [f"# HELP {name} {text}", f"# TYPE {name} gauge", f"{name} {read():g}"]
        return "\n".join(lines) + "\n"
