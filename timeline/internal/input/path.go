package input

import (
	"strconv"
	"strings"
)

// ParentPath returns the path of the value enclosing path's value:
// "events[3]" for "events[3].date", "events" for "events[3]", "" for
// "title".
func ParentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// SplitPath splits the path of an element of a list, or of one of its
// fields, into the list, the index and the field: "events[3].sources[1]"
// into "events", 3 and "sources[1]"; "eras[0]" into "eras", 0 and "".
func SplitPath(path string) (list string, i int, field string, ok bool) {
	list, rest, ok := strings.Cut(path, "[")
	index, rest, ok2 := strings.Cut(rest, "]")
	i, err := strconv.Atoi(index)
	if !ok || !ok2 || err != nil || i < 0 {
		return "", 0, "", false
	}
	if rest == "" {
		return list, i, "", true
	}
	field, ok = strings.CutPrefix(rest, ".")
	return list, i, field, ok
}
