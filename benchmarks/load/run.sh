#!/usr/bin/env bash
# The end-to-end load benchmark in one command (see benchmarks/README.md):
#   benchmarks/load/run.sh [--preset compare|tokens|mechanisms] [--duration S] [--warmup S] [--rounds N] ...
# Builds the sample (sample-app/target/sample-app.jar) and, when ../shared/peers (or $PEERS) holds them, the peer
# servers (copied to $LOAD_WORK/peers and built there with the system mvn), then runs load.py with the arguments.
# SKIP_BUILD=1 uses the jars already built. Needs: Java 17, wrk, ab (apache2-utils), curl, python3 with PyJWT and
# cryptography (Debian: apt-get install -y wrk apache2-utils curl python3-jwt python3-cryptography).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${LOAD_WORK:-/tmp/latchkey-load}
PEERS=${PEERS:-$ROOT/../shared/peers}
mkdir -p "$WORK"

if [[ -z ${SKIP_BUILD:-} ]]; then
  echo "building the sample (./mvnw -q -pl sample-app -am package -DskipTests ${MVN_FLAGS:-})" >&2
  (cd "$ROOT" && ./mvnw -q -pl sample-app -am package -DskipTests ${MVN_FLAGS:-})
  if [[ -d $PEERS/spring-rs && -d $PEERS/quarkus-rs ]]; then
    for peer in spring-rs quarkus-rs; do
      # Built outside the shared directory (read-only, and shared with other users); the sources are refreshed.
      mkdir -p "$WORK/peers/$peer"
      cp -r "$PEERS/$peer/pom.xml" "$PEERS/$peer/src" "$WORK/peers/$peer/"
      chmod -R u+w "$WORK/peers/$peer"
      echo "building peer $peer (mvn -q -f $WORK/peers/$peer/pom.xml package -DskipTests ${PEER_MVN_FLAGS:-})" >&2
      mvn -q -B -f "$WORK/peers/$peer/pom.xml" package -DskipTests ${PEER_MVN_FLAGS:-} >"$WORK/peers/$peer.build.log" 2>&1 \
        || { echo "peer $peer did not build; see $WORK/peers/$peer.build.log" >&2; exit 1; }
    done
  else
    echo "no peers at $PEERS: Latchkey only" >&2
  fi
fi
exec /usr/bin/python3 "$ROOT/benchmarks/load/load.py" --work "$WORK" "$@"
