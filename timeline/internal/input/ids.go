package input

import (
	"strconv"
	"strings"
	"unicode"
)

// Slug makes an id from s: lower case, letters and digits kept, every
// other run of characters one hyphen, apostrophes dropped, at most 60
// characters. It returns "" for a text without letters or digits.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	n := 0
	for _, r := range strings.ToLower(s) {
		if n >= 60 {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
				n++
			}
			dash = false
			b.WriteRune(r)
			n++
			continue
		}
		if r == '\'' || r == '’' {
			continue
		}
		dash = true
	}
	return b.String()
}

// IDs hands out unique ids.
type IDs struct {
	used map[string]bool
	next map[string]int // the next suffix to try for a wanted id
}

// NewIDs returns an IDs that never hands out the reserved ids.
func NewIDs(reserved ...string) *IDs {
	u := &IDs{used: map[string]bool{}, next: map[string]int{}}
	for _, id := range reserved {
		u.used[id] = true
	}
	return u
}

// Taken reports whether id has been handed out or reserved.
func (u *IDs) Taken(id string) bool { return u.used[id] }

// Reserve makes id one that Unique never hands out.
func (u *IDs) Reserve(id string) { u.used[id] = true }

// Unique returns want, or want with "-2", "-3", … appended, whichever is
// not yet taken, and takes it. An empty want gives fallback. It takes
// amortised constant time however often the same id is wanted.
func (u *IDs) Unique(want, fallback string) string {
	if want == "" {
		want = fallback
	}
	id := want
	if u.used[id] {
		i := max(u.next[want], 2)
		for id = want + "-" + strconv.Itoa(i); u.used[id]; id = want + "-" + strconv.Itoa(i) {
			i++
		}
		u.next[want] = i + 1
	}
	u.used[id] = true
	return id
}
