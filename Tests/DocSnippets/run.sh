#!/usr/bin/env bash
# Compiles and runs every ```swift block of README.md and the DocC articles as a program of its
# own, and checks each `// prints: VALUE` claim against what the program prints, in order.
# A block that is not a whole program (a Package.swift fragment) is marked in the document by the
# line `<!-- snippet: not compiled -->` just before it. Exit 1 on any failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rm -rf "$here/Sources" && mkdir -p "$here/Sources"

count=0
for doc in "$root/README.md" "$root"/Documentation/TransnationalRepression.docc/*.md; do
  base=$(basename "$doc" .md | tr -c 'A-Za-z0-9\n' '_')
  awk -v dir="$here/Sources" -v base="$base" '
    /^<!-- snippet: not compiled -->/ { skip = 1; next }
    /^```swift/ { if (skip) { skip = 0; inside = 2; next } n++; inside = 1;
                  target = sprintf("%s/%s_%d", dir, base, n); system("mkdir -p " target);
                  file = target "/main.swift"; next }
    /^```/ && inside { if (inside == 1) close(file); inside = 0; next }
    inside == 1 { print > file }
    /^[^<]/ { if (!inside) skip = 0 }
  ' "$doc"
done
count=$(ls "$here/Sources" | wc -l)
echo "doc snippets: $count extracted"
# SwiftPM caches an evaluated manifest by its text, and this manifest's text never changes while
# its target list (one per snippet) does: a cached evaluation silently drops new snippets. So the
# manifest is cached only inside this package's own .build, which starts empty on every run.
rm -rf "$here/.build"
(cd "$here" && swift build --manifest-cache local 2>&1 | tail -n 3)
bin=$(cd "$here" && swift build --manifest-cache local --show-bin-path)

failed=0
claims_total=0
for target in $(ls "$here/Sources"); do
  work=$(mktemp -d)
  cp -R "$here/Fixtures/." "$work/"
  expected=$(grep -o '// prints: .*$' "$here/Sources/$target/main.swift" | sed 's|^// prints: ||' || true)
  claims=$(printf '%s' "$expected" | grep -c '' || true)
  claims_total=$((claims_total + claims))
  if ! actual=$(cd "$work" && "$bin/$target" 2>"$work/stderr.txt"); then
    echo "FAIL $target: exited non-zero"; cat "$work/stderr.txt"; failed=1; continue
  fi
  if [[ "$actual" != "$expected" ]]; then
    echo "FAIL $target: printed"; printf '%s\n' "$actual" | sed 's/^/  | /'
    echo "  but its comments claim"; printf '%s\n' "$expected" | sed 's/^/  | /'
    failed=1
  else
    echo "ok   $target ($claims claims)"
  fi
  rm -rf "$work"
done
echo "doc snippets: $count compiled and run, $claims_total claimed values checked"
exit $failed
