#!/usr/bin/env bash
# Throughput of the read beacon (POST /baca/<id>/, blog/reads.py) under wrk.
#
#   bash docs/benchmarks/reads_beacon.sh                 # SQLite in a throw-away file
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/serambi_bench bash docs/benchmarks/reads_beacon.sh
#
# Production settings, gunicorn as the Procfile starts it (gthread), one live article,
# then wrk posting reads with a phone's user agent for DURATION seconds on PORT.
# Every request is one INSERT … ON CONFLICT on the same row: the worst case, since all
# writers meet on one row. At the end it checks that the row counted every 204.
# Needs wrk (Debian/Ubuntu: `apt-get install wrk`).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PY="$ROOT/.venv/bin/python"
PORT="${PORT:-8114}"
DURATION="${DURATION:-15}"
CONNECTIONS="${CONNECTIONS:-32}"
WORKERS="${WORKERS:-3}"
THREADS="${THREADS:-8}"

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

WORK="$(mktemp -d)"
GUNICORN_PID=""
cleanup() {
  if [ -n "$GUNICORN_PID" ]; then kill "$GUNICORN_PID" 2>/dev/null || true; wait "$GUNICORN_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=website.settings.production
export SECRET_KEY="benchmark-only-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export ALLOWED_HOSTS=127.0.0.1
export SECURE_SSL_REDIRECT=false
export DATABASE_URL="${DATABASE_URL:-sqlite:///$WORK/bench.sqlite3}"
export MEDIA_ROOT="$WORK/media"
export STATIC_ROOT="$WORK/static"

cd "$ROOT"
"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py collectstatic --noinput -v 0
ARTICLE_ID="$("$PY" manage.py shell -v 0 -c '
from demo.factories import ArticlePageFactory
from blog.models import ArticlePage, BlogIndexPage
page = ArticlePage.objects.live().first() or ArticlePageFactory(
    parent=BlogIndexPage.objects.get(), title="Uji ketahanan hitungan baca")
print(page.pk)
' | tail -1)"

"$ROOT/.venv/bin/gunicorn" website.wsgi --worker-class gthread --workers "$WORKERS" \
  --threads "$THREADS" --bind "127.0.0.1:$PORT" --log-level warning &
GUNICORN_PID=$!
for _ in $(seq 1 100); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz/" && break
  sleep 0.2
done

cat > "$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["User-Agent"] = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"
wrk.headers["Content-Type"] = "text/plain;charset=UTF-8"
done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("requests: %d, non-2xx: %d, p50: %.2f ms, p99: %.2f ms\n",
    summary.requests, non2xx, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA

echo "Database: ${DATABASE_URL%%://*}; gunicorn gthread ${WORKERS}x${THREADS}; wrk -c${CONNECTIONS} -d${DURATION}s"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/post.lua" \
  "http://127.0.0.1:$PORT/baca/$ARTICLE_ID/" | tee "$WORK/wrk.txt"

"$PY" manage.py shell -v 0 -c "
from blog.models import ArticleReadDay
print('counted in the database:', sum(ArticleReadDay.objects.filter(article_id=$ARTICLE_ID).values_list('count', flat=True)))
"
