#!/usr/bin/env bash
# The background processes as production runs them (Procfile): a fresh PostgreSQL
# database, Redis for the cache, a local SMTP server; `db_worker` and `run_scheduler`
# must publish a scheduled article and deliver a queued e-mail within the time limit.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
pids=()
stop() {
  if ((${#pids[@]})); then
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

db="${WORKER_CHECK_DB:-serambi_ci_worker}"
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" postgres
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" postgres

export DJANGO_SETTINGS_MODULE=website.settings.production
export SECRET_KEY="ci-$(date +%s%N)-a-long-random-enough-value-for-the-worker-check"
export ALLOWED_HOSTS=serambi.example
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db"
export REDIS_URL=redis://127.0.0.1:6379/7
export MEDIA_ROOT="$work/media"
export EMAIL_HOST=127.0.0.1 EMAIL_USE_TLS=false

.venv/bin/python .ci/smtp_sink.py "$work/outbox" "$work/smtp-port" &
pids+=($!)
for _ in $(seq 60); do [[ -s "$work/smtp-port" ]] && break; sleep 0.5; done
EMAIL_PORT="$(cat "$work/smtp-port")"
export EMAIL_PORT

.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python .ci/worker_check.py seed

.venv/bin/python manage.py db_worker >"$work/worker.log" 2>&1 &
pids+=($!)
# The slow scheduled jobs' worker, as the Procfile's `maintenance` runs it.
.venv/bin/python manage.py db_worker --queue-name maintenance >"$work/maintenance.log" 2>&1 &
pids+=($!)
.venv/bin/python manage.py run_scheduler >"$work/scheduler.log" 2>&1 &
pids+=($!)

if ! .venv/bin/python .ci/worker_check.py wait "$work/outbox"; then
  printf '\n--- worker log\n'; cat "$work/worker.log"
  printf '\n--- maintenance worker log\n'; cat "$work/maintenance.log"
  printf '\n--- scheduler log\n'; cat "$work/scheduler.log"
  exit 1
fi
