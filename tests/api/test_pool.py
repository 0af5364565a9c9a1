"""The query workers: real child processes over a real store, killed at the time limit."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from api.config import ApiConfig
from api.pool import PooledWork, WorkerPool, readable_within
from api.server import WriterProcess, writer_settings
from api.serving import ServeSettings
from kg.documents import Document
from kg.errors import KGError, Overloaded, QueryError, QueryTimeout, ResultTooLarge
from kg.store.embedded import EmbeddedStore
from tests.api.running import tree_cpu_seconds

pytestmark = pytest.mark.slow
JSON = "application/sparql-results+json"
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture
def start_pool(tmp_path: Path) -> Iterator[Callable[..., WorkerPool]]:
    """Make pools over a store of 1500 triples with its writer; all are closed at the end."""
    store = EmbeddedStore(tmp_path / "store")
    rows = " ".join(f"<http://example.org/s{i}> <http://example.org/p> {i} ." for i in range(1500))
    store.update(f"INSERT DATA {{ GRAPH <http://example.org/g> {{ {rows} }} }}")
    store.close()
    cleanups: list[Callable[[], None]] = []

    def start(*, size: int, timeout: float, **config: object) -> WorkerPool:
        writer = WriterProcess(writer_settings(str(tmp_path / "store"), tmp_path, timeout))
        writer.start()
        cleanups.append(writer.stop)
        settings = ServeSettings(
            spec=str(tmp_path / "store"),
            config=ApiConfig(query_timeout=timeout, **config),  # type: ignore[arg-type]
            runtime=str(tmp_path),
            workers=size,
            writer=writer.settings,
        )
        settings.save(tmp_path / "settings.json")
        pool = WorkerPool(str(tmp_path / "settings.json"), size, timeout)
        cleanups.append(pool.close)
        pool.start()
        return pool

    yield start
    for cleanup in reversed(cleanups):
        cleanup()


@pytest.fixture
def pool(start_pool: Callable[..., WorkerPool]) -> WorkerPool:
    return start_pool(size=2, timeout=1.5, max_result_bytes=4096)


def children(pool: WorkerPool) -> set[int]:
    return {child.process.pid for child in pool._children}


def test_answers_and_errors_come_back(pool):
    work = PooledWork(pool)
    answer = work.query("ASK { ?s <http://example.org/p> 7 }", media_type=JSON)
    assert b"true" in answer.body and answer.media_type == JSON
    with pytest.raises(QueryError):
        work.query("SELECT * WHERE {", media_type=JSON)
    with pytest.raises(ResultTooLarge):
        work.query("SELECT * WHERE { ?s ?p ?o }", media_type=JSON)
    with pytest.raises(ResultTooLarge):
        work.export("http://example.org/g", rdf_format="nt")
    with pytest.raises(KGError) as failure:  # a failure that is not ours: 500, and the worker goes on
        pool.call("query", 42, media_type=JSON)
    assert failure.value.http_status == 500
    with pytest.raises(KGError, match="does not do"):
        pool.call("update", "CLEAR ALL")
    assert b"true" in work.query("ASK {}", media_type=JSON).body


def test_a_query_past_the_limit_is_killed_and_replaced(pool):
    before = children(pool)
    began = time.monotonic()
    with pytest.raises(QueryTimeout):
        pool.call("query", CROSS, media_type=JSON)
    assert 1.4 < time.monotonic() - began < 3
    killed = before - children(pool)
    assert len(killed) == 1
    (pid,) = killed
    assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]
    deadline = time.monotonic() + 30
    while len(children(pool)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(children(pool)) == 2
    cpu = sum(tree_cpu_seconds(child) for child in children(pool))
    time.sleep(1.0)
    assert sum(tree_cpu_seconds(child) for child in children(pool)) - cpu < 0.3
    assert b"true" in pool.call("query", "ASK {}", media_type=JSON).body


def test_a_dead_worker_is_replaced(pool):
    victim = next(iter(pool._children)).process.pid
    os.kill(victim, 9)
    answers = []
    for _ in range(4):  # one of these may meet the dead worker and fail; none may hang
        try:
            answers.append(pool.call("query", "ASK {}", media_type=JSON).body)
        except KGError as err:
            assert "worker" in str(err)
    assert answers
    deadline = time.monotonic() + 30
    while victim in children(pool) or len(children(pool)) < 2:
        assert time.monotonic() < deadline
        time.sleep(0.1)


def test_every_worker_busy_until_the_deadline_is_503(start_pool):
    pool = start_pool(size=1, timeout=1.0)
    outcome: list[BaseException] = []

    def overrun() -> None:
        try:
            pool.call("query", CROSS, media_type=JSON)
        except QueryTimeout as err:
            outcome.append(err)

    slow = threading.Thread(target=overrun)
    slow.start()
    time.sleep(0.05)
    with pytest.raises(Overloaded):
        pool.call("query", "ASK {}", media_type=JSON)
    slow.join()
    assert outcome


def test_close_ends_every_worker(start_pool):
    pool = start_pool(size=2, timeout=5.0)
    pids = children(pool)
    pool.close()
    for pid in pids:
        assert not Path(f"/proc/{pid}").exists()


def test_a_document_is_extracted_in_a_worker(start_pool):
    pool = start_pool(size=1, timeout=0.5)  # the first extraction may load the model past it
    for n in range(2):
        document = Document(id=f"d{n}", text="France will send 20 tanks to Ukraine.")
        result = PooledWork(pool).extract(document)
        assert any("Commitment" in str(triple[2]) for triple in result.triples)


def test_answers_are_awaited_on_descriptors_past_1024():
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft <= 1500:
        pytest.fail(f"the test needs more than 1500 open files (limit {soft})")
    read_end, write_end = os.pipe()
    high = os.dup2(read_end, 1500)
    try:
        with os.fdopen(high, "rb", buffering=0, closefd=False) as source:
            assert not readable_within(source, 0.05)
            os.write(write_end, b"x")
            assert readable_within(source, 0.05)
    finally:
        for fd in (read_end, write_end, high):
            os.close(fd)


def worker_processes() -> set[int]:
    """Query workers started by this test process."""
    found = set()
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes()
        except (OSError, IndexError):
            continue
        if int(stat[1]) == os.getpid() and b"api.worker" in command and stat[0] != "Z":
            found.add(int(entry.name))
    return found


def test_close_while_a_replacement_starts_leaves_no_worker(start_pool):
    pool = start_pool(size=1, timeout=0.5)
    with pytest.raises(QueryTimeout):
        pool.call("query", CROSS, media_type=JSON)  # its replacement now starts in the background
    pool.close()
    time.sleep(3)  # long enough for the replacement to have started, had it been let
    assert not worker_processes()
