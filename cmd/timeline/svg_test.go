package main

import (
	"bytes"
	"compress/zlib"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// pdfDots returns the centre of every disc the PDF draws (a line of no
// length with round caps; see pdfout's doc.dot), from the top of a
// Letter page.
func pdfDots(t *testing.T, b []byte) [][2]float64 {
	t.Helper()
	streams := regexp.MustCompile(`(?s)stream\r?\n(.*?)endstream`).FindAllSubmatch(b, -1)
	dot := regexp.MustCompile(`(?m)^(-?[\d.]+) (-?[\d.]+) m (-?[\d.]+) (-?[\d.]+) l S$`)
	var out [][2]float64
	for _, s := range streams {
		r, err := zlib.NewReader(bytes.NewReader(s[1]))
		if err != nil {
			continue
		}
		c, err := io.ReadAll(r)
		if err != nil {
			continue
		}
		for _, m := range dot.FindAllSubmatch(c, -1) {
			if string(m[1]) != string(m[3]) || string(m[2]) != string(m[4]) {
				continue
			}
			x, _ := strconv.ParseFloat(string(m[1]), 64)
			y, _ := strconv.ParseFloat(string(m[2]), 64)
			out = append(out, [2]float64{x, 792 - y})
		}
	}
	return out
}

// svgMarks returns the centre of the first circle of every event's mark
// that is a disc or a ring.
func svgMarks(b []byte) [][2]float64 {
	var out [][2]float64
	re := regexp.MustCompile(`<g><title>[^<]*</title><circle cx="(-?[\d.]+)" cy="(-?[\d.]+)"`)
	for _, m := range re.FindAllSubmatch(b, -1) {
		x, _ := strconv.ParseFloat(string(m[1]), 64)
		y, _ := strconv.ParseFloat(string(m[2]), 64)
		out = append(out, [2]float64{x, y})
	}
	return out
}

// TestSVGMatchesPDF: the SVG places every event's mark where the PDF's
// first page does, relative to each other: both draw one layout.
func TestSVGMatchesPDF(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"--data", "testdata/small.json"}, {}, {"--era", "iraq"}, {"--status", "reported,established", "--from", "1990"}} {
		pdf, svg := filepath.Join(dir, "x.pdf"), filepath.Join(dir, "x.svg")
		for _, out := range [][]string{{"pdf", "-o", pdf}, {"svg", "-o", svg}} {
			if code, _, stderr := runCLI(t, "", append(out, args...)...); code != 0 {
				t.Fatalf("%v: exit %d: %s", out, code, stderr)
			}
		}
		pb, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatal(err)
		}
		sb, err := os.ReadFile(svg)
		if err != nil {
			t.Fatal(err)
		}
		dots, marks := pdfDots(t, pb), svgMarks(sb)
		if len(marks) < 3 {
			t.Fatalf("%v: %d round marks in the SVG", args, len(marks))
		}
		has := func(p [2]float64) bool {
			for _, d := range dots {
				if math.Abs(d[0]-p[0]) < 0.015 && math.Abs(d[1]-p[1]) < 0.015 {
					return true
				}
			}
			return false
		}
		matched := false
		for _, d := range dots {
			// The strip starts at the PDF's left margin, 54 pt, and at the
			// SVG's group's left edge: x differs by 54 exactly.
			dx, dy := d[0]-marks[0][0], d[1]-marks[0][1]
			if math.Abs(dx-54) > 0.015 {
				continue
			}
			all := true
			for _, m := range marks {
				if !has([2]float64{m[0] + dx, m[1] + dy}) {
					all = false
					break
				}
			}
			if all {
				matched = true
				break
			}
		}
		if !matched {
			t.Errorf("%v: the SVG's %d round marks are not where the PDF draws its marks", args, len(marks))
		}
	}
}

// TestSVGWidth: --width sets the drawing's width in points, lane labels
// included (the page adds its margins), and spreads the marks: the same
// marks, the first and the last further apart. A width out of range is
// refused naming the flag, exit 2, nothing written.
func TestSVGWidth(t *testing.T) {
	dir := t.TempDir()
	draw := func(args ...string) []byte {
		t.Helper()
		out := filepath.Join(dir, "out.svg")
		if code, _, stderr := runCLI(t, "", append([]string{"svg", "-o", out}, args...)...); code != 0 {
			t.Fatalf("timeline svg %v: exit %d: %s", args, code, stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	size := regexp.MustCompile(`<svg [^>]*viewBox="0 0 ([\d.]+) [\d.]+" width="([\d.]+)pt"`)
	spread := func(b []byte) (int, float64) {
		m := svgMarks(b)
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, p := range m {
			lo, hi = math.Min(lo, p[0]), math.Max(hi, p[0])
		}
		return len(m), hi - lo
	}
	def, wide := draw(), draw("--width", "900")
	for _, tc := range []struct {
		b    []byte
		want string
	}{{def, "540"}, {wide, "936"}} {
		if m := size.FindSubmatch(tc.b); m == nil || string(m[1]) != tc.want || string(m[2]) != tc.want {
			t.Errorf("the SVG's size %q, want %s wide (the drawing and 18 points a side)", m, tc.want)
		}
	}
	n, s := spread(def)
	nw, sw := spread(wide)
	if n == 0 || nw != n || sw < 1.5*s {
		t.Errorf("at 900 points, %d marks spread over %.0f points; at the default, %d over %.0f: want the same marks, spread wider", nw, sw, n, s)
	}
	for _, bad := range []string{"100", "6000", "wide", "NaN"} {
		out := filepath.Join(dir, "bad.svg")
		code, _, stderr := runCLI(t, "", "svg", "--width", bad, "-o", out)
		want := `timeline svg: invalid argument "` + bad + `" for "--width" flag: "` + bad + `" is not a width in points from 300 to 5000`
		if code != 2 || !bytes.Contains([]byte(stderr), []byte(want)) {
			t.Errorf("--width %s: exit %d, stderr %q; want 2 and %s", bad, code, stderr, want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("--width %s: wrote %s", bad, out)
		}
	}
}
