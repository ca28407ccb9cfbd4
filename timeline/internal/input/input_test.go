package input

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// bigFile returns the path of a sparse regular file one byte over
// MaxBytes: it takes no room on disk.
func bigFile(tb testing.TB) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "big.json")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(MaxBytes + 1); err != nil {
		tb.Fatal(err)
	}
	return path
}

// TestReadFileTooLarge checks that a regular file over MaxBytes is
// refused by its size, before any of it is read: reading it would
// allocate more than MaxBytes.
func TestReadFileTooLarge(t *testing.T) {
	path := bigFile(t)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, data, err := ReadFile(path, nil)
	runtime.ReadMemStats(&after)
	want := "big.json: file is 268435457 bytes; the largest dataset read is 268435456 bytes (256 MiB)"
	if err == nil || !strings.Contains(err.Error(), want) || data != nil {
		t.Fatalf("ReadFile = %d bytes, %v; want %q", len(data), err, want)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
		t.Errorf("refusing the file allocated %d bytes: it was read", n)
	}
}

func TestReadFileStdin(t *testing.T) {
	name, data, err := ReadFile("-", strings.NewReader(`{"title": "t"}`))
	if err != nil || name != "standard input" || string(data) != `{"title": "t"}` {
		t.Errorf(`ReadFile("-") = %q, %q, %v`, name, data, err)
	}
	if _, _, err := ReadFile(t.TempDir(), nil); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("ReadFile of a directory: %v", err)
	}
}

// zeros is an endless reader, like /dev/zero, that counts what it gives.
type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.n += int64(len(p))
	return len(p), nil
}

// BenchmarkReadFileTooLarge measures what refusing an over-size input
// costs: a regular file is refused by its size (a few hundred bytes
// allocated, whatever its size), and an endless stream (standard input,
// a pipe, /dev/zero) is read to one byte over the limit and no further.
// Its bytes/op is the peak memory of the refusal.
func BenchmarkReadFileTooLarge(b *testing.B) {
	b.Run("regular", func(b *testing.B) {
		path := bigFile(b)
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := ReadFile(path, nil); err == nil {
				b.Fatal("read an over-size file")
			}
		}
	})
	b.Run("stream", func(b *testing.B) {
		b.ReportAllocs()
		var z zeros
		for b.Loop() {
			z.n = 0
			if _, _, err := ReadFile("-", io.Reader(&z)); err == nil {
				b.Fatal("read an over-size stream")
			}
		}
		b.ReportMetric(float64(z.n), "read-bytes/op")
	})
}

// TestReadFileOnce checks that a regular file is read into one buffer of
// its size, not one grown by doubling.
func TestReadFileOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.json")
	want := strings.Repeat("x", 3<<20)
	if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, data, err := ReadFile(path, nil)
	runtime.ReadMemStats(&after)
	if err != nil || string(data) != want {
		t.Fatalf("ReadFile = %d bytes, %v", len(data), err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 3<<20+64<<10 {
		t.Errorf("reading %d bytes allocated %d", len(want), n)
	}
}
