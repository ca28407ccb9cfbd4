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
