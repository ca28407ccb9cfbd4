package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"testing"
	"time"
)

var testFiles = []file{
	{Name: "timeline", Data: []byte("binary"), Mode: 0o755},
	{Name: "licenses/npm/echarts/NOTICE", Data: []byte("notice"), Mode: 0o644},
	{Name: "LICENSE", Data: []byte("licence"), Mode: 0o644},
	{Name: "licenses/go/LICENSE", Data: []byte("go"), Mode: 0o644},
}

// TestArchivesReproducible checks that an archive's bytes depend only on
// its files and date, not on their order or the time it is written.
func TestArchivesReproducible(t *testing.T) {
	mtime := time.Unix(1764806400, 0).UTC()
	reversed := []file{testFiles[3], testFiles[2], testFiles[1], testFiles[0]}
	for name, write := range map[string]func(io.Writer, string, []file, time.Time) error{
		"tar.gz": writeTarGz, "zip": writeZip,
	} {
		var a, b bytes.Buffer
		if err := write(&a, "top", testFiles, mtime); err != nil {
			t.Fatal(err)
		}
		if err := write(&b, "top", reversed, mtime); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two writes of the same files differ", name)
		}
		var c bytes.Buffer
		write(&c, "top", testFiles, mtime.Add(time.Hour))
		if bytes.Equal(a.Bytes(), c.Bytes()) {
			t.Errorf("%s: the date makes no difference: is it written?", name)
		}
	}
}

type entry struct {
	mode  fs.FileMode
	mtime time.Time
	data  string
}

func TestTarGzContents(t *testing.T) {
	mtime := time.Unix(1764806400, 0).UTC()
	var buf bytes.Buffer
	if err := writeTarGz(&buf, "top", testFiles, mtime); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !zr.ModTime.IsZero() || zr.Name != "" {
		t.Errorf("gzip header has name %q, time %v", zr.Name, zr.ModTime)
	}
	tr := tar.NewReader(zr)
	var names []string
	got := map[string]entry{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(tr)
		names = append(names, h.Name)
		got[h.Name] = entry{fs.FileMode(h.Mode), h.ModTime, string(b)}
		if h.Uid != 0 || h.Gid != 0 {
			t.Errorf("%s: owner %d:%d, want 0:0", h.Name, h.Uid, h.Gid)
		}
	}
	checkEntries(t, names, got, mtime)
}

func TestZipContents(t *testing.T) {
	mtime := time.Unix(1764806400, 0).UTC()
	var buf bytes.Buffer
	if err := writeZip(&buf, "top", testFiles, mtime); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	got := map[string]entry{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		names = append(names, f.Name)
		got[f.Name] = entry{f.Mode().Perm(), f.Modified.UTC(), string(b)}
	}
	checkEntries(t, names, got, mtime)
}

func checkEntries(t *testing.T, names []string, got map[string]entry, mtime time.Time) {
	t.Helper()
	want := []string{"top/", "top/licenses/", "top/licenses/go/", "top/licenses/npm/", "top/licenses/npm/echarts/",
		"top/LICENSE", "top/licenses/go/LICENSE", "top/licenses/npm/echarts/NOTICE", "top/timeline"}
	if len(names) != len(want) {
		t.Fatalf("entries %q, want %q", names, want)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Errorf("entry %d = %q, want %q", i, names[i], want[i])
		}
	}
	if e := got["top/timeline"]; e.mode.Perm() != 0o755 || e.data != "binary" || !e.mtime.Equal(mtime) {
		t.Errorf("top/timeline: %+v", e)
	}
	if e := got["top/LICENSE"]; e.mode.Perm() != 0o644 || e.data != "licence" {
		t.Errorf("top/LICENSE: %+v", e)
	}
}

func TestIsLicence(t *testing.T) {
	for name, want := range map[string]bool{
		"LICENSE": true, "LICENSE-SIL": true, "LICENSE.txt": true, "NOTICE": true, "COPYING": true,
		"CopyrightNotice.txt": true, "license.md": true, "README.md": false, "package.json": false,
	} {
		if got := isLicence(name); got != want {
			t.Errorf("isLicence(%q) = %v, want %v", name, got, want)
		}
	}
}
