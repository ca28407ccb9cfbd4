package input

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Severity says whether a Problem stops a dataset from being used.
type Severity uint8

// The severities. The zero Severity is SeverityError.
const (
	SeverityError Severity = iota
	SeverityWarning
)

func (s Severity) String() string {
	if s == SeverityWarning {
		return "warning"
	}
	return "error"
}

// Problem is one thing wrong with a dataset: where it is (file, line,
// column and the JSON path such as "events[12].date") and what is wrong.
// Line and Col are 0 when unknown.
type Problem struct {
	File      string
	Line, Col int
	Path      string
	Severity  Severity
	Msg       string
}

// String formats p as "file:line:col: path: msg", with "warning: " before
// the message of a warning, leaving out the parts that are unknown.
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d:%d", p.Line, p.Col)
		}
		b.WriteString(": ")
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	if p.Severity == SeverityWarning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Problems is a list of problems in the order they were found in the file.
type Problems []Problem

// Errors returns the problems of severity error.
func (ps Problems) Errors() Problems { return ps.only(SeverityError) }

// Warnings returns the problems of severity warning.
func (ps Problems) Warnings() Problems { return ps.only(SeverityWarning) }

func (ps Problems) only(s Severity) Problems {
	var out Problems
	for _, p := range ps {
		if p.Severity == s {
			out = append(out, p)
		}
	}
	return out
}

// Err returns nil when ps holds no errors, else an error whose message
// lists every error, one a line, in file order (by line and column; those
// without a position last). errors.As finds a *ProblemsError in it.
func (ps Problems) Err() error {
	errs := ps.Errors()
	if len(errs) == 0 {
		return nil
	}
	slices.SortStableFunc(errs, ComparePositions)
	return &ProblemsError{errs}
}

// ComparePositions orders problems by line and column, unknown last.
func ComparePositions(a, b Problem) int {
	if (a.Line == 0) != (b.Line == 0) {
		if a.Line == 0 {
			return 1
		}
		return -1
	}
	if c := cmp.Compare(a.Line, b.Line); c != 0 {
		return c
	}
	return cmp.Compare(a.Col, b.Col)
}

// ProblemsError is the error of a dataset with problems.
type ProblemsError struct{ Problems Problems }

func (e *ProblemsError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// IsProblems reports whether err is or wraps a *ProblemsError.
func IsProblems(err error) bool {
	var pe *ProblemsError
	return errors.As(err, &pe)
}
