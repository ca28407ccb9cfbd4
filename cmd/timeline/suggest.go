package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// suggest returns the words of valid nearest to s, ignoring case, when they
// are near enough to be a likely typo: an edit distance (insertions,
// deletions, substitutions and swaps of neighbours) of at most 1 for
// words of up to four letters, 2 up to eight, 3 beyond. A valid word that
// starts with s, or that s starts with, is also near. At most three
// words are returned, nearest first, in the order of valid among equals.
func suggest(s string, valid []string) []string {
	ls := strings.ToLower(s)
	limit := 1
	switch n := len([]rune(ls)); {
	case n > 8:
		limit = 3
	case n > 4:
		limit = 2
	}
	type cand struct {
		word string
		d    int
	}
	var cs []cand
	for _, v := range valid {
		lv := strings.ToLower(v)
		d := editDistance(ls, lv)
		if d > limit && len(ls) >= 3 && (strings.HasPrefix(lv, ls) || strings.HasPrefix(ls, lv)) {
			d = limit
		}
		if d <= limit && !slices.ContainsFunc(cs, func(c cand) bool { return c.word == v }) {
			cs = append(cs, cand{v, d})
		}
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return a.d - b.d })
	var out []string
	for _, c := range cs[:min(len(cs), 3)] {
		out = append(out, c.word)
	}
	return out
}

// editDistance returns the optimal string alignment distance between a and
// b, counted in runes: the fewest insertions, deletions, substitutions and
// swaps of two neighbouring runes that turn a into b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// d[i][j] is the distance between ra[:i] and rb[:j]; three rows suffice.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// didYouMean returns "did you mean X?" (or "X or Y?") for the suggestions
// of s among valid, quoted by quote, or "" when none is near.
func didYouMean(s string, valid []string, quote func(string) string) string {
	sug := suggest(s, valid)
	if len(sug) == 0 {
		return ""
	}
	q := make([]string, len(sug))
	for i, w := range sug {
		q[i] = quote(w)
	}
	return "did you mean " + render.JoinWords(q, "or") + "?"
}

func quoted(s string) string     { return fmt.Sprintf("%q", s) }
func flagQuoted(s string) string { return "--" + s }

// resolveIDs returns ids with each id that is not one of valid replaced by
// the one valid id equal to it ignoring case, when there is exactly one.
// Other ids are kept as they are, for Check to report.
func resolveIDs(ids, valid []string) []string {
	if len(ids) == 0 {
		return ids
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if slices.Contains(valid, id) {
			continue
		}
		var match []string
		for _, v := range valid {
			if strings.EqualFold(v, id) {
				match = append(match, v)
			}
		}
		if len(match) == 1 {
			out[i] = match[0]
		}
	}
	return out
}

// datasetIDs returns the era, category and tag ids of d, each in the order
// of the dataset (tags sorted).
func datasetIDs(d *timeline.Dataset) (eras, categories, tags []string) {
	for _, e := range d.Eras {
		eras = append(eras, e.ID)
	}
	for _, c := range d.Categories {
		categories = append(categories, c.ID)
	}
	seen := map[string]bool{}
	for _, ev := range d.Events {
		for _, t := range ev.Tags {
			if !seen[t] {
				seen[t] = true
				tags = append(tags, t)
			}
		}
	}
	slices.Sort(tags)
	return eras, categories, tags
}

// resolve matches the era, category and tag ids of the flags to the ids of
// d ignoring case, where that is unambiguous.
func (o *options) resolve(d *timeline.Dataset) {
	eras, categories, tags := datasetIDs(d)
	o.eras = resolveIDs(o.eras, eras)
	o.categories = resolveIDs(o.categories, categories)
	o.tags = resolveIDs(o.tags, tags)
}

// unknownIDMessage is the usage message for an unknown era, category or
// tag: the flag, the id, the nearest valid ids and the valid ids.
func unknownIDMessage(ue *timeline.UnknownIDError) string {
	kinds := map[string]string{"era": "eras", "category": "categories", "tag": "tags"}
	msg := fmt.Sprintf("--%s: unknown %s %q", ue.Kind, ue.Kind, ue.ID)
	if dym := didYouMean(ue.ID, ue.Valid, quoted); dym != "" {
		msg += " (" + dym + ")"
	}
	if len(ue.Valid) == 0 {
		return msg + "; the dataset has no " + kinds[ue.Kind]
	}
	return msg + "; valid " + kinds[ue.Kind] + ": " + strings.Join(ue.Valid, ", ")
}

// unknownStatusMessage is the usage message for an unknown --status.
func unknownStatusMessage(s string) string {
	names := statusNames()
	msg := fmt.Sprintf("--status: unknown status %q", s)
	if dym := didYouMean(s, names, quoted); dym != "" {
		msg += " (" + dym + ")"
	}
	return msg + "; valid statuses: " + strings.Join(names, ", ")
}

// unknownCommandMessage is the message for an unknown command name.
func unknownCommandMessage(name string) string {
	msg := fmt.Sprintf("unknown command %q", name)
	if dym := didYouMean(name, commandNames(), quoted); dym != "" {
		msg += "; " + dym
	}
	return msg
}

// flagAliases are names other tools give to a flag of timeline, mapped
// to the flag: --text suggests --grep, which no typo of it is near. An
// alias is suggested only to a command that has its flag.
var flagAliases = map[string]string{
	"text":         "grep",
	"search":       "grep",
	"query":        "grep",
	"find":         "grep",
	"input":        "data",
	"file":         "data",
	"since":        "from",
	"start":        "from",
	"until":        "to",
	"end":          "to",
	"input-format": "format-in",
	"size":         "paper",
	"page-size":    "paper",
	"author":       "prepared-by",
	"port":         "addr",
	"listen":       "addr",
}

// flagError adds the nearest flags to pflag's error for an unknown flag:
// a flag the name is an alias of, or else the flags it is a likely typo
// of. A long name typed with one dash ("-era") is matched as a long
// name.
func flagError(fs *pflag.FlagSet, err error) error {
	msg := err.Error()
	var ne *pflag.NotExistError
	if !errors.As(err, &ne) {
		return &usageError{msg}
	}
	name := ne.GetSpecifiedName()
	if group := ne.GetSpecifiedShortnames(); group != "" {
		name, _, _ = strings.Cut(group, "=")
		if len(name) < 2 {
			return &usageError{msg}
		}
	}
	if f := fs.Lookup(flagAliases[strings.ToLower(name)]); f != nil && !f.Hidden {
		return &usageError{msg + "; did you mean " + flagQuoted(f.Name) + "?"}
	}
	var names []string
	fs.VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			names = append(names, f.Name)
		}
	})
	if dym := didYouMean(name, names, flagQuoted); dym != "" {
		msg += "; " + dym
	}
	return &usageError{msg}
}

// unknownHelpMessage is the message for "timeline help NAME" when NAME is
// neither a command nor a help topic.
func unknownHelpMessage(name string) string {
	msg := fmt.Sprintf("no command or help topic %q", name)
	if dym := didYouMean(name, helpNames(), quoted); dym != "" {
		msg += "; " + dym
	}
	return msg
}
