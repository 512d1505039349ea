"""The table the bench prints: medians side by side, ratios, PASS/MISS against the issue's targets."""
import statistics

MB = 1024 * 1024


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def ok_runs(rs):
    return [r for r in rs if r.get("ok")]


def fmt(v, digits=2):
    if v is None:
        return "-"
    if isinstance(v, int):
        return str(v)
    return f"{v:.{digits}f}"


class Table:
    HEADER = ("measure", "slipway", "hand/raw", "ratio", "target", "")

    def __init__(self):
        self.rows = []

    def section(self, title):
        self.rows.append(("== " + title,))

    def row(self, measure, ours, theirs=None, ratio=None, target="", verdict=None):
        v = "" if verdict is None else ("PASS" if verdict else "MISS")
        self.rows.append((measure, fmt(ours), fmt(theirs), fmt(ratio), target, v))

    def note(self, text):
        self.rows.append(("   " + text,))

    def render(self):
        widths = [max(len(r[i]) for r in self.rows + [self.HEADER] if len(r) > 1) for i in range(6)]
        lines = ["  ".join(h.ljust(w) for h, w in zip(self.HEADER, widths)).rstrip()]
        lines.append("  ".join("-" * w for w in widths))
        for r in self.rows:
            if len(r) == 1:
                lines.append(r[0])
            else:
                lines.append("  ".join([r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:4], widths[1:4])]
                                       + [r[4].ljust(widths[4]), r[5]]).rstrip())
        return "\n".join(lines)


def ratio(a, b):
    return None if a is None or not b else a / b


def upgrade_rows(table, mode, res, ratio_target, pull=False):
    """mode: "local" or "ssh"; pull: the new image was downloaded in each run."""
    s, h = ok_runs(res["slipway"]), ok_runs(res["hand"])
    failed = len(res["slipway"]) - len(s) + len(res["hand"]) - len(h)
    table.section(f"Upgrade 1.0.0 -> 2.0.0 {'locally' if mode == 'local' else 'over SSH'} (rename worker->job, backup skipped"
                  f"{', the new image downloaded' if pull else ''}); "
                  f"{len(s)}+{len(h)} runs" + (f", {failed} failed (left out)" if failed else ""))
    sw, hw = median([r["wall"] for r in s]), median([r["wall"] for r in h])
    rw = ratio(sw, hw)
    table.row("wall time (s)", sw, hw, rw, f"ratio <= {ratio_target:.2f}", None if rw is None else rw <= ratio_target)
    so, ho = median([r["outage"] for r in s]), median([r["outage"] for r in h])
    table.row("longest /up outage (s)", so, ho, ratio(so, ho), "<= hand", None if so is None or ho is None else so <= ho)
    if mode == "local":
        sc, hc = median([r["cpu"] for r in s]), median([r["cpu"] for r in h])
        rc = ratio(sc, hc)
        table.row("CPU of the client processes (s)", sc, hc, rc, "ratio <= 1.50", None if rc is None else rc <= 1.5)
    else:
        sc = median([r["ssh"]["connections"] for r in s])
        hc = median([r["ssh"]["connections"] for r in h])
        table.row("SSH connections per upgrade", sc, hc, None, "one session", None if sc is None else sc == 1)
        table.row("SSH channels per upgrade", median([r["ssh"]["channels"] for r in s]),
                  median([r["ssh"]["channels"] for r in h]))
        kinds = sorted({k for r in s for k in r["ssh"] if k not in ("connections", "channels")})
        if kinds:
            table.note("slipway channels by kind (median): " + ", ".join(
                f"{k} {fmt(median([r['ssh'].get(k, 0) for r in s]), 0)}" for k in kinds))
    steps = sorted({k for r in s for k in r["steps"]}, key=lambda k: min(
        list(r["steps"]).index(k) for r in s if k in r["steps"]))
    pre = median([r["wall"] - r["run_ms"] / 1000.0 for r in s if r.get("run_ms") is not None])
    if mode == "local":
        table.row("Slipway's own start: JVM, connect, read, plan (s)", pre, target="<= 1.0 s",
                  verdict=None if pre is None else pre <= 1.0)
    table.note("slipway breakdown (median s): JVM+connect+read+plan " + fmt(pre) + ", " + ", ".join(
        f"{k} {fmt(median([r['steps'].get(k, 0) / 1000.0 for r in s]))}" for k in steps if k not in ("connect", "read")))
    hsteps = list(h[0]["steps"]) if h else []
    table.note("hand breakdown (median s): " + ", ".join(
        f"{k} {fmt(median([r['steps'].get(k, 0) / 1000.0 for r in h]))}" for k in hsteps))


def backup_rows(table, res):
    s, r = ok_runs(res["slipway"]), ok_runs(res["raw"])
    mb = res["db_bytes"] / MB
    table.section(f"Backup of a {mb:.0f} MB database (pg_dump -Fc both sides); {len(s)}+{len(r)} runs")
    st, rt = median([x["backup_s"] for x in s]), median([x["wall"] for x in r])
    sthr, rthr = (mb / st if st else None), (mb / rt if rt else None)
    rr = ratio(sthr, rthr)
    table.row("throughput, whole BACKUP step (MB/s)", sthr, rthr, rr, "ratio >= 0.90", None if rr is None else rr >= 0.9)
    sd = median([x.get("dump_s") for x in s])
    table.row("throughput, the pg_dump alone (MB/s)", mb / sd if sd else None, rthr, ratio(mb / sd if sd else None, rthr))
    table.note(f"slipway BACKUP step (median s): {fmt(st)} = dump {fmt(sd)}, pg_restore -l check "
               f"{fmt(median([x.get('check_s') for x in s]))}, checksums {fmt(median([x.get('checksums_s') for x in s]))}"
               f", other (files, images, volume archive) the rest; raw pg_dump {fmt(rt)}")
    table.note(f"dump file: slipway {fmt(median([x['dump_bytes'] / MB for x in s]), 0)} MB, "
               f"raw {fmt(median([x['dump_bytes'] / MB for x in r]), 0)} MB")


def wizard_rows(table, res):
    for label, rs in res.items():
        ok = ok_runs(rs)
        table.section(f"Wizard start, java {label}; {len(ok)} runs" + (f", {len(rs) - len(ok)} failed" if len(ok) < len(rs) else ""))
        w = median([r["window_s"] for r in ok])
        table.row("process start -> window shown (s)", w, target="< 1.5 s", verdict=None if w is None else w < 1.5)
        probe = median([r.get("probe_s") for r in ok])
        if probe is not None:
            table.row("process start -> first page painted (s)", probe, target="< 1.5 s", verdict=probe < 1.5)
        table.row("CPU used until shown (s)", median([r["cpu_s"] for r in ok]))
        rss = median([r["peak_rss_mb"] for r in ok])
        table.row("peak RSS (MB)", rss, target="< 200 MB", verdict=None if rss is None else rss < 200)
