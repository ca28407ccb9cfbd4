package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// TestMain lets the test binary stand in for the timeline binary: with
// TIMELINE_TEST_CHILD set it runs the command line it is given. With
// TIMELINE_TEST_PAUSE set too, it stops once its temporary output file
// exists, to be sent a signal; TIMELINE_TEST_FSIZE=N limits the size of
// the files it writes to N bytes.
func TestMain(m *testing.M) {
	// The completion tests run the test binary as timeline from scripts.
	if os.Getenv("TIMELINE_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	if os.Getenv("TIMELINE_TEST_CHILD") != "" {
		if os.Getenv("TIMELINE_TEST_PAUSE") != "" {
			tempCreated = func(string) {
				fmt.Fprintln(os.Stderr, "temporary file made")
				time.Sleep(time.Minute)
			}
		}
		if n, err := strconv.ParseUint(os.Getenv("TIMELINE_TEST_FSIZE"), 10, 64); err == nil {
			if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
				fmt.Fprintln(os.Stderr, "setrlimit:", err)
				os.Exit(99)
			}
		}
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// child returns the command that runs the test binary as timeline with
// args.
func child(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), "TIMELINE_TEST_CHILD=1")
	return cmd
}

// listArgs is a command line that writes the small dataset's list to out.
func listArgs(out string) []string {
	return []string{"list", "--data", "testdata/small.json", "-o", out}
}

// temporaries returns the temporary files left in dir.
func temporaries(t *testing.T, dir string) []string {
	t.Helper()
	tmps, err := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if err != nil {
		t.Fatal(err)
	}
	return tmps
}

// TestOutputFIFO: -o on a FIFO writes into it; it once renamed a regular
// file over it.
func TestOutputFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan []byte)
	go func() {
		// Opening a FIFO to read waits for its writer.
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- b
	}()
	code, _, stderr := runCLI(t, "", listArgs(fifo)...)
	var b []byte
	select {
	case b = <-got:
	case <-time.After(10 * time.Second):
		t.Error("nothing reached the FIFO") // its reader still waits for a writer
	}
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !bytes.Contains(b, []byte("Group founded")) {
		t.Errorf("the FIFO's reader got %q, want the list", b)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", st.Mode(), err)
	}
	if tmps := temporaries(t, dir); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}

// openPTY opens a pseudo-terminal and returns its controlling end and the
// name of its terminal end.
func openPTY(t *testing.T) (*os.File, string) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	t.Cleanup(func() { m.Close() })
	ioctl := func(req uintptr, arg unsafe.Pointer) {
		if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), req, uintptr(arg)); e != 0 {
			t.Fatalf("ioctl %#x: %v", req, e)
		}
	}
	var n uint32
	ioctl(syscall.TIOCGPTN, unsafe.Pointer(&n))
	var unlock int32
	ioctl(syscall.TIOCSPTLCK, unsafe.Pointer(&unlock))
	return m, "/dev/pts/" + strconv.Itoa(int(n))
}

// TestOutputTerminal: -o on a terminal writes to the terminal, and a PDF
// is refused there as it is on standard output.
func TestOutputTerminal(t *testing.T) {
	m, tty := openPTY(t)
	// Keep the terminal end open, so the reader sees no hang-up between
	// the runs.
	keep, err := os.OpenFile(tty, os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer keep.Close()
	_, want, _ := runCLI(t, "", "list", "--data", "testdata/small.json")
	mu := make(chan []byte, 1)
	go func() {
		var all []byte
		buf := make([]byte, 4096)
		for {
			n, err := m.Read(buf)
			all = append(all, buf[:n]...)
			// The terminal writes a line feed as CR LF.
			if err != nil || len(bytes.ReplaceAll(all, []byte("\r\n"), []byte("\n"))) >= len(want) {
				break
			}
		}
		mu <- bytes.ReplaceAll(all, []byte("\r\n"), []byte("\n"))
	}()
	code, _, stderr := runCLI(t, "", listArgs(tty)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	select {
	case b := <-mu:
		if string(b) != want {
			t.Errorf("the terminal got %q, want the list %q", b, want)
		}
	case <-time.After(10 * time.Second):
		t.Error("the list never reached the terminal")
	}
	if st, err := os.Lstat(tty); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("the terminal %s was replaced: %v %v", tty, st.Mode(), err)
	}
	code, _, stderr = runCLI(t, "", "pdf", "--data", "testdata/small.json", "-o", tty)
	if code != 2 || !strings.Contains(stderr, "refusing to write a PDF to the terminal") {
		t.Errorf("pdf -o %s: exit %d, stderr %q", tty, code, stderr)
	}
	code, _, stderr = runCLI(t, "", "html", "--data", "testdata/small.json", "-o", tty)
	if code != 2 || !strings.Contains(stderr, "refusing to write an HTML page to the terminal") {
		t.Errorf("html to a terminal: exit %d, %s", code, stderr)
	}
}

// fullDevice returns a device node on which every write fails with "no
// space left on device": /dev/full, or, as root, a node of the same
// device in a temporary directory, so that a mistake cannot replace the
// machine's /dev/full (in CI, on a fresh machine, /dev/full itself when
// no node can be made).
func fullDevice(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		return "/dev/full"
	}
	p := filepath.Join(t.TempDir(), "full")
	if err := syscall.Mknod(p, syscall.S_IFCHR|0o666, 1<<8|7); err != nil {
		if os.Getenv("CI") != "" {
			return "/dev/full" // a fresh machine: the test must run
		}
		t.Skipf("mknod: %v", err)
	}
	return p
}

// TestOutputDiskFull: a full disk is an error naming the output, not a
// temporary file, and the device stays a device.
func TestOutputDiskFull(t *testing.T) {
	full := fullDevice(t)
	code, _, stderr := runCLI(t, "", listArgs(full)...)
	want := "timeline list: writing " + full + ": no space left on device\n"
	if code != 1 || stderr != want {
		t.Errorf("list -o %s: exit %d, stderr %q; want exit 1, %q", full, code, stderr, want)
	}
	if st, err := os.Lstat(full); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("%s was replaced: %v %v", full, st.Mode(), err)
	}
	if tmps := temporaries(t, filepath.Dir(full)); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}

// TestOutputFileTooLarge: an error writing a regular file (here the
// file size limit, as a full disk would be) exits 1 naming the output,
// not the temporary file, which is removed; the old file stays.
func TestOutputFileTooLarge(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "mek.html")
	os.WriteFile(out, []byte("old"), 0o644)
	cmd := child(t, "html", "--assets", "echarts.min.js", "-o", out)
	cmd.Env = append(cmd.Env, "TIMELINE_TEST_FSIZE=10000")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	want := "timeline html: writing " + out + ": file too large\n"
	if !errors.As(err, &ee) || ee.ExitCode() != 1 || stderr.String() != want {
		t.Errorf("exit %v, stderr %q; want exit 1 and %q", err, stderr.String(), want)
	}
	if tmps := temporaries(t, dir); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
	if b, _ := os.ReadFile(out); string(b) != "old" {
		t.Errorf("the old file became %.40q…", b)
	}
}

// TestOutputSocket: -o on a Unix socket sends the output to it.
func TestOutputSocket(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "s")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skipf("no Unix sockets: %v", err)
	}
	defer l.Close()
	got := make(chan []byte, 1)
	go func() {
		c, err := l.Accept()
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(c)
		c.Close()
		got <- b
	}()
	code, _, stderr := runCLI(t, "", listArgs(sock)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	select {
	case b := <-got:
		if !bytes.Contains(b, []byte("Group founded")) {
			t.Errorf("the socket got %q, want the list", b)
		}
	case <-time.After(10 * time.Second):
		t.Error("nothing reached the socket")
	}
	if st, err := os.Lstat(sock); err != nil || st.Mode()&os.ModeSocket == 0 {
		t.Errorf("the socket was replaced: %v %v", st.Mode(), err)
	}
}

// TestOutputUmask: a new file's mode is 0666 masked by the umask, as a
// shell redirect's is; a replaced file keeps its mode whatever the umask.
func TestOutputUmask(t *testing.T) {
	dir := t.TempDir()
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	for _, tt := range []struct {
		umask int
		want  os.FileMode
	}{{0o077, 0o600}, {0o022, 0o644}, {0o002, 0o664}, {0, 0o666}} {
		syscall.Umask(tt.umask)
		out := filepath.Join(dir, fmt.Sprintf("new-%03o.txt", tt.umask))
		if code, _, stderr := runCLI(t, "", listArgs(out)...); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if st, err := os.Stat(out); err != nil || st.Mode().Perm() != tt.want {
			t.Errorf("umask %03o: new file mode %v, want %v (%v)", tt.umask, st.Mode().Perm(), tt.want, err)
		}
		// Replacing it under another umask keeps its mode.
		syscall.Umask(0o077 &^ tt.umask)
		if code, _, stderr := runCLI(t, "", listArgs(out)...); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if st, _ := os.Stat(out); st.Mode().Perm() != tt.want {
			t.Errorf("umask %03o: a replaced file's mode became %v, want %v", 0o077&^tt.umask, st.Mode().Perm(), tt.want)
		}
	}
}

// TestOutputDanglingLink: a symbolic link to a file that does not exist
// yet is written through, as a shell redirect does, not replaced.
func TestOutputDanglingLink(t *testing.T) {
	dir := t.TempDir()
	for _, target := range []string{filepath.Join(dir, "abs.txt"), "rel.txt", "sub/deeper.txt"} {
		link := filepath.Join(dir, "link-"+filepath.Base(target))
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
		if code, _, stderr := runCLI(t, "", listArgs(link)...); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s: the link was replaced", target)
		}
		abs := target
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(dir, target)
		}
		if b, err := os.ReadFile(abs); err != nil || !bytes.Contains(b, []byte("Group founded")) {
			t.Errorf("%s: the link's target holds %q (%v), want the list", target, b, err)
		}
	}
	// A loop of links is an error naming the output.
	loop := filepath.Join(dir, "loop")
	os.Symlink("loop", loop)
	code, _, stderr := runCLI(t, "", listArgs(loop)...)
	if code != 1 || !strings.Contains(stderr, loop) {
		t.Errorf("a loop of links: exit %d, stderr %q", code, stderr)
	}
}

// TestSignalRemovesTemporary: SIGINT, SIGTERM and SIGHUP while the output
// is being written remove the temporary file, leave the old file as it
// was and exit 128 + the signal's number. The test binary runs as a real
// timeline process that stops once its temporary file exists.
func TestSignalRemovesTemporary(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "list.txt")
			os.WriteFile(out, []byte("old"), 0o644)
			cmd := child(t, listArgs(out)...)
			cmd.Env = append(cmd.Env, "TIMELINE_TEST_PAUSE=1")
			stderr, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			line, err := bufio.NewReader(stderr).ReadString('\n')
			if line != "temporary file made\n" {
				t.Fatalf("the child said %q (%v)", line, err)
			}
			if tmps := temporaries(t, dir); len(tmps) != 1 {
				t.Fatalf("temporary files before the signal: %v, want one", tmps)
			}
			cmd.Process.Signal(sig)
			go io.Copy(io.Discard, stderr)
			err = cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 128+int(sig) {
				t.Errorf("exit: %v, want status %d", err, 128+int(sig))
			}
			if tmps := temporaries(t, dir); len(tmps) > 0 {
				t.Errorf("temporary files left: %v", tmps)
			}
			if b, _ := os.ReadFile(out); string(b) != "old" {
				t.Errorf("the old file became %q", b)
			}
		})
	}
}

// TestStdoutFull: a write error on standard output, such as a full disk,
// is exit status 1, for help as for every command.
func TestStdoutFull(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer full.Close()
	for _, args := range [][]string{{"help"}, {"--help"}, {"help", "list"}, {"list", "--help"}, {"version"},
		{"list", "--data", "testdata/small.json"}, {"eras"}, {"validate"}} {
		cmd := child(t, args...)
		cmd.Stdout = full
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 || !strings.Contains(stderr.String(), "writing standard output: no space left on device") {
			t.Errorf("timeline %s > /dev/full: %v, stderr %q; want exit 1 and the error", strings.Join(args, " "), err, stderr.String())
		}
	}
}

// TestOutputDevStdout: -o /dev/stdout (or /dev/fd/1, /proc/self/fd/1)
// writes to standard output whatever it is: a pipe, or a file opened to
// append, which keeps what it held, as a shell redirect would.
func TestOutputDevStdout(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd/1"); err != nil {
		t.Skipf("no /proc: %v", err)
	}
	_, want, _ := runCLI(t, "", "list", "--data", "testdata/small.json")
	for _, out := range []string{"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"} {
		cmd := child(t, listArgs(out)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		got, err := cmd.Output() // a pipe
		if err != nil || string(got) != want {
			t.Errorf("-o %s to a pipe: %v %s\ngot %q", out, err, stderr.String(), got)
		}

		log := filepath.Join(t.TempDir(), "log")
		os.WriteFile(log, []byte("kept\n"), 0o644)
		f, err := os.OpenFile(log, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			t.Fatal(err)
		}
		cmd = child(t, listArgs(out)...)
		cmd.Stdout = f
		err = cmd.Run()
		f.Close()
		if b, _ := os.ReadFile(log); err != nil || string(b) != "kept\n"+want {
			t.Errorf("-o %s >> log: %v, log holds %q", out, err, b)
		}
	}
}
