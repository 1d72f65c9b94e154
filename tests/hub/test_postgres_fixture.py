"""The throwaway PostgreSQL server the hub's tests store into is real, and each test gets an
empty database of its own."""

import psycopg


def test_each_test_gets_an_empty_database_on_a_real_server(pg_url):
    with psycopg.connect(pg_url) as conn:
        version = conn.execute("SHOW server_version_num").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM information_schema.tables "
                              "WHERE table_schema = 'public'").fetchone()[0]
        conn.execute("CREATE TABLE probe (n int)")
    assert int(version) >= 130000 and tables == 0
