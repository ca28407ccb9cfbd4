package timeline

import "github.com/timeline-tool/timeline/timeline/internal/input"

// Severity says whether a Problem stops a dataset from being used. The
// zero Severity is SeverityError.
type Severity = input.Severity

// The severities.
const (
	SeverityError   = input.SeverityError
	SeverityWarning = input.SeverityWarning
)

// Problem is one thing wrong with a dataset: where it is (file, line,
// column and the JSON path such as "events[12].date") and what is wrong.
// Line and Col are 0 when unknown. Every reader reports its problems as
// Problems.
type Problem = input.Problem

// Problems is a list of problems in the order they were found in the file.
type Problems = input.Problems

// ProblemsError is the error of a dataset with problems.
type ProblemsError = input.ProblemsError

// IsProblems reports whether err is or wraps a *ProblemsError.
func IsProblems(err error) bool { return input.IsProblems(err) }
