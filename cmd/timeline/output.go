package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// writeOutput writes what write produces to the file o.output, or to
// standard output when that is "" or "-".
//
// A regular file is written under a temporary name in the same directory
// and renamed into place only when write succeeds, so an error never
// leaves a half-written file or clobbers an old one; SIGINT, SIGTERM and
// SIGHUP remove the temporary file before the program exits. A new file's
// mode is 0666 masked by the umask, as a shell redirect's is; a replaced
// file keeps its mode; a read-only file is not replaced. A symbolic link
// is written through, even one to a file that does not exist yet.
// Missing directories are made.
//
// Anything else (a device, a FIFO, a socket, a terminal) is opened and
// written directly, never replaced. Writing over the input dataset is
// refused. Write errors (a full disk) name the output.
func writeOutput(e *env, o *options, write func(w io.Writer) error) error {
	name := o.output
	if name == "" || name == "-" {
		if o.notTerminal != "" && isTerminal(e.stdout) {
			return usagef("refusing to write %s to the terminal; give -o FILE, or redirect standard output", o.notTerminal)
		}
		return writeTo(e.stdout, "standard output", write)
	}
	if o.data != "" && o.data != "-" && sameFile(o.data, name) {
		return usagef("-o %s: refusing to write over the input dataset --data %s", name, o.data)
	}
	target, err := resolveLinks(name)
	if errors.Is(err, errOpenFile) {
		// /dev/stdout, /dev/fd/N, /proc/self/fd/N: a file this or another
		// process has open, a pipe or a terminal. Written through, at its
		// end: "-o /dev/stdout >> log" appends to log, as a shell redirect
		// would, instead of replacing it.
		return writeDirect(o, name, name, os.O_APPEND, write)
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	st, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		st = nil
	case err != nil:
		return fmt.Errorf("writing %s: %w", name, cause(err))
	case st.IsDir():
		return usagef("-o %s: is a directory; give a file name", name)
	case !st.Mode().IsRegular():
		return writeSpecial(o, name, target, st, write)
	case st.Mode().Perm()&0o200 == 0:
		return fmt.Errorf("-o %s: the file is read-only; remove it or make it writable first", name)
	}
	return replaceFile(name, target, st, write)
}

// writeTo writes what write produces to w, buffered. A write error is
// returned naming the output, whatever write made of it.
func writeTo(w io.Writer, name string, write func(w io.Writer) error) error {
	ew := &errWriter{w: w, name: name}
	bw := bufio.NewWriterSize(ew, 64<<10)
	err := write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if ew.err != nil {
		return ew.err
	}
	return err
}

// errWriter keeps the first error of its writer as a *writeError naming
// the output rather than the file underneath (a temporary one).
type errWriter struct {
	w    io.Writer
	name string
	err  error
}

func (w *errWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.w.Write(p)
	if err != nil {
		var we *writeError
		if !errors.As(err, &we) {
			we = &writeError{w.name, cause(err)}
		}
		w.err = we
	}
	return n, w.err
}

// writeError is an error writing the output name.
type writeError struct {
	name string
	err  error
}

func (e *writeError) Error() string { return "writing " + e.name + ": " + e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

// cause returns the error inside a *fs.PathError or *net.OpError, whose
// message names a temporary file or a socket's address: "no space left on
// device".
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var oe *net.OpError
	if errors.As(err, &oe) {
		return oe.Err
	}
	return err
}

// writeSpecial writes to target, which is not a regular file, directly.
func writeSpecial(o *options, name, target string, st fs.FileInfo, write func(w io.Writer) error) error {
	if st.Mode()&fs.ModeSocket != 0 {
		c, err := net.Dial("unix", target)
		if err != nil {
			return fmt.Errorf("writing %s: %w", name, cause(err))
		}
		err = writeTo(c, name, write)
		if cerr := c.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("writing %s: %w", name, cause(cerr))
		}
		return err
	}
	return writeDirect(o, name, target, 0, write)
}

// writeDirect opens path for writing, with flag added to os.O_WRONLY, and
// writes to it. name is the output as the user gave it.
func writeDirect(o *options, name, path string, flag int, write func(w io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|flag, 0)
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, cause(err))
	}
	if o.notTerminal != "" && isTerminal(f) {
		f.Close()
		return usagef("refusing to write %s to the terminal %s", o.notTerminal, name)
	}
	err = writeTo(f, name, write)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("writing %s: %w", name, cause(cerr))
	}
	return err
}

// replaceFile writes target, a regular file or none yet, under a
// temporary name in its directory and renames that over it. old is the
// file replaced, or nil.
func replaceFile(name, target string, old fs.FileInfo, write func(w io.Writer) error) error {
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return fmt.Errorf("writing %s: %w", name, cause(err))
	}
	stop := removeOnSignal()
	defer stop()
	perm := os.FileMode(0o666) // masked by the umask when created
	if old != nil {
		perm = old.Mode().Perm()
	}
	tmp, err := createTemp(dir, filepath.Base(target), perm)
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, cause(err))
	}
	if tempCreated != nil {
		tempCreated(tmp.Name())
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			forgetTemp(tmp.Name(), true)
		}
	}()
	if err := writeTo(tmp, name, write); err != nil {
		return err
	}
	if old != nil {
		// Created, the mode was masked by the umask; it is the old one.
		if err := tmp.Chmod(perm); err != nil {
			return fmt.Errorf("writing %s: %w", name, cause(err))
		}
	}
	// On disk before it takes the old file's place.
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", name, cause(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", name, cause(err))
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("writing %s: %w", name, cause(err))
	}
	done = true
	forgetTemp(tmp.Name(), false)
	return nil
}

// createTemp creates a new file ".BASE.RANDOM.tmp" in dir with mode perm
// masked by the umask (os.CreateTemp's mode is always 0600), and notes it
// for removal on a signal.
func createTemp(dir, base string, perm os.FileMode) (*os.File, error) {
	temps.Lock()
	defer temps.Unlock()
	for range 10000 {
		p := filepath.Join(dir, "."+base+"."+strconv.FormatUint(rand.Uint64()%1e10, 10)+".tmp")
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err == nil {
			temps.names[p] = true
		}
		return f, err
	}
	return nil, fmt.Errorf("cannot find a free temporary name in %s", dir)
}

// temps are the temporary files that exist now.
var temps = struct {
	sync.Mutex
	names map[string]bool
}{names: map[string]bool{}}

// forgetTemp takes name off the temporary files, removing it if remove.
func forgetTemp(name string, remove bool) {
	temps.Lock()
	defer temps.Unlock()
	if remove {
		os.Remove(name)
	}
	delete(temps.names, name)
}

// tempCreated, when not nil, is called once a temporary file exists.
// Tests set it, to send signals.
var tempCreated func(name string)

// removeOnSignal makes SIGINT, SIGTERM and SIGHUP remove the temporary
// files and exit with status 128 + the signal's number, until stop is
// called. A signal the program was started to ignore (nohup) stays
// ignored.
func removeOnSignal() (stop func()) {
	var sigs []os.Signal
	for _, s := range []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		if !signal.Ignored(s) {
			sigs = append(sigs, s)
		}
	}
	c := make(chan os.Signal, 1)
	signal.Notify(c, sigs...)
	quit := make(chan struct{})
	go func() {
		select {
		case s := <-c:
			temps.Lock() // held: no new temporary file is made
			for name := range temps.names {
				os.Remove(name)
			}
			os.Exit(128 + int(s.(syscall.Signal)))
		case <-quit:
		}
	}()
	return func() {
		signal.Stop(c)
		close(quit)
	}
}

// errOpenFile is resolveLinks's error for a name that stands for an open
// file rather than a path: /dev/stdout, /dev/fd/1, /proc/self/fd/1.
var errOpenFile = errors.New("names an open file")

// resolveLinks follows name through symbolic links to the file they name,
// which need not exist. A relative link is relative to its directory.
func resolveLinks(name string) (string, error) {
	for range 40 {
		if abs, err := filepath.Abs(name); err == nil && (strings.HasPrefix(abs, "/proc/") || strings.HasPrefix(abs, "/dev/fd/")) {
			return "", errOpenFile
		}
		st, err := os.Lstat(name)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return name, nil
		}
		to, err := os.Readlink(name)
		if err != nil {
			return "", cause(err)
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(name), to)
		}
		name = to
	}
	return "", errors.New("too many levels of symbolic links")
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
	if ew, ok := w.(*errWriter); ok {
		w = ew.w
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
