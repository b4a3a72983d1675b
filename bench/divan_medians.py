#!/usr/bin/env python3
"""Median of the divan medians over several saved runs: python3 bench/divan_medians.py run1.log run2.log ..."""
import re,statistics,sys
res={}
files=sys.argv[1:]
for f in files:
    path=[]
    for line in open(f):
        m=re.search(r'[├╰]─ (\S+)',line)
        if not m: continue
        depth=m.start()//3
        path=path[:depth]+[m.group(1)]
        t=re.findall(r'([\d.]+) (ns|µs|ms|s)\b',line[m.end():])
        if len(t)>=3:
            v,u=t[2]
            v=float(v)*{'ns':0.001,'µs':1,'ms':1000,'s':1e6}[u]
            res.setdefault('/'.join(path),[]).append(v)
for k,v in res.items():
    print(f"{k:42s} {' '.join(f'{x:9.2f}' for x in v)}  median-of-runs {statistics.median(v):9.2f} µs")
