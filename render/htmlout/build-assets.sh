#!/usr/bin/env bash
# build-assets.sh bundles the parts of ECharts that the HTML page uses into
# render/htmlout/assets/echarts.min.js, which go:embed then puts into the
# timeline binary. The versions are pinned by package.json and
# package-lock.json at the repository root; node_modules is installed with
# `npm ci` when it is missing. Run it from anywhere; it needs node and npm.
#
# Usage: render/htmlout/build-assets.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

if ! command -v npm >/dev/null; then
	echo "build-assets.sh: npm not found; install Node.js 20 or later (e.g. apt-get install nodejs npm)" >&2
	exit 1
fi
if [[ ! -x node_modules/.bin/esbuild || ! -d node_modules/echarts ]]; then
	npm ci --no-audit --no-fund
fi

out=render/htmlout/assets/echarts.min.js
# The page's own script sets no locale, so the English strings of the
# full build are all the bundle carries. --legal-comments=eof keeps the
# Apache-2.0 notices of ECharts and zrender at the end of the file.
# --charset=ascii writes its few other letters (the Chinese strings of
# ECharts' built-in locale) as escapes: a page all in ASCII loads faster
# (ascii.go).
node_modules/.bin/esbuild render/htmlout/echarts.entry.js \
	--bundle --minify --format=iife --global-name=echarts \
	--target=es2019 --legal-comments=eof --charset=ascii \
	--log-level=warning --outfile="$out.tmp"
mv "$out.tmp" "$out"
# The versions of what the bundle holds, for "timeline version" and the
# licences of release archives.
node -e 'for (const p of ["echarts", "zrender", "tslib"]) console.log(p, require("./node_modules/" + p + "/package.json").version)' \
	>render/htmlout/assets/VERSIONS
echo "build-assets.sh: wrote $out ($(wc -c <"$out") bytes)"
