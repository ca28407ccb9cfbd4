package main

import (
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/timeline-tool/timeline/render/htmlout"
)

// ldVersion is the version the build sets with
// -ldflags "-X main.ldVersion=$(git describe --tags --always --dirty)"
// (make build, make install, make dist). Empty otherwise. ldCommit and
// ldCommitTime are the commit and its date, set the same way, for builds
// without the go command's VCS stamp (-buildvcs=false).
var ldVersion, ldCommit, ldCommitTime string

// version is the tool's version, written into every output's provenance:
// ldVersion when the build set it, else the main module's version from
// the build info (v1.2.3 for "go install module/cmd/timeline@v1.2.3", a
// pseudo-version for a build in a git checkout), else "devel".
var version = toolVersion()

// bundleVersions is htmlout.BundleVersions; tests replace it.
var bundleVersions = htmlout.BundleVersions

func toolVersion() string {
	if ldVersion != "" {
		return ldVersion
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

var versionCmd = &command{
	name: "version", short: "print the version, commit, Go version and embedded ECharts version",
	long: `Prints the version of this binary (a release tag, or what git describe
says of the commit it was built from), the commit and its date, the Go
version, and the versions of ECharts and zrender embedded for
"timeline html". A binary built without the ECharts bundle (a plain "go
install") says so here and tells how to get a complete one.

Examples:
  timeline version`,
	run: func(e *env, o *options) error {
		var b strings.Builder
		fmt.Fprintf(&b, "timeline %s\n", version)
		commit, commitTime, modified := ldCommit, ldCommitTime, false
		if bi, ok := debug.ReadBuildInfo(); ok && commit == "" {
			for _, s := range bi.Settings {
				switch s.Key {
				case "vcs.revision":
					commit = s.Value
				case "vcs.time":
					commitTime = s.Value
				case "vcs.modified":
					modified = s.Value == "true"
				}
			}
		}
		if commit == "" {
			commit = "unknown (built outside a git checkout)"
		} else {
			if commitTime != "" {
				commit += " (" + commitTime + ")"
			}
			if modified {
				commit += " with uncommitted changes"
			}
		}
		fmt.Fprintf(&b, "commit:  %s\n", commit)
		fmt.Fprintf(&b, "go:      %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
		switch echarts, err := bundleVersions(); {
		case errors.Is(err, htmlout.ErrNoBundle):
			fmt.Fprintf(&b, "echarts: not embedded: %s\n", noBundleShort)
		case err != nil:
			fmt.Fprintf(&b, "echarts: %v\n", err)
		case len(echarts) == 0:
			fmt.Fprintf(&b, "echarts: embedded (version not recorded; rebuild with make build)\n")
		default:
			fmt.Fprintf(&b, "echarts: embedded: %s\n", strings.Join(echarts, ", "))
		}
		_, err := fmt.Fprint(e.stdout, b.String())
		return err
	},
}

// noBundleShort says in one line what a binary without the bundle lacks.
const noBundleShort = "timeline html needs --assets URL; for a complete binary run make install in a checkout, or use a release archive"

// errNoBundle is the error of html and serve in a binary built without the
// ECharts bundle: what it lacks, why, and how to get a complete binary.
var errNoBundle = errors.New(`this binary has no ECharts bundle, so it cannot write a self-contained page.
A plain "go install" or "go build" cannot make the bundle: npm builds it from the
pinned ECharts packages. Get a complete binary one of these ways:
  make install             in a checkout of the source (needs Go and Node.js; puts
                           timeline in $(go env GOBIN), or PREFIX/bin with PREFIX=...)
  a release archive        timeline-VERSION-OS-ARCH from "make dist" (everything embedded)
Or give --assets URL to make a page that loads a copy of echarts.min.js from URL.`)

// checkBundle returns errNoBundle when the binary has no bundle and the
// page is to inline it.
func checkBundle(assets string) error {
	if assets != "" && assets != "inline" {
		return nil
	}
	if _, err := bundleVersions(); errors.Is(err, htmlout.ErrNoBundle) {
		return errNoBundle
	}
	return nil
}
