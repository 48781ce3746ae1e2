#!/usr/bin/python3
"""End-to-end load benchmark: the Latchkey sample (and, when present, the peer servers) under wrk / ab, one server
at a time. Started by run.sh, which builds the jars first; see benchmarks/README.md.

For every server and row: requests/s of the expected answers, p50/p99 latency, and the server's CPU time per request
(utime+stime of the server process from /proc/<pid>/stat over the measured interval, divided by the requests
answered). Each round starts every server in turn (the order rotates), warms every row, then measures every row;
the table gives the median of the rounds.
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

import tokens

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CLK_TCK = os.sysconf("SC_CLK_TCK")
MECHANISMS = ["jwt", "api-key", "client-cert", "basic"]
PEER_ROWS = {"health", "jwt-one", "jwt-public", "jwt-many", "forbidden"}
BASIC_USER, BASIC_PASSWORD = "load-bench", "load-bench-password-1"


def log(message):
    print(message, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    """utime + stime of the process, all threads (fields 14 and 15 of /proc/PID/stat), in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


# ---------------------------------------------------------------------------------------------------------- rows

class Row:
    """One kind of request: the path, how it is sent (wrk or ab), and the status every answer must have."""

    def __init__(self, key, label, path, status=200, headers=(), script_tokens=None, tls=False, client_cert=False,
                 max_connections=None):
        self.key, self.label, self.path, self.status = key, label, path, status
        self.max_connections = max_connections
        self.headers, self.script_tokens, self.tls, self.client_cert = list(headers), script_tokens, tls, client_cert


def make_rows(specs, work, keys):
    rows = []
    one = tokens.first_token(tokens.token_file(keys, 1, "orders:read"))
    for spec in specs:
        name, _, arg = spec.partition(":")
        if name == "health":
            rows.append(Row(spec, "no credentials, public /api/health", "/api/health"))
        elif name == "jwt-one":
            rows.append(Row(spec, "JWT, one token, /api/orders", "/api/orders",
                            headers=[f"Authorization: Bearer {one}"]))
        elif name == "jwt-public":
            rows.append(Row(spec, "JWT, one token, on the public /api/health", "/api/health",
                            headers=[f"Authorization: Bearer {one}"]))
        elif name == "apikey-public":
            rows.append(Row(spec, "API key on the public /api/health", "/api/health",
                            headers=[f"X-API-Key: {(work / 'api-key').read_text().strip()}"]))
        elif name == "jwt-many":
            count = int(arg or 20000)
            log(f"tokens: {count} distinct (minted once, reused while valid)")
            rows.append(Row(spec, f"JWT, {count} distinct tokens, /api/orders", "/api/orders",
                            script_tokens=tokens.token_file(keys, count, "orders:read")))
        elif name == "forbidden":
            other = tokens.first_token(tokens.token_file(keys, 1, "profile"))
            rows.append(Row(spec, "JWT without the scope: 403, /api/orders", "/api/orders", status=403,
                            headers=[f"Authorization: Bearer {other}"]))
        elif name == "apikey":
            rows.append(Row(spec, "API key, /api/orders", "/api/orders",
                            headers=[f"X-API-Key: {(work / 'api-key').read_text().strip()}"]))
        elif name == "basic-tls":
            import base64
            basic = base64.b64encode(f"{BASIC_USER}:{BASIC_PASSWORD}".encode()).decode()
            # One connection: the login throttle counts an attempt as a failure while its password is checked, so
            # a correct attempt that overlaps another one for the same user and network is refused (429) once the
            # user's checks (latchkey.basic.lockout.user-checks, 10/PT1M) are spent.
            rows.append(Row(spec, "Basic over TLS, /api/me (1 connection)", "/api/me", tls=True,
                            headers=[f"Authorization: Basic {basic}"], max_connections=1))
        elif name == "mtls":
            rows.append(Row(spec, "client certificate (mTLS, ab), /api/orders", "/api/orders", tls=True,
                            client_cert=True))
        else:
            sys.exit(f"unknown row '{spec}'")
    return rows


# ------------------------------------------------------------------------------------------------------- servers

class Server:
    def __init__(self, name, command, cwd, env, rows, tls_port=None):
        self.name, self.command, self.cwd, self.env, self.rows = name, command, cwd, env, rows
        self.port, self.tls_port, self.process = None, tls_port, None

    def supports(self, row):
        return self.rows is None or row.key.partition(":")[0] in self.rows

    def start(self, log_dir):
        self.port = free_port()
        if self.tls_port is not None:
            self.tls_port = free_port()
        command = [c.format(port=self.port, tls_port=self.tls_port) for c in self.command]
        env = dict(os.environ, **{k: v.format(port=self.port, tls_port=self.tls_port) for k, v in self.env.items()})
        out = open(log_dir / f"{self.name.replace('/', '_')}.log", "ab")
        self.process = subprocess.Popen(command, cwd=self.cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        deadline = time.time() + 180
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}; see {out.name}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"{self.name} did not answer /api/health within 180 s; see {out.name}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def url(self, row):
        if row.tls:
            return f"https://localhost:{self.tls_port}{row.path}"
        return f"http://127.0.0.1:{self.port}{row.path}"


def prepare_sample(jar, work):
    """The sample's state directory with development certificates, an API key and a Basic user (once)."""
    home = work / "latchkey"
    home.mkdir(parents=True, exist_ok=True)
    cli = ["java", "-jar", str(jar)]
    if not (home / ".latchkey/certs/spiffe.pem").exists():
        subprocess.run(cli + ["certs"], cwd=home, check=True, stdout=subprocess.DEVNULL)
    if not (work / "api-key").exists():
        out = subprocess.run(cli + ["apikey", "create", "--name", "load-bench", "--scopes", "orders:read",
                                    "--expires", "P3650D"], cwd=home, check=True, capture_output=True, text=True)
        key = re.search(r"^key:\s*(\S+)", out.stdout, re.M).group(1)
        (work / "api-key").write_text(key + "\n")
    if not (work / "basic-user").exists():
        subprocess.run(cli + ["user", "add", BASIC_USER, "--groups", "admin"], cwd=home, check=True,
                       input=BASIC_PASSWORD + "\n", text=True, stdout=subprocess.DEVNULL)
        (work / "basic-user").write_text(BASIC_USER + "\n")
    certs = home / ".latchkey/certs"
    client = work / "client.pem"
    client.write_bytes((certs / "spiffe.pem").read_bytes() + (certs / "spiffe-key.pem").read_bytes())
    return home


def make_servers(names, args, work, keys):
    jvm = args.jvm_opts.split()
    servers = []
    for name in names:
        base, _, variant = name.partition("/")
        if base == "latchkey-bare":
            # The same sample, class path, Jetty, Weld and Jersey without Latchkey's filter or JAX-RS providers
            # (BareSample.java, benchmark only): what a public endpoint pays for Latchkey being installed.
            jar = pathlib.Path(args.jar.get(base, ROOT / "sample-app/target/sample-app.jar"))
            command = ["java", *jvm, *args.opts.get(base, "").split(), "-cp", f"{jar}:{jar.parent}/lib/*",
                       str(HERE / "BareSample.java"), "{port}"]
            servers.append(Server(name, command, prepare_sample(jar, work), {}, {"health", "jwt-public", "apikey-public"}))
            continue
        if base.startswith("latchkey"):
            jar = pathlib.Path(args.jar.get(base, ROOT / "sample-app/target/sample-app.jar"))
            if base != "latchkey" and base not in args.jar:
                sys.exit(f"{base}: name its sample jar with --jar {base}=PATH")
            home = prepare_sample(jar, work)
            props = {"mp.jwt.verify.publickey.location": f"file:{keys}/jwks.json",
                     "mp.jwt.verify.issuer": tokens.ISSUER, "mp.jwt.verify.audiences": tokens.AUDIENCE,
                     "mp.jwt.verify.publickey.algorithm": "RS256",
                     # Rate limiting stays on (its cost is measured) with a quota the benchmark never reaches.
                     "latchkey.api-key.rate-limit": "1000000000/PT1S"}
            if variant:
                if not re.fullmatch(r"m[1-4]", variant):
                    sys.exit(f"unknown Latchkey variant '{name}' (latchkey/m1 .. latchkey/m4)")
                props["latchkey.mechanisms"] = ",".join(MECHANISMS[:int(variant[1])])
            for extra in args.define:
                k, _, v = extra.partition("=")
                props[k] = v
            command = ["java", *jvm, *args.opts.get(base, "").split(), *[f"-D{k}={v}" for k, v in props.items()],
                       "-jar", str(jar),
                       "serve", "--port", "{port}", "--https-port", "{tls_port}"]
            servers.append(Server(name, command, home, {}, None, tls_port=0))
        elif base == "spring":
            jar = args.peers_build / "spring-rs/target/spring-rs-1.jar"
            command = ["java", *jvm, f"-Dpeer.pubkey={keys}/public.pem", f"-Dpeer.issuer={tokens.ISSUER}",
                       f"-Dpeer.audience={tokens.AUDIENCE}", "-jar", str(jar)]
            servers.append(Server(name, command, work, {"PORT": "{port}"}, PEER_ROWS))
        elif base == "quarkus":
            jar = args.peers_build / "quarkus-rs/target/quarkus-app/quarkus-run.jar"
            command = ["java", *jvm, "-jar", str(jar)]
            servers.append(Server(name, command, work, {"PORT": "{port}", "PEER_PUBKEY": f"{keys}/public.pem"},
                                  PEER_ROWS))
        else:
            sys.exit(f"unknown server '{name}'")
        if not base.startswith("latchkey") and not pathlib.Path(servers[-1].command[-1]).exists():
            sys.exit(f"{name}: {servers[-1].command[-1]} is missing (run.sh builds the peers)")
    return servers


# ------------------------------------------------------------------------------------------------------ clients

def check_status(server, row, work):
    """One request with curl: the row must answer what it is meant to before it is measured."""
    command = ["curl", "-sk", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "30"]
    for h in row.headers:
        command += ["-H", h]
    if row.script_tokens:
        command += ["-H", f"Authorization: Bearer {tokens.first_token(row.script_tokens)}"]
    if row.client_cert:
        command += ["--cert", str(work / "client.pem")]
    code = subprocess.run(command + [server.url(row)], capture_output=True, text=True).stdout
    if code != str(row.status):
        raise RuntimeError(f"{server.name} {row.key}: expected {row.status}, got {code}")


def to_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def run_wrk(server, row, seconds, connections):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "30s"]
    for h in row.headers:
        command += ["-H", h]
    env = dict(os.environ)
    if row.script_tokens:
        command += ["-s", str(HERE / "tokens.lua")]
        env["LOAD_TOKENS"] = str(row.script_tokens)
    out = subprocess.run(command + [server.url(row)], capture_output=True, text=True, env=env).stdout
    m = re.search(r"(\d+) requests in ([\d.]+)(\w+),", out)
    if not m:
        raise RuntimeError(f"wrk output not understood:\n{out}")
    total, elapsed = int(m.group(1)), to_ms(m.group(2) + m.group(3)) / 1000
    non2xx = int((re.search(r"Non-2xx or 3xx responses: (\d+)", out) or [0, 0])[1])
    good = total - non2xx if row.status < 300 else non2xx
    lat = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.M))
    errors = re.search(r"Socket errors: (.*)", out)
    return {"requests": good, "all": total, "seconds": elapsed, "p50": to_ms(lat["50"]), "p99": to_ms(lat["99"]),
            "errors": errors.group(1) if errors else ""}


def run_ab(server, row, seconds, connections, work):
    """ab (apache2-utils) presents the client certificate, which wrk cannot; keep-alive, HTTP/1.0."""
    command = ["ab", "-q", "-k", "-c", str(connections), "-t", str(seconds), "-n", "100000000", "-s", "30",
               "-E", str(work / "client.pem")]
    for h in row.headers:
        command += ["-H", h]
    out = subprocess.run(command + [server.url(row)], capture_output=True, text=True).stdout
    try:
        total = int(re.search(r"Complete requests:\s+(\d+)", out).group(1))
        elapsed = float(re.search(r"Time taken for tests:\s+([\d.]+)", out).group(1))
        failed = int(re.search(r"Failed requests:\s+(\d+)", out).group(1))
        pct = dict(re.findall(r"^\s+(50|99)%\s+(\d+)", out, re.M))
    except AttributeError:
        raise RuntimeError(f"ab output not understood:\n{out}")
    non2xx = int((re.search(r"Non-2xx responses:\s+(\d+)", out) or [0, 0])[1])
    good = total - non2xx - failed if row.status < 300 else non2xx
    return {"requests": good, "all": total, "seconds": elapsed, "p50": float(pct["50"]), "p99": float(pct["99"]),
            "errors": f"failed {failed}" if failed else ""}


def measure(server, row, seconds, connections, work):
    pid = server.process.pid
    connections = min(connections, row.max_connections or connections)
    before = cpu_seconds(pid)
    result = (run_ab(server, row, seconds, connections, work) if row.client_cert
              else run_wrk(server, row, seconds, connections))
    cpu = cpu_seconds(pid) - before
    result["rps"] = result["requests"] / result["seconds"]
    if result["requests"] != result["all"]:
        result["errors"] = f"{result['all'] - result['requests']} answers not {row.status} {result['errors']}".strip()
    result["cpu_us"] = cpu * 1e6 / result["all"] if result["all"] else float("nan")
    return result


def jfr(server, command, *options):
    subprocess.run(["jcmd", str(server.process.pid), command, "name=load", *options], check=True,
                   stdout=subprocess.DEVNULL)


def jfr_settings(work):
    """The JDK's 'profile' settings with Java execution sampled every millisecond instead of every 10."""
    java_home = pathlib.Path(os.path.realpath(shutil.which("java"))).parent.parent
    text = (java_home / "lib/jfr/profile.jfc").read_text()
    text = re.sub(r'(control="method-sampling-java-interval">)10 ms', r"\g<1>1 ms", text)
    target = work / "profile-1ms.jfc"
    target.write_text(text)
    return target


def warm_up(server, rows, args):
    """Passes over every row until each row's CPU per request is within 10 % of the pass before (the JIT has
    settled), at least two passes, at most --warmup-max seconds."""
    if args.warmup <= 0:
        return
    started, previous, passes = time.time(), None, 0
    while True:
        # Rows of a few requests per second (Basic: one PBKDF2 verification each) do not tell whether the JIT is done.
        cpu = [r["cpu_us"] if r["rps"] >= 100 else None
               for r in (measure(server, row, args.warmup, args.connections, args.work) for row in rows)]
        passes += 1
        settled = previous is not None and all(c is None or p is None or abs(c - p) <= 0.1 * p
                                               for c, p in zip(cpu, previous))
        if settled or time.time() - started >= args.warmup_max:
            log(f"{server.name}: warm-up {passes} passes, {time.time() - started:.0f} s"
                + ("" if settled else " (not settled: --warmup-max reached)"))
            return
        previous = cpu


# ------------------------------------------------------------------------------------------------------- report

def median(values):
    return statistics.median(values) if values else float("nan")


def report(servers, rows, results, rounds):
    lines = []
    head = (f"{'server':<12} {'row':<16} {'rps':>8} {'p50 ms':>8} {'p99 ms':>8} {'CPU µs/req':>11}   "
            f"rounds: rps | CPU µs/req")
    lines.append(head)
    lines.append("-" * len(head))
    summary = {}
    for s in servers:
        for r in rows:
            rs = results.get((s.name, r.key))
            if not rs:
                continue
            m = {k: median([x[k] for x in rs]) for k in ("rps", "p50", "p99", "cpu_us")}
            summary[(s.name, r.key)] = m
            errors = "; ".join(sorted({x["errors"] for x in rs if x["errors"]}))
            lines.append(f"{s.name:<12} {r.key:<16} {m['rps']:>8.0f} {m['p50']:>8.2f} {m['p99']:>8.2f} "
                         f"{m['cpu_us']:>11.1f}   " + " ".join("%.0f" % x["rps"] for x in rs) + " | "
                         + " ".join("%.1f" % x["cpu_us"] for x in rs) + (f"   [{errors}]" if errors else ""))
    lines.append("")
    lines.append("Within each server: rps relative to its own no-credentials row, CPU µs/req added over it")
    for s in servers:
        base = summary.get((s.name, "health"))
        if not base:
            continue
        parts = []
        for r in rows:
            m = summary.get((s.name, r.key))
            if m and r.key != "health":
                parts.append(f"{r.key} {m['rps'] / base['rps']:.2f}x {m['cpu_us'] - base['cpu_us']:+.1f}µs")
        lines.append(f"  {s.name:<12} " + ", ".join(parts))
    others = [s for s in servers if s is not servers[0]]
    if others:
        lines.append("")
        lines.append(f"Across servers: {servers[0].name} rps / other server rps (same row)")
        for s in others:
            parts = []
            for r in rows:
                a, b = summary.get((servers[0].name, r.key)), summary.get((s.name, r.key))
                if a and b:
                    parts.append(f"{r.key} {a['rps'] / b['rps']:.2f}")
            lines.append(f"  vs {s.name:<9} " + ", ".join(parts))
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------------- memory

def histogram(pid):
    """Live objects by class after a full GC (jcmd GC.class_histogram): {class: (instances, bytes)}."""
    out = subprocess.run(["jcmd", str(pid), "GC.class_histogram"], capture_output=True, text=True, check=True).stdout
    classes = {}
    for m in re.finditer(r"^\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", out, re.M):
        classes[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return classes


def send_each_once(port, token_path, threads=4):
    """Every token of the file once, over keep-alive connections; returns the status counts."""
    import http.client
    import threading
    lines = [t.strip() for t in token_path.open() if t.strip()]
    counts, lock = {}, threading.Lock()

    def worker(part):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for t in part:
            conn.request("GET", "/api/orders", headers={"Authorization": f"Bearer {t}"})
            r = conn.getresponse()
            r.read()
            with lock:
                counts[r.status] = counts.get(r.status, 0) + 1
        conn.close()

    workers = [threading.Thread(target=worker, args=(lines[i::threads],)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return counts


def memory(server, keys, count, logs):
    """Heap per cached token: live heap after a full GC, before and after `count` new distinct tokens."""
    warm = tokens.token_file(keys, 2000, "orders:read warm-up")
    fresh = tokens.token_file(keys, count, "orders:read")
    server.start(logs)
    try:
        pid = server.process.pid
        send_each_once(server.port, warm)
        send_each_once(server.port, warm)
        before = histogram(pid)
        statuses = send_each_once(server.port, fresh)
        after = histogram(pid)
    finally:
        server.stop()
    total = lambda h: sum(b for _, b in h.values())
    delta = total(after) - total(before)
    print(f"\n{count} distinct tokens, answers {statuses}: live heap {total(before) / 1e6:.1f} MB -> "
          f"{total(after) / 1e6:.1f} MB, {delta / count:.0f} bytes per cached token")
    grown = sorted(((after[c][1] - before.get(c, (0, 0))[1], after[c][0] - before.get(c, (0, 0))[0], c)
                    for c in after), reverse=True)[:15]
    print("largest growth by class (bytes per token, instances per token):")
    for b, n, c in grown:
        print(f"  {b / count:8.1f} B  {n / count:6.2f}  {c}")


# --------------------------------------------------------------------------------------------------------- main

PRESETS = {
    "compare": (None, "health,jwt-one,jwt-public,jwt-many,jwt-many:100000,apikey,apikey-public,basic-tls,mtls,forbidden"),
    "tokens": ("latchkey", "health,jwt-one,jwt-many:1000,jwt-many:10000,jwt-many:100000"),
    "mechanisms": ("latchkey/m1,latchkey/m2,latchkey/m3,latchkey/m4", "health,jwt-one"),
}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--preset", choices=PRESETS, default="compare",
                   help="compare: every row, Latchkey and the peers (default); tokens: CPU/request vs distinct "
                        "tokens (1, 1k, 10k, 100k); mechanisms: vs enabled mechanisms (1 to 4)")
    p.add_argument("--servers", help="comma-separated: latchkey, latchkey/m1..m4, latchkey-bare, spring, quarkus "
                                     "(default: latchkey, and the peers when built)")
    p.add_argument("--rows", help="comma-separated: health, jwt-one, jwt-public, jwt-many[:N], apikey, apikey-public, "
                                  "basic-tls, mtls, forbidden")
    p.add_argument("--duration", type=int, default=5, help="seconds measured per row and round (default 5)")
    p.add_argument("--warmup", type=int, default=5,
                   help="seconds per row of each warm-up pass after a start (default 5; 0: none)")
    p.add_argument("--warmup-max", type=int, default=120,
                   help="seconds of warm-up at most per start; passes repeat until every row's CPU per request is "
                        "within 10 %% of the pass before (default 120)")
    p.add_argument("--rounds", type=int, default=3, help="rounds; the median is reported (default 3)")
    p.add_argument("--connections", type=int, default=16, help="concurrent connections (default 16)")
    p.add_argument("--jvm-opts", default=os.environ.get("JVM_OPTS", ""), help="options for every server JVM")
    p.add_argument("-D", dest="define", action="append", default=[], metavar="PROP=VALUE",
                   help="a system property for the Latchkey sample (repeatable)")
    p.add_argument("--jar", action="append", default=[], metavar="NAME=PATH",
                   help="another build of the sample as server NAME (a name starting with 'latchkey', e.g. "
                        "latchkey-main=/elsewhere/sample-app/target/sample-app.jar), to compare builds in one run")
    p.add_argument("--opts", action="append", default=[], metavar="NAME=OPTIONS",
                   help="JVM options for one Latchkey server only (e.g. latchkey-b=-Dlatchkey.jwt.cache.max-size=0)")
    p.add_argument("--work", type=pathlib.Path, default=pathlib.Path(os.environ.get("LOAD_WORK", "/tmp/latchkey-load")))
    p.add_argument("--peers-build", type=pathlib.Path, help="where run.sh built the peers (default WORK/peers)")
    p.add_argument("--jfr", metavar="FILE", help="JFR profiles (settings=profile, Java sampled every ms) of the first "
                                                 "server during the measured rows of the last round: FILE-<row>.jfr")
    p.add_argument("--memory", type=int, metavar="N",
                   help="instead of load: heap per cached token, from class histograms before and after N distinct "
                        "tokens (the verified-token cache is sized to hold them)")
    args = p.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    args.jar = dict(j.split("=", 1) for j in args.jar)
    args.opts = dict(o.split("=", 1) for o in args.opts)
    args.peers_build = args.peers_build or args.work / "peers"
    preset_servers, preset_rows = PRESETS[args.preset]
    names = (args.servers or preset_servers or ",".join(
        ["latchkey"] + [n for n, f in (("spring", "spring-rs/target/spring-rs-1.jar"),
                                       ("quarkus", "quarkus-rs/target/quarkus-app/quarkus-run.jar"))
                        if (args.peers_build / f).exists()])).split(",")
    for tool in ("wrk", "ab", "curl"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: apt-get install -y wrk apache2-utils curl")
    keys = tokens.ensure_keys(args.work / "keys")
    servers = make_servers(names, args, args.work, keys)
    rows = make_rows((args.rows or preset_rows).split(","), args.work, keys)
    logs = args.work / "logs"
    logs.mkdir(exist_ok=True)
    if args.memory:
        servers[0].command.insert(1, f"-Dlatchkey.jwt.cache.max-size={max(10000, 2 * args.memory)}")
        memory(servers[0], keys, args.memory, logs)
        return
    log(f"servers {', '.join(names)}; rows {', '.join(r.key for r in rows)}; {args.rounds} rounds of "
        f"{args.duration} s per row after a warm-up of {args.warmup} s per row and pass (at most "
        f"{args.warmup_max} s); -c{args.connections}; load {os.getloadavg()}")
    results = {}
    for rnd in range(args.rounds):
        order = servers[rnd % len(servers):] + servers[:rnd % len(servers)]
        for server in order:
            todo = [r for r in rows if server.supports(r)]
            server.start(logs)
            try:
                for row in todo:
                    check_status(server, row, args.work)
                warm_up(server, todo, args)
                recording = args.jfr and rnd == args.rounds - 1 and server is servers[0]
                for row in todo:
                    if recording:
                        jfr(server, "JFR.start", f"settings={jfr_settings(args.work)}")
                    r = measure(server, row, args.duration, args.connections, args.work)
                    if recording:
                        target = pathlib.Path(args.jfr).resolve()
                        # `jfr print` reads only files named *.jfr
                        target = target.with_name(f"{target.stem}-{row.key.replace(':', '-')}.jfr")
                        jfr(server, "JFR.stop", f"filename={target}")
                        log(f"JFR recording: {target}")
                    results.setdefault((server.name, row.key), []).append(r)
                    log(f"round {rnd + 1} {server.name:<12} {row.key:<16} {r['rps']:8.0f} rps  p50 {r['p50']:.2f} "
                        f"p99 {r['p99']:.2f} ms  {r['cpu_us']:.1f} µs CPU/req {r['errors']}")
            finally:
                server.stop()
    text = report(servers, rows, results, args.rounds)
    print(f"\n{time.strftime('%Y-%m-%d %H:%M:%S')}  load average {os.getloadavg()}\n{text}")
    (args.work / "last-results.json").write_text(json.dumps(
        {f"{s}|{r}": v for (s, r), v in results.items()}, indent=1))


if __name__ == "__main__":
    main()
