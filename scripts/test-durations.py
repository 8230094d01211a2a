#!/usr/bin/env python3
"""Prints the time each test class took, dearest first, from the results files the test command keeps.

Usage: SAFETYNET_TEST_RESULTS=DIR scripts/test.sh; scripts/test-durations.py DIR [DIR2]
With a second folder, prints each class's change from the first run to the second."""
import sys, glob, os, collections
import xml.etree.ElementTree as ET

NS = '{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}'

def seconds(text):
    h, m, s = text.split(':')
    return int(h) * 3600 + int(m) * 60 + float(s)

def classes(folder):
    totals = collections.Counter()
    for path in glob.glob(os.path.join(folder, '*.trx')):
        root = ET.parse(path).getroot()
        names = {t.get('id'): t.find(NS + 'TestMethod').get('className') for t in root.iter(NS + 'UnitTest')}
        for result in root.iter(NS + 'UnitTestResult'):
            if result.get('duration'):
                totals[names.get(result.get('testId'), '?')] += seconds(result.get('duration'))
    return totals

if len(sys.argv) < 2:
    sys.exit('usage: scripts/test-durations.py RESULTS [RESULTS2]')
first = classes(sys.argv[1])
if len(sys.argv) == 2:
    for name, total in first.most_common():
        print(f'{total:8.1f} s  {name}')
    print(f'{sum(first.values()):8.1f} s  in all')
else:
    second = classes(sys.argv[2])
    rows = sorted(set(first) | set(second), key=lambda n: second[n] - first[n], reverse=True)
    for name in rows:
        print(f'{first[name]:8.1f} {second[name]:8.1f} {second[name] - first[name]:+8.1f} s  {name}')
    print(f'{sum(first.values()):8.1f} {sum(second.values()):8.1f} {sum(second.values()) - sum(first.values()):+8.1f} s  in all')
