// Package csvsafe keeps spreadsheets from taking CSV cells for formulas.
//
// A spreadsheet that opens a CSV file (Excel, LibreOffice, Google Sheets)
// evaluates a cell that starts with =, +, - or @ as a formula, and tab and
// carriage return can hide such a start. A formula can fetch URLs, run
// commands in old Excel, or rewrite what a reader sees. Following the
// OWASP advice on CSV injection, Neutralize puts a single quote before
// such a cell, which spreadsheets show as text; Restore takes exactly that
// quote off again, so that Restore(Neutralize(s)) == s for every s.
//
// A cell that already starts with quotes followed by one of those
// characters gets one more quote, so that Restore can tell the quote it
// must remove from the text's own. A negative whole number ("-50", a year
// before the common era in a TimelineJS sheet) is a number to every
// spreadsheet, never a formula, and is left as it is.
package csvsafe

import "strings"

// triggers are the first characters that make a spreadsheet read a cell
// as a formula.
const triggers = "=+-@\t\r"

// risky reports whether s, after any leading quotes, starts with a
// trigger and is not a negative whole number. Adding a leading quote
// does not change the answer, which makes Restore exact.
func risky(s string) bool {
	r := strings.TrimLeft(s, "'")
	return r != "" && strings.IndexByte(triggers, r[0]) >= 0 && !negativeInteger(r)
}

func negativeInteger(s string) bool {
	if len(s) < 2 || s[0] != '-' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Neutralize returns s with a single quote before it when a spreadsheet
// could read it as a formula, and s unchanged otherwise.
func Neutralize(s string) string {
	if risky(s) {
		return "'" + s
	}
	return s
}

// Restore undoes Neutralize: it removes the quote Neutralize puts before a
// cell, and leaves any other cell as it is.
func Restore(s string) string {
	if len(s) > 1 && s[0] == '\'' && risky(s[1:]) {
		return s[1:]
	}
	return s
}

// NeutralizeAll neutralizes every cell of rec in place and returns it.
func NeutralizeAll(rec []string) []string {
	for i, s := range rec {
		rec[i] = Neutralize(s)
	}
	return rec
}

// RestoreAll restores every cell of rec in place and returns it.
func RestoreAll(rec []string) []string {
	for i, s := range rec {
		rec[i] = Restore(s)
	}
	return rec
}
