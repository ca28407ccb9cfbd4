// Command benchdata writes the dataset the page and PDF benchmarks use
// (rendertest.RealisticJSON) to standard output or a file, so that the
// figures in the README can be tried by hand:
//
//	go run ./internal/benchdata 10000 > big.json
//	go run ./cmd/timeline html --data big.json -o big.html
//
// Each event cites one source of its own and one or two shared ones, has a
// summary of about 40 words and a date of one of every kind. The same
// number of events gives the same bytes.
package main

import (
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/timeline-tool/timeline/render/rendertest"
)

// maxEvents bounds the dataset: a million events is about 700 MB.
const maxEvents = 1_000_000

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "benchdata:", err)
		os.Exit(2)
	}
}

// run writes the dataset of the number of events args names to w.
func run(args []string, w io.Writer) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: benchdata EVENTS (1 to %d) > file.json", maxEvents)
	}
	n, err := strconv.Atoi(args[0])
	if err != nil || n < 1 || n > maxEvents {
		return fmt.Errorf("EVENTS %q: want a whole number from 1 to %d", args[0], maxEvents)
	}
	_, err = w.Write(rendertest.RealisticJSON(n))
	return err
}
