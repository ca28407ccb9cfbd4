// Command timeline turns a sourced date-event dataset into an interactive
// HTML page and a printable PDF briefing. Run "timeline help" for usage.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
