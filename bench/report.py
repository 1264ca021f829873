"""Turns bench/run's result files into the Markdown tables of latest.md."""
import os
import platform
import subprocess
import sys

work, sizes = sys.argv[1], sys.argv[2:]
FASTCGI_FLOOR = "FastCGI fixed body (floor)"
INSERT_FLOOR = "MariaDB single-row INSERT commits (floor)"


def read(size):
    cases, extra = {}, {}
    with open(os.path.join(work, f"results-{size}.txt")) as f:
        for line in f:
            parts = line.rstrip("\n").split("|")
            if parts[0] in ("REFRESH", "RSS", "LOAD"):
                extra[parts[0]] = parts[1:]
            else:
                cases[parts[0]] = parts[1:]
    return cases, extra


def cpu():
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        model = [l.split(":", 1)[1].strip() for l in out.splitlines()
                 if l.startswith("Model name")]
        return f"{model[0] if model else platform.processor()}, {os.cpu_count()} cores"
    except OSError:
        return f"{os.cpu_count()} cores"


results = {size: read(size) for size in sizes}
first = sizes[0]
print("# roombook benchmark results\n")
print(f"Machine: {cpu()}, {platform.system()} {platform.release()}. wrk with 2 threads "
      f"and 32 connections through nginx; optimised build; one run of `make bench`.\n")
print("Ratios are against floors measured in the same run: read pages against a FastCGI "
      "answer of the same size that touches no database, writes against MariaDB's own "
      "single-row INSERT commit rate at the same concurrency. Growth is req/s at this size "
      f"divided by req/s at {first}. Body is the page's bytes; wire, what goes over the "
      "network to a browser that accepts gzip (the \"compressed\" cases ask for it, so "
      "their req/s include the gateway's compressing). In program is the median time a "
      "request spent inside the programs (their logs).\n")
for size in sizes:
    cases, extra = results[size]
    base_cases = results[first][0]
    fcgi = float(cases.get(FASTCGI_FLOOR, ["0"])[0] or 0)
    ins = float(cases.get(INSERT_FLOOR, ["0"])[0] or 0)
    print(f"## {size} bookings\n")
    if "LOAD" in extra:
        print(f"Generated and loaded in {extra['LOAD'][0]} s.\n")
    print("| case | req/s | p50 | p99 | ratio to floor | growth | body | wire | in program"
          " | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, (rps, p50, p99, errors, body, wire, inside) in cases.items():
        r = float(rps or 0)
        floor = ins if name.startswith(("POST", "PATCH")) else fcgi
        ratio = "" if "(floor)" in name or not floor else f"{100 * r / floor:.0f} %"
        b = float(base_cases.get(name, ["0"])[0] or 0)
        growth = f"{r / b:.2f}" if b else ""
        size = f"{int(body):,} B" if body.isdigit() else ""
        sent = f"{int(wire):,} B" if wire.isdigit() else ""
        print(f"| {name} | {r:,.0f} | {p50} | {p99} | {ratio} | {growth} | {size} | {sent} |"
              f" {inside} | {errors.strip()} |")
    if "REFRESH" in extra:
        refresh, copy = (float(x) for x in extra["REFRESH"])
        print(f"\n`roomctl refresh-status`: {refresh:.2f} s; a bare `INSERT … SELECT` copy of "
              f"the same rows: {copy:.2f} s ({refresh / copy if copy else 0:.1f} ×).")
    if "RSS" in extra:
        rss, own = (int(x) / 1024 for x in extra["RSS"])
        print(f"Largest worker RSS after the run: {rss:.1f} MiB, of which the"
              f" worker's own (private) memory is at most {own:.1f} MiB; the rest"
              " is shared library pages, the same physical memory in every"
              " worker.\n")
