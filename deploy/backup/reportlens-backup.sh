#!/bin/sh
# Scheduled ReportLens backup: `reportlens db backup` into BACKUP_DIR, then drop backups older than
# RETENTION_DAYS (default 7). Used by the systemd timer, the cron example and the Docker image.
set -eu

BACKUP_DIR="${BACKUP_DIR:-/var/backups/reportlens}"
RETENTION_DAYS="${RETENTION_DAYS:-7}"
REPORTLENS="${REPORTLENS:-reportlens}"

case "${DATABASE_URL:-}" in
    postgres*|*Host=*|*Server=*) ext=dump ;;
    *) ext=db ;;
esac

mkdir -p "$BACKUP_DIR"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$BACKUP_DIR/reportlens-$stamp.$ext"

"$REPORTLENS" db backup --output "$target"
find "$BACKUP_DIR" -maxdepth 1 -type f -name 'reportlens-*.db' -mtime +"$RETENTION_DAYS" -delete
find "$BACKUP_DIR" -maxdepth 1 -type f -name 'reportlens-*.dump' -mtime +"$RETENTION_DAYS" -delete
echo "backup written: $target"
