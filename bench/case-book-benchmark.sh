#!/usr/bin/env bash
# How long the case runner takes for a whole case book (target: under 10 s for 20 cases), not a test.
# Runs lost-opportunity's shipped cases plus enough copies of them (renamed) to make N cases, through the jar's
# `cases` command, three times; reports the runner's own time (isolated engine start, deployment, every case), not
# the application's start-up.
# usage: bench/case-book-benchmark.sh [cases=20]
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-20}
[ -f target/circuitos.jar ] || mvn -q -B -DskipTests -Dbpmnlint.skip=true package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shipped=$(grep -c '^  - name:' cases/lost-opportunity.yaml)
python3 - "$cases" "$shipped" "$work/extra.yaml" <<'PY'
import sys, re
total, shipped, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
text = open('cases/lost-opportunity.yaml').read()
body = text[text.index('cases:') + len('cases:'):]
blocks = re.split(r'\n(?=  - name: )', body.strip('\n'))
extra, n = [], 0
while shipped + len(extra) < total:
    block = blocks[n % len(blocks)]
    extra.append(re.sub(r'  - name: (\S+)', lambda m: '  - name: %s-copy-%d' % (m.group(1), n), block, count=1))
    n += 1
# the copies keep their YAML anchors' targets: give them the anchor definition from the first case
anchor = blocks[0]
with open(out, 'w') as f:
    f.write('process: lost-opportunity\ncases:\n' + (anchor.replace('  - name: ', '  - name: anchor-', 1) + '\n' if extra else ''))
    f.write('\n'.join(extra[:max(0, total - shipped - 1)]) + '\n')
PY
echo "case book: lost-opportunity, $shipped shipped cases + $(( $(grep -c '^  - name:' "$work/extra.yaml") )) copies"
for run in 1 2 3; do
  out=$(java -jar target/circuitos.jar cases lost-opportunity --cases "$work/extra.yaml" 2>/dev/null | tail -1)
  echo "run $run: $out"
done
