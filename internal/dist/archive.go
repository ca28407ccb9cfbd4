package main

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// file is one entry of an archive.
type file struct {
	Name string // slash-separated, relative to the archive's top directory
	Data []byte
	Mode fs.FileMode
}

// sorted returns the files sorted by name, with the directories they need,
// each once, before their contents.
func sorted(files []file) (dirs []string, out []file) {
	out = slices.Clone(files)
	slices.SortFunc(out, func(a, b file) int { return strings.Compare(a.Name, b.Name) })
	seen := map[string]bool{}
	for _, f := range out {
		for d := path.Dir(f.Name); d != "."; d = path.Dir(d) {
			if !seen[d] {
				seen[d] = true
				dirs = append(dirs, d)
			}
		}
	}
	slices.Sort(dirs)
	return dirs, out
}

// writeTarGz writes files under the directory top as a gzipped tar whose
// bytes depend only on its arguments: sorted entries, owner root, the
// modification time mtime, a gzip header with no name or time.
func writeTarGz(w io.Writer, top string, files []file, mtime time.Time) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(zw)
	dirs, files := sorted(files)
	hdr := func(name string, mode fs.FileMode, size int64, typ byte) *tar.Header {
		return &tar.Header{Name: name, Mode: int64(mode), Size: size, Typeflag: typ, ModTime: mtime,
			Uname: "root", Gname: "root", Format: tar.FormatPAX}
	}
	if err := tw.WriteHeader(hdr(top+"/", 0o755, 0, tar.TypeDir)); err != nil {
		return err
	}
	for _, d := range dirs {
		if err := tw.WriteHeader(hdr(top+"/"+d+"/", 0o755, 0, tar.TypeDir)); err != nil {
			return err
		}
	}
	for _, f := range files {
		if err := tw.WriteHeader(hdr(top+"/"+f.Name, f.Mode, int64(len(f.Data)), tar.TypeReg)); err != nil {
			return err
		}
		if _, err := tw.Write(f.Data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return zw.Close()
}

// writeZip writes files under the directory top as a zip archive whose
// bytes depend only on its arguments.
func writeZip(w io.Writer, top string, files []file, mtime time.Time) error {
	zw := zip.NewWriter(w)
	dirs, files := sorted(files)
	add := func(name string, mode fs.FileMode, data []byte) error {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: mtime}
		if strings.HasSuffix(name, "/") {
			h.Method = zip.Store
		}
		h.SetMode(mode)
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = fw.Write(data)
		return err
	}
	if err := add(top+"/", fs.ModeDir|0o755, nil); err != nil {
		return err
	}
	for _, d := range dirs {
		if err := add(top+"/"+d+"/", fs.ModeDir|0o755, nil); err != nil {
			return err
		}
	}
	for _, f := range files {
		if err := add(top+"/"+f.Name, f.Mode, f.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}
