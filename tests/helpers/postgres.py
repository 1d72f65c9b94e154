"""A throwaway PostgreSQL cluster on a loopback port, for the tests of the hub's store.

Debian's server binaries (apt-get install postgresql) are run directly: initdb and pg_ctl as
the `postgres` user when the tests run as root (initdb refuses root), in a folder of their own
under the system's temporary folder (pytest's is private to root, and the server must reach
its data through it). Durability is switched off: these are tests, not the benchmark."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from glob import glob
from pathlib import Path

MISSING = "PostgreSQL server not installed (Debian: apt-get install postgresql)"
FAST = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def server_bin() -> Path | None:
    """The newest server's binaries: Debian's layout, else initdb on PATH."""
    found = glob("/usr/lib/postgresql/*/bin/initdb")
    if found:
        return Path(max(found, key=lambda p: int(re.search(r"/(\d+)/bin/", p).group(1)))).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    bin: Path
    base: Path
    port: int
    durable: bool = False

    @property
    def data(self) -> Path:
        return self.base / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> None:
        as_pg = ({"user": "postgres", "group": "postgres", "extra_groups": []}
                 if os.geteuid() == 0 else {})
        subprocess.run([str(self.bin / args[0]), *args[1:]], cwd=self.base, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **as_pg)

    def init(self) -> None:
        self.data.mkdir(mode=0o700)
        if os.geteuid() == 0:
            shutil.chown(self.data, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")

    def start(self) -> None:
        options = (f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1"
                   + ("" if self.durable else f" {FAST}"))
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.data / "log"), "-w", "-o",
                  options, "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def execute(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)


def start_cluster(durable: bool = False) -> Cluster:
    """A new cluster, started; the caller stops it and removes `base`."""
    bin = server_bin()
    if bin is None:
        raise FileNotFoundError(MISSING)
    base = Path(tempfile.mkdtemp(prefix="ed-pg-"))
    os.chmod(base, 0o755)
    cluster = Cluster(bin, base, free_port(), durable)
    cluster.init()
    for attempt in range(3):  # the port was free a moment ago; another may have taken it
        try:
            cluster.start()
            return cluster
        except subprocess.CalledProcessError:
            if attempt == 2:
                raise
            cluster.port = free_port()
    raise AssertionError("unreachable")


def remove(cluster: Cluster) -> None:
    try:
        cluster.stop("immediate")
    finally:
        shutil.rmtree(cluster.base, ignore_errors=True)
