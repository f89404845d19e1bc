#!/usr/bin/env python3
"""Sums a MariaDB/MySQL slow log's Query_time by statement shape (literals replaced by ?/N,
IN lists and VALUES rows collapsed), largest first. See README.md, "Where MariaDB's half of a T1
request goes". Usage: slowlog-by-shape.py <slow.log> [how many shapes, default 25]"""
import collections
import re
import sys

def shape(sql):
    sql = re.sub(r"'(?:[^'\\]|\\.)*'", "?", sql)
    sql = re.sub(r"\b\d+(\.\d+)?\b", "N", sql)
    sql = re.sub(r"\((?:\s*\?\s*,?)+\)", "(?+)", sql)
    sql = re.sub(r"(\(\?\+\)\s*,\s*)+", "(?+),", sql)
    return re.sub(r"\s+", " ", sql)[:160]

def main(path, top):
    totals = collections.defaultdict(lambda: [0, 0.0, 0])  # calls, seconds, rows examined
    current, lines = None, []

    def flush():
        if current is not None and lines:
            sql = " ".join(l for l in lines if not l.startswith(("SET timestamp", "use ")))
            t = totals[shape(sql)]
            t[0] += 1
            t[1] += current[0]
            t[2] += current[1]

    for line in open(path, errors="replace"):
        line = line.rstrip("\n")
        m = re.match(r"# Query_time: ([\d.]+)\s+Lock_time: [\d.]+\s+Rows_sent: \d+\s+Rows_examined: (\d+)", line)
        if m or line.startswith(("# Time", "# User@Host")):
            flush()
            current, lines = ((float(m.group(1)), int(m.group(2))) if m else None), []
        elif not line.startswith("#") and current is not None:
            lines.append(line)
    flush()
    total = sum(v[1] for v in totals.values()) or 1.0
    print("total query time %.2f s" % total)
    for sql, (calls, seconds, examined) in sorted(totals.items(), key=lambda kv: -kv[1][1])[:top]:
        print("%7.2f s %5.1f%% calls=%-7d avg=%.3f ms examined=%-8d %s"
              % (seconds, 100 * seconds / total, calls, 1000 * seconds / calls, examined, sql))

if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25)
