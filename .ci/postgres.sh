# A throw-away PostgreSQL cluster for the tests that run src/sql/summary.sql on PostgreSQL. Sourced by .ci/run;
# a developer can source it too: `source .ci/postgres.sh && pg_start`, then `npm test`, then `pg_stop`.
#
# pg_start: installs Debian's postgresql when no server binaries are there, creates a cluster in a temp dir
# (no locale, so text sorts bytewise as in DuckDB and SQLite; trust authentication), starts it listening on
# 127.0.0.1 only, on a free port, with its socket in the same temp dir, and exports PGHOST, PGPORT, PGUSER
# and PGDATABASE for the tests (the libpq variables, which node-postgres and psql read) and
# PREFSCOPE_REQUIRE_POSTGRES=1, which makes those tests fail instead of skip when the server is missing.
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
# pg_stop: stops the cluster and removes its directory.

pg_bindir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_start() {
  if [ -z "$(pg_bindir)" ] || [ ! -x "$(pg_bindir)/initdb" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  PREFSCOPE_PG_BIN=$(pg_bindir)
  PREFSCOPE_PG_DIR=$(mktemp -d /tmp/prefscope-pg.XXXXXX) # not under $TMPDIR, which the postgres user may not reach
  PREFSCOPE_PG_AS=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$PREFSCOPE_PG_DIR"
    PREFSCOPE_PG_AS=(runuser -u postgres --)
  fi
  local port
  port=$(node -e 'const s=require("node:net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  "${PREFSCOPE_PG_AS[@]}" "$PREFSCOPE_PG_BIN/initdb" -D "$PREFSCOPE_PG_DIR/data" -U postgres -A trust --no-locale -E UTF8 \
    >"$PREFSCOPE_PG_DIR/initdb.log" 2>&1 || { cat "$PREFSCOPE_PG_DIR/initdb.log"; return 1; }
  "${PREFSCOPE_PG_AS[@]}" "$PREFSCOPE_PG_BIN/pg_ctl" -D "$PREFSCOPE_PG_DIR/data" -l "$PREFSCOPE_PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PREFSCOPE_PG_DIR -c fsync=off" \
    start >/dev/null || { cat "$PREFSCOPE_PG_DIR/server.log"; return 1; }
  export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=postgres PREFSCOPE_REQUIRE_POSTGRES=1
  echo "PostgreSQL $("$PREFSCOPE_PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (cluster in $PREFSCOPE_PG_DIR)"
}

pg_stop() {
  [ -n "${PREFSCOPE_PG_DIR:-}" ] || return 0
  "${PREFSCOPE_PG_AS[@]}" "$PREFSCOPE_PG_BIN/pg_ctl" -D "$PREFSCOPE_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PREFSCOPE_PG_DIR"
  PREFSCOPE_PG_DIR=
}
