#!/usr/bin/python3
"""Where the request threads' CPU samples of a JFR recording go: `jfr_top.py recording.jfr [--top N] [--match RE]`.

Reads jdk.ExecutionSample events (`jfr print`, full stacks) and prints, as a share of all samples:
  - self: the leaf methods;
  - inclusive: methods anywhere on the stack (counted once per sample), only those matching --match
    (default: Latchkey, Jersey, Weld, Jetty, Parsson, JSON-P, Nimbus, Caffeine, java.util.ServiceLoader);
  - by Latchkey frame: each sample charged to the Latchkey method nearest the leaf, if any (what Latchkey code
    causes, including the library code it calls);
  - Latchkey-attributable: the same, but a sample below the point where Latchkey hands the request back to the
    application (FilterChain.doFilter, an interceptor's proceed) is not charged to Latchkey; the total is Latchkey's
    share of the request's CPU.
"""
import argparse
import collections
import re
import subprocess

DEFAULT_MATCH = (r"^(dev\.latchkey|org\.glassfish\.jersey|org\.jboss\.weld|org\.eclipse\.jetty|org\.eclipse\.parsson|"
                 r"jakarta\.json|com\.nimbusds|com\.github\.benmanes|java\.util\.ServiceLoader|io\.github\.bucket4j)")
# Latchkey's library code (not the sample application), and the frames through which it calls back into the
# application (the rest of the filter chain, an intercepted method): what runs below those is not Latchkey's cost.
LIBRARY = ("dev.latchkey.auth.", "dev.latchkey.jaxrs.", "dev.latchkey.jetty.")
BOUNDARY = re.compile(r"^(org\.eclipse\.jetty\.ee10\.servlet\.(FilterHolder|ServletHandler\$Chain|ServletHandler\$ChainEnd)"
                      r"\.doFilter|org\.jboss\.weld\.interceptor\.proxy\..*InvocationContext\.proceed)$")
FRAME = re.compile(r"^\s+([\w$.<>/]+)\(.*\)\s+line:")


def samples(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "512", path],
                         capture_output=True, text=True, check=True).stdout
    stack = None
    for line in out.splitlines():
        if "stackTrace = [" in line:
            stack = []
        elif stack is not None:
            m = FRAME.match(line)
            if m:
                stack.append(m.group(1))
            elif line.strip() == "]" or line.strip() == "...":
                if line.strip() == "]":
                    yield stack
                    stack = None


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("recording")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--match", default=DEFAULT_MATCH)
    args = p.parse_args()
    match = re.compile(args.match)
    total = 0
    leaf, inclusive, charged = collections.Counter(), collections.Counter(), collections.Counter()
    attributable = collections.Counter()
    for stack in samples(args.recording):
        if not stack:
            continue
        total += 1
        leaf[stack[0]] += 1
        for method in set(stack):
            if match.search(method):
                inclusive[method] += 1
        own = next((m for m in stack if m.startswith("dev.latchkey.")), None)
        if own:
            charged[own] += 1
        first = next((m for m in stack if m.startswith(LIBRARY) or BOUNDARY.search(m)), None)
        if first and first.startswith(LIBRARY):
            attributable[first] += 1
    print(f"{total} execution samples")
    print(f"Latchkey-attributable: {100 * sum(attributable.values()) / total:.1f}% of the samples")
    for title, counter in (("self (leaf)", leaf), ("inclusive", inclusive), ("by nearest Latchkey frame", charged),
                           ("Latchkey-attributable, by Latchkey frame", attributable)):
        print(f"\n{title}:")
        for method, n in counter.most_common(args.top):
            print(f"  {100 * n / total:5.1f}%  {method}")


if __name__ == "__main__":
    main()
