package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// writeOutput writes what write produces to the file name, or to standard
// output when name is "" or "-". A file is written under a temporary name
// in the same directory and renamed into place only when write succeeds,
// so an error never leaves a half-written file or clobbers an old one.
// Writing over the input dataset is refused, and so is replacing a
// read-only file; a replaced file keeps its mode, and a symbolic link is
// written through. Missing directories are made.
func writeOutput(e *env, o *options, write func(w io.Writer) error) error {
	name := o.output
	if name == "" || name == "-" {
		if o.binary && isTerminal(e.stdout) {
			return usagef("refusing to write a PDF to the terminal; give -o FILE, or redirect standard output")
		}
		bw := bufio.NewWriterSize(e.stdout, 64<<10)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	if o.data != "" && o.data != "-" && sameFile(o.data, name) {
		return usagef("-o %s: refusing to write over the input dataset --data %s", name, o.data)
	}
	// Write through a symbolic link to the file it names, and keep the
	// mode of a file being replaced; refuse to replace a read-only one.
	if target, err := filepath.EvalSymlinks(name); err == nil {
		name = target
	}
	mode := os.FileMode(0o644)
	if st, err := os.Stat(name); err == nil {
		if st.IsDir() {
			return usagef("-o %s: is a directory; give a file name", o.output)
		}
		if st.Mode().Perm()&0o200 == 0 {
			return fmt.Errorf("-o %s: the file is read-only; remove it or make it writable first", o.output)
		}
		mode = st.Mode().Perm()
	}
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	ok = true
	return nil
}

// sameFile reports whether a and b name the same file: the same path, or
// the same existing file through links.
func sameFile(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	if err1 == nil && err2 == nil && aa == bb {
		return true
	}
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	if errors.Is(err, os.ErrNotExist) || err != nil {
		return false
	}
	return os.SameFile(sa, sb)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
