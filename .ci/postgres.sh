# Starts and stops a throwaway PostgreSQL cluster for the tests; sourced by .ci/run.
# pg_start exports HEAL_TEST_POSTGRES_URL; pg_stop stops the server and removes its files.

pg_bindir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return; }
  done
  command -v initdb >/dev/null && dirname "$(command -v initdb)"
}

pg_start() {
  local bin user port
  bin=$(pg_bindir) || { echo "[ci] PostgreSQL binaries not found" >&2; return 1; }
  user=postgres
  id "$user" >/dev/null 2>&1 || useradd --system --no-create-home "$user"
  PG_DIR=$(mktemp -d /tmp/heal-pg.XXXXXX)
  chown "$user" "$PG_DIR"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  PG_BIN=$bin
  su "$user" -s /bin/sh -c "'$bin/initdb' -D '$PG_DIR/data' -U heal --auth=trust -E UTF8 >'$PG_DIR/initdb.log' 2>&1" \
    || { echo "[ci] initdb failed:" >&2; cat "$PG_DIR/initdb.log" >&2; return 1; }
  # A throwaway cluster: durability settings off make the tests' many small commits fast.
  su "$user" -s /bin/sh -c "'$bin/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/server.log' -w -t 60 -o \"-c listen_addresses=127.0.0.1 -p $port -k '$PG_DIR' -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start >/dev/null" \
    || { echo "[ci] PostgreSQL did not start:" >&2; cat "$PG_DIR/server.log" >&2; return 1; }
  su "$user" -s /bin/sh -c "'$bin/createdb' -h 127.0.0.1 -p $port -U heal heal_test" \
    || { echo "[ci] createdb failed:" >&2; cat "$PG_DIR/server.log" >&2; return 1; }
  export HEAL_TEST_POSTGRES_URL="postgres://heal@127.0.0.1:$port/heal_test"
  echo "[ci] PostgreSQL on 127.0.0.1:$port ($HEAL_TEST_POSTGRES_URL)"
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  su postgres -s /bin/sh -c "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m immediate stop >/dev/null 2>&1" || true
  rm -rf "$PG_DIR"
}
