#!/usr/bin/env bash
# Issue 15.2: the HTTP edge moved to fi.ikkuna.web. Rewrites Java code written against the old names to the new
# ones; safe to run again (and on a tree where the moves are already done): every rewrite only matches old names.
#
#   protocol.{Json,Fields,ErrorCode,ProtocolException,UnhandledErrors}  -> web.* (same class)
#   protocol.HttpErrors, form.Rest                                      -> web.Rest (guard -> handle)
#   protocol.EdgeHeaders, console.SecurityHeaders, widget.SecurityHeaders -> web.SecurityHeaders (apply -> edge)
#   form.ApiError(status, "code", ...)                                  -> web.ProtocolException(ErrorCode.CODE, ...)
#     (the status now comes from the ErrorCode; a code ErrorCode does not list fails to compile: add it there)
#
# Usage: service/src/main/scripts/move-to-web.sh [repository root]   (default: the current git checkout)
set -euo pipefail
root=$(cd "${1:-$(git rev-parse --show-toplevel)}" && pwd)
main=$root/service/src/main/java/fi/ikkuna

# 1. The classes that move unchanged (only when the old file is still there, e.g. re-created by another branch).
for c in Json Fields ErrorCode ProtocolException UnhandledErrors; do
  if [ -f "$main/protocol/$c.java" ]; then
    if [ -f "$main/web/$c.java" ]; then
      echo "both protocol/$c.java and web/$c.java exist: merge them by hand" >&2; exit 1
    fi
    git -C "$root" mv "$main/protocol/$c.java" "$main/web/$c.java"
    sed -i 's/^package fi\.ikkuna\.protocol;/package fi.ikkuna.web;/' "$main/web/$c.java"
  fi
done

# Files naming this script talk about the old names on purpose (EdgeLayersTest): left alone.
mapfile -t files < <(find "$root/service/src" "$root/loadtest" "$root/bench" -name '*.java' 2>/dev/null \
  | xargs grep -L 'move-to-web\.sh')
[ ${#files[@]} -gt 0 ] || { echo "no Java files under $root/service/src" >&2; exit 1; }

# 2. Names and calls.
perl -pi -e '
  s/\bfi\.ikkuna\.protocol\.(Json|Fields|ErrorCode|ProtocolException|UnhandledErrors)\b/fi.ikkuna.web.$1/g;
  s/\bfi\.ikkuna\.(?:protocol\.HttpErrors|form\.Rest)\b/fi.ikkuna.web.Rest/g;
  s/\bfi\.ikkuna\.(?:protocol\.EdgeHeaders|console\.SecurityHeaders|widget\.SecurityHeaders)\b/fi.ikkuna.web.SecurityHeaders/g;
  s/\bfi\.ikkuna\.form\.ApiError\b/fi.ikkuna.web.ProtocolException/g;
  s/\bHttpErrors\.guard\(/Rest.handle(/g;
  s/\bHttpErrors\b/Rest/g;
  s/\bnew ApiError\(\s*\d+\s*,\s*"([a-z_]+)"\s*,\s*/"new ProtocolException(ErrorCode." . uc($1) . ", "/ge;
  s/\bApiError\.notFound\(/new ProtocolException(ErrorCode.NOT_FOUND, /g;
  s/\bApiError\b/ProtocolException/g;
  s/new EdgeHeaders\(\)\)\.addFilter\(new SecurityHeaders\(\)\)/new SecurityHeaders())/g;
  s/\bEdgeHeaders\.apply\(/SecurityHeaders.edge(/g;
  s/\bEdgeHeaders\b/SecurityHeaders/g;
' "${files[@]}"

# 3. Imports: uses that were same-package before (protocol/, form/, console/) need one now; web/ needs none;
#    a rewritten import can now be there twice.
perl -0pi -e '
  my ($pkg) = /^package\s+([\w.]+);/m or next;
  my @classes = qw(Json Fields ErrorCode ProtocolException UnhandledErrors Rest SecurityHeaders);
  if ($pkg eq "fi.ikkuna.web") {
    s/^import fi\.ikkuna\.web\.\w+;\n//mg;
  } else {
    (my $code = $_) =~ s{/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\])*"}{}gs;
    $code =~ s/^(?:import|package)\b[^\n]*\n//mg;
    for my $c (@classes) {
      next if /^import\s+[\w.]+\.\Q$c\E;/m;            # imported (ours, or another library class of that name)
      next if $code =~ /\b(?:class|record|interface|enum)\s+\Q$c\E\b/;
      next unless $code =~ /(?<![\w.])\Q$c\E(?:\s*\.|::|\s+\w+\s*[=;,)(]|\s*\))|new\s+\Q$c\E\s*\(/;
      if (/^import fi\.ikkuna\.[^\n]*\n(?!import fi\.ikkuna\.)/m) {
        s/(^import fi\.ikkuna\.[^\n]*\n)(?!import fi\.ikkuna\.)/$1import fi.ikkuna.web.$c;\n/m;
      } elsif (/^import [^\n]*\n(?!import )/m) {
        s/(^import [^\n]*\n)(?!import )/$1\nimport fi.ikkuna.web.$c;\n/m;
      } else {
        s/(^package [^\n]*\n)/$1\nimport fi.ikkuna.web.$c;\n/m;
      }
    }
  }
  my %seen; s/^(import [^\n]*;\n)/$seen{$1}++ ? "" : $1/mge;
  # Keep the import runs sorted where a web import landed (the project sorts each run).
  s{((?:^import (?!static)[^\n]*;\n)+)}{my $run = $1; $run =~ /fi\.ikkuna\.web\./ ? join("", sort split /^/m, $run) : $run}mge;
' "${files[@]}"

# 4. What no rewrite can fix: old names that are still there.
left=$(grep -rlE '\b(ApiError|HttpErrors|EdgeHeaders)\b|fi\.ikkuna\.protocol\.(Json|Fields|ErrorCode|ProtocolException|UnhandledErrors)\b' \
  "$root/service/src/main" "$root/service/src/test" "$root/docs" "$root/widget" --include='*.java' --include='*.js' --include='*.md' 2>/dev/null \
  | xargs -r grep -L 'move-to-web\.sh' || true)
if [ -n "$left" ]; then
  echo "old names still mentioned (comments or docs: edit by hand):" >&2
  echo "$left" >&2
fi
