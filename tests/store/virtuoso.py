"""A throw-away Virtuoso server for the remote-store tests: own ini, own ports, temp database."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tests.api.running import free_port
from tests.requirements import missing

USER = "kgwriter"
PASSWORD = "kgpass"

INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 60
"""


@dataclass
class Virtuoso:
    """A running server: its SPARQL endpoints and SQL port."""

    process: subprocess.Popen[bytes]
    directory: Path
    sql_port: int
    http_port: int

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def store_url(self) -> str:
        """The authenticated endpoint, with the writer's credentials in the URL."""
        return f"http://{USER}:{PASSWORD}@127.0.0.1:{self.http_port}/sparql-auth"

    def isql(self, sql: str) -> str:
        """Run SQL statements as dba through isql-vt."""
        result = subprocess.run(
            ["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba", "VERBOSE=OFF", "BANNER=OFF"],
            input=sql.encode(),
            capture_output=True,
            timeout=60,
            check=True,
        )
        return result.stdout.decode()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def require_virtuoso() -> str:
    """The virtuoso-t binary; in CI a missing one fails the run instead of skipping."""
    binary = shutil.which("virtuoso-t")
    if binary is None or shutil.which("isql-vt") is None:
        missing("Debian package virtuoso-opensource is not installed")
    return binary


def start(directory: Path, *, wait_s: float = 60.0) -> Virtuoso:
    """Start virtuoso-t in `directory` and wait until its SPARQL endpoint answers."""
    binary = require_virtuoso()
    sql_port, http_port = free_port(), free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(INI.format(dir=directory, sql_port=sql_port, http_port=http_port))
    log = (directory / "stdout.log").open("wb")
    process = subprocess.Popen(
        [binary, "-f", "-c", str(ini)], cwd=directory, stdout=log, stderr=subprocess.STDOUT
    )
    server = Virtuoso(process, directory, sql_port, http_port)
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"virtuoso-t exited: {(directory / 'stdout.log').read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{server.base}/sparql?query=ASK%7B%7D", timeout=2) as answer:
                if answer.status == 200:
                    break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    else:
        server.stop()
        raise RuntimeError("virtuoso-t did not answer in time")
    server.isql(
        f"DB.DBA.USER_CREATE('{USER}', '{PASSWORD}');\n"
        f'GRANT SPARQL_UPDATE TO "{USER}";\n'
        f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET('{USER}', 3);\n"
    )
    return server
