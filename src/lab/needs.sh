# Sourced by ./demo and ./bench: what both need before the lab can boot (Maven, JDK 25, the lab's
# Debian packages and kernel), installed when missing. Defines as_root.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v mvn >/dev/null 2>&1; then
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends maven
fi
if ! ls -d /usr/lib/jvm/*25* >/dev/null 2>&1; then
    echo "$(basename "$0"): Bondtray builds with JDK 25; install one under /usr/lib/jvm (Temurin 25: https://adoptium.net)" >&2
    exit 1
fi
as_root src/lab/prepare
