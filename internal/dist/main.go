// Command dist builds the release archives of timeline: one per platform
// (linux, darwin and windows on amd64 and arm64), each holding the binary
// with the ECharts bundle embedded, the project's licence and README, and
// the licences and notices of everything the binary embeds (the Go
// toolchain's runtime, every Go module linked in, the fonts those modules
// carry, and the npm packages in the ECharts bundle), gathered at build
// time from the Go module cache and node_modules. It writes SHA256SUMS
// beside them.
//
// The archives are reproducible: the same commit, toolchain and modules
// give the same bytes. Binaries are built with CGO_ENABLED=0, -trimpath,
// -buildvcs=false and an empty build id, with the version and commit
// passed by -ldflags; archive entries are sorted, owned by root and dated
// SOURCE_DATE_EPOCH (the commit's date by default); gzip headers carry no
// name or time.
//
// Run it from the repository root, after make assets:
//
//	go run ./internal/dist -out dist
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// targets are the platforms a release is built for.
var targets = []struct{ goos, goarch string }{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

const (
	mainPkg = "./cmd/timeline"
	bundle  = "render/htmlout/assets/echarts.min.js"
	bundleV = "render/htmlout/assets/VERSIONS"
)

// npmLicensed are the npm packages the ECharts bundle holds, whose licence
// files go into every archive.
var npmLicensed = []string{"echarts", "zrender", "tslib"}

func main() {
	out := flag.String("out", "dist", "write the archives to `dir`")
	version := flag.String("version", "", "the release `version` (default: git describe --tags --always --dirty)")
	only := flag.String("only", "", "build only the `os/arch` targets given, comma-separated (default: all)")
	flag.Parse()
	if err := run(*out, *version, *only); err != nil {
		fmt.Fprintf(os.Stderr, "dist: %v\n", err)
		os.Exit(1)
	}
}

// release is what every platform's archive shares: the version, the
// commit and its date, and the files besides the binary and its modules'
// licences.
type release struct {
	version, commit string
	mtime           time.Time
	tmp             string // where the binaries are built
	project         []file // the licence and README
	npm             []file // the bundle's npm packages' licences
	goLicence       []byte
}

func run(out, version, only string) error {
	for _, f := range []string{bundle, bundleV} {
		if st, err := os.Stat(f); err != nil || st.Size() == 0 {
			return fmt.Errorf("%s is missing: run make assets first (from the repository root)", f)
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "timeline-dist-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	r, err := newRelease(version, tmp)
	if err != nil {
		return err
	}
	var sums []string
	for _, t := range targets {
		plat := t.goos + "/" + t.goarch
		if only != "" && !slices.Contains(strings.Split(only, ","), plat) {
			continue
		}
		files, err := r.files(t.goos, t.goarch)
		if err != nil {
			return err
		}
		sum, err := r.writeArchive(out, t.goos, t.goarch, files)
		if err != nil {
			return err
		}
		sums = append(sums, sum)
	}
	slices.Sort(sums)
	return os.WriteFile(filepath.Join(out, "SHA256SUMS"), []byte(strings.Join(sums, "\n")+"\n"), 0o644)
}

// newRelease gathers what every archive shares; version "" means git
// describe's.
func newRelease(version, tmp string) (*release, error) {
	r := &release{version: version, tmp: tmp}
	var err error
	if r.version == "" {
		if r.version, err = git("describe", "--tags", "--always", "--dirty"); err != nil {
			return nil, err
		}
	}
	if r.commit, err = git("rev-parse", "HEAD"); err != nil {
		return nil, err
	}
	epoch, err := sourceDateEpoch()
	if err != nil {
		return nil, err
	}
	r.mtime = time.Unix(epoch, 0).UTC()
	if r.project, err = projectFiles(); err != nil {
		return nil, err
	}
	if r.npm, err = npmLicences(); err != nil {
		return nil, err
	}
	if r.goLicence, err = os.ReadFile(filepath.Join(runtime.GOROOT(), "LICENSE")); err != nil {
		if r.goLicence, err = goEnvFile("GOROOT", "LICENSE"); err != nil {
			return nil, fmt.Errorf("reading the Go licence: %w", err)
		}
	}
	return r, nil
}

// files builds the binary for goos/goarch and returns what its archive
// holds: the binary, the project's files, and the licences of all it
// embeds with their index, licenses/README.txt.
func (r *release) files(goos, goarch string) ([]file, error) {
	exe := "timeline"
	if goos == "windows" {
		exe += ".exe"
	}
	binData, err := r.build(goos, goarch, filepath.Join(r.tmp, goos+"-"+goarch, exe))
	if err != nil {
		return nil, err
	}
	mods, err := goModules(goos, goarch)
	if err != nil {
		return nil, err
	}
	files := []file{{Name: exe, Data: binData, Mode: 0o755}}
	files = append(files, r.project...)
	files = append(files, file{Name: "licenses/go/LICENSE", Data: r.goLicence, Mode: 0o644})
	files = append(files, r.npm...)
	index := []string{
		"Licences of what this build of timeline embeds, gathered at build time.",
		"",
		"timeline itself: ../LICENSE (Apache License 2.0).",
		fmt.Sprintf("Go %s runtime and standard library: go/LICENSE.", goVersion()),
	}
	for _, m := range mods {
		lic, err := licenceFiles(m.Dir, "licenses/"+m.Path)
		if err != nil {
			return nil, err
		}
		if len(lic) == 0 {
			return nil, fmt.Errorf("module %s %s has no licence file in %s", m.Path, m.Version, m.Dir)
		}
		files = append(files, lic...)
		index = append(index, fmt.Sprintf("Go module %s %s: %s.", m.Path, m.Version, names(lic, "licenses/")))
	}
	index = append(index, r.npmIndex()...)
	index = append(index, "", "The pages timeline html writes inline the ECharts bundle, whose licence",
		"comments (ECharts and zrender: Apache License 2.0, see npm/echarts/NOTICE) it keeps.")
	return append(files, file{Name: "licenses/README.txt", Data: []byte(strings.Join(index, "\n") + "\n"), Mode: 0o644}), nil
}

// build builds the binary for goos/goarch into bin and returns its bytes.
func (r *release) build(goos, goarch, bin string) ([]byte, error) {
	ldflags := fmt.Sprintf("-s -w -buildid= -X main.ldVersion=%s -X main.ldCommit=%s -X main.ldCommitTime=%s",
		r.version, r.commit, r.mtime.Format(time.RFC3339))
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags", ldflags, "-o", bin, mainPkg)
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch, "CGO_ENABLED=0", "GOFLAGS=-mod=readonly")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	fmt.Fprintf(os.Stderr, "dist: building %s/%s\n", goos, goarch)
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("building %s/%s: %w", goos, goarch, err)
	}
	return os.ReadFile(bin)
}

// npmIndex is a line of the licences' index for each npm package in the
// bundle, naming its licence files.
func (r *release) npmIndex() []string {
	var index []string
	versions, _ := os.ReadFile(bundleV)
	for _, l := range strings.Split(strings.TrimSpace(string(versions)), "\n") {
		name, _, _ := strings.Cut(l, " ")
		var lic []file
		for _, f := range r.npm {
			if strings.HasPrefix(f.Name, "licenses/npm/"+name+"/") {
				lic = append(lic, f)
			}
		}
		index = append(index, fmt.Sprintf("npm %s, in the embedded ECharts bundle: %s.", l, names(lic, "licenses/")))
	}
	return index
}

// writeArchive writes files as the archive for goos/goarch into out (a
// zip for windows, else a .tar.gz) and returns its line of SHA256SUMS.
func (r *release) writeArchive(out, goos, goarch string, files []file) (string, error) {
	base := fmt.Sprintf("timeline-%s-%s-%s", r.version, goos, goarch)
	var buf bytes.Buffer
	name, write := base+".tar.gz", writeTarGz
	if goos == "windows" {
		name, write = base+".zip", writeZip
	}
	if err := write(&buf, base, files, r.mtime); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	if err := os.WriteFile(filepath.Join(out, name), buf.Bytes(), 0o644); err != nil {
		return "", err
	}
	fmt.Fprintf(os.Stderr, "dist: wrote %s (%d bytes)\n", filepath.Join(out, name), buf.Len())
	return fmt.Sprintf("%x  %s", sha256.Sum256(buf.Bytes()), name), nil
}

func git(args ...string) (string, error) {
	b, err := exec.Command("git", args...).Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %w", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(b)), nil
}

// sourceDateEpoch returns SOURCE_DATE_EPOCH, or the date of the commit.
func sourceDateEpoch() (int64, error) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		var err error
		if s, err = git("log", "-1", "--format=%ct"); err != nil {
			return 0, err
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("SOURCE_DATE_EPOCH %q: %w", s, err)
	}
	return n, nil
}

func goVersion() string {
	b, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return runtime.Version()
	}
	return strings.TrimSpace(string(b))
}

func goEnvFile(v, name string) ([]byte, error) {
	b, err := exec.Command("go", "env", v).Output()
	if err != nil {
		return nil, err
	}
	return os.ReadFile(filepath.Join(strings.TrimSpace(string(b)), name))
}

// projectFiles are the project's own files every archive holds.
func projectFiles() ([]file, error) {
	var fs []file
	for _, n := range []string{"LICENSE", "README.md"} {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		fs = append(fs, file{Name: n, Data: b, Mode: 0o644})
	}
	return fs, nil
}

// npmLicences returns the licence files of the npm packages in the bundle.
func npmLicences() ([]file, error) {
	var out []file
	for _, p := range npmLicensed {
		lic, err := licenceFiles(filepath.Join("node_modules", p), "licenses/npm/"+p)
		if err != nil {
			return nil, err
		}
		if len(lic) == 0 {
			return nil, fmt.Errorf("node_modules/%s has no licence file: run make node-deps", p)
		}
		out = append(out, lic...)
	}
	return out, nil
}

type module struct{ Path, Version, Dir string }

// goModules returns the modules linked into the binary for goos/goarch,
// other than the main module.
func goModules(goos, goarch string) ([]module, error) {
	cmd := exec.Command("go", "list", "-deps", "-json=Module", mainPkg)
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch, "CGO_ENABLED=0")
	b, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w", err)
	}
	seen := map[string]bool{}
	var mods []module
	dec := json.NewDecoder(bytes.NewReader(b))
	for dec.More() {
		var p struct {
			Module *struct {
				Path, Version, Dir string
				Main               bool
			}
		}
		if err := dec.Decode(&p); err != nil {
			return nil, err
		}
		if m := p.Module; m != nil && !m.Main && !seen[m.Path] {
			seen[m.Path] = true
			mods = append(mods, module{m.Path, m.Version, m.Dir})
		}
	}
	slices.SortFunc(mods, func(a, b module) int { return strings.Compare(a.Path, b.Path) })
	return mods, nil
}

// isLicence reports whether a file name is a licence or notice.
func isLicence(name string) bool {
	n := strings.ToUpper(name)
	for _, p := range []string{"LICENSE", "LICENCE", "COPYING", "NOTICE", "COPYRIGHT", "OFL"} {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return strings.Contains(n, "COPYRIGHTNOTICE")
}

// licenceFiles returns the licence files at the top of dir, named under
// prefix in the archive.
func licenceFiles(dir, prefix string) ([]file, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []file
	for _, e := range entries {
		if !e.Type().IsRegular() || !isLicence(e.Name()) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, file{Name: prefix + "/" + e.Name(), Data: b, Mode: 0o644})
	}
	return out, nil
}

func names(fs []file, trim string) string {
	if len(fs) == 0 {
		return "(no licence file found)"
	}
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = strings.TrimPrefix(f.Name, trim)
	}
	return strings.Join(s, ", ")
}
