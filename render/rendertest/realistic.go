package rendertest

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/timeline-tool/timeline/timeline"
)

// RealisticJSON returns a dataset of n events shaped like users' large
// datasets, the one the benchmarks use: each event cites one source of
// its own and one or two shared ones (so about 1.3 sources per event:
// n of their own and 3n/10, at least 40 or n, shared), has a summary of about
// 40 words and a title of 5 to 12 words, and has a date of one of every
// kind (day, month, year, decade, century, approximate, uncertain, a span,
// an open span, a one-of set). There are 8 eras, 7 categories and every
// status. The same n gives the same bytes.
func RealisticJSON(n int) []byte {
	var b strings.Builder
	b.Grow(n * 700)
	shared := max(1, min(n, max(40, 3*n/10)))
	r := xorshift(88172645)
	b.WriteString(`{"title":"A realistic large timeline","subtitle":"Generated for benchmarks: sources of their own, long summaries, every kind of date","document":"doc","eras":[`)
	for i := range 8 {
		if i > 0 {
			b.WriteByte(',')
		}
		lo, hi := 1800+i*28, 1800+i*28+27
		if i == 7 {
			hi = 2025
		}
		fmt.Fprintf(&b, `{"id":"era%d","label":"The %s years","span":"%d/%d"}`, i, words[(i*37)%len(words)], lo, hi)
	}
	b.WriteString(`],"categories":[`)
	for i := range 7 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"cat%d","label":"%s and %s"}`, i, title(words[(i*11+3)%len(words)]), words[(i*13+5)%len(words)])
	}
	b.WriteString(`],"sources":[{"id":"doc","kind":"government","author":"Research Service","title":"The report the events come from","publisher":"A Publisher","date":"2025-02-25"}`)
	for k := range shared {
		realisticSource(&b, &r, "sh"+strconv.Itoa(k), k)
	}
	for k := range n {
		realisticSource(&b, &r, "own"+strconv.Itoa(k), shared+k)
	}
	b.WriteString(`],"events":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		realisticEvent(&b, &r, i, shared)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// realisticSource writes, after a comma, a press source with the id and
// the k-th URL.
func realisticSource(b *strings.Builder, r *xorshift, id string, k int) {
	fmt.Fprintf(b, `,{"id":%q,"kind":"press","author":"%s %s","title":%q,"publisher":"The %s %s","date":"%d-%02d-%02d","url":"https://example.org/%s/%d"}`,
		id, title(words[r.n(len(words))]), title(words[r.n(len(words))]), title(phrase(r, 4+r.n(8))),
		title(words[r.n(len(words))]), title(words[r.n(len(words))]), 1950+r.n(75), 1+r.n(12), 1+r.n(28), words[r.n(len(words))], k)
}

// realisticEvent writes event i, which cites its own source and one or
// two of the shared ones.
func realisticEvent(b *strings.Builder, r *xorshift, i, shared int) {
	date, start := realisticDate(r, i)
	st := timeline.Statuses[r.n(len(timeline.Statuses))]
	if r.n(3) > 0 {
		st = timeline.StatusEstablished
	}
	attr := ""
	if st != timeline.StatusEstablished {
		attr = fmt.Sprintf(`,"status":%q,"attribution":"the %s %s"`, st, words[r.n(len(words))], words[r.n(len(words))])
	}
	sh := i // every shared source is cited
	if i >= shared {
		sh = r.n(shared)
	}
	srcs := fmt.Sprintf(`"own%d","sh%d"`, i, sh)
	if r.n(2) == 0 {
		srcs += fmt.Sprintf(`,"sh%d"`, r.n(shared))
	}
	era := min((start-1800)/28, 7)
	fmt.Fprintf(b, `{"id":"e%d","date":%q,"title":%q,"summary":%q,"era":"era%d","category":"cat%d"%s,"sources":[%s]}`,
		i, date, title(phrase(r, 5+r.n(8))), title(phrase(r, 34+r.n(13)))+".", era, r.n(7), attr, srcs)
}

// realisticDate returns the date of event i, of the i-th kind in turn,
// and the first year it can mean.
func realisticDate(r *xorshift, i int) (date string, start int) {
	day := r.n(225 * 365)
	y, m, d := 1800+day/365, 1+day%365/31, 1+day%28
	start = y
	kind := i % 12
	if y >= 2000 && kind <= 1 {
		kind = 2 // no decade or century running past the present
	}
	switch kind {
	case 0:
		return fmt.Sprintf("%03dX", y/10), y / 10 * 10
	case 1:
		return fmt.Sprintf("%02dXX", y/100), y / 100 * 100
	case 2, 3:
		return strconv.Itoa(y), start
	case 4:
		return fmt.Sprintf("%04d-%02d", y, m), start
	case 5:
		return fmt.Sprintf("%04d~", y), start
	case 6:
		return fmt.Sprintf("%04d-%02d-%02d?", y, m, d), start
	case 7:
		return fmt.Sprintf("%04d/%04d", y, min(y+1+r.n(12), 2025)), start
	case 8:
		return fmt.Sprintf("%04d-%02d/..", y, m), start
	case 9:
		return fmt.Sprintf("[%04d..%04d]", y, min(y+1+r.n(3), 2025)), start
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), start
}

// Realistic returns RealisticJSON(n), loaded.
func Realistic(n int) *timeline.Dataset {
	d, _, err := timeline.Load(fmt.Sprintf("realistic-%d.json", n), RealisticJSON(n))
	if err != nil {
		panic("rendertest: realistic dataset is invalid: " + err.Error())
	}
	return d
}

// xorshift is a deterministic random source without global state.
type xorshift uint32

func (x *xorshift) n(k int) int {
	*x ^= *x << 13
	*x ^= *x >> 17
	*x ^= *x << 5
	return int(uint32(*x) % uint32(k))
}

func phrase(r *xorshift, k int) string {
	w := make([]string, k)
	for i := range w {
		w[i] = words[r.n(len(words))]
	}
	return strings.Join(w, " ")
}

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// words are the vocabulary of the generated text: common English words of
// every length, so that text wraps as real text does.
var words = strings.Fields(`the of and to in a is that for it as was with be by on not he this are or his from at which
but have an they you were her she there been one all we their has would when if so no will more out up who them some
could other into its then two may only most over such also new these any time very first after where those through
being much before must between under never another while last many same three since against without during both each
government council ministry court tribunal election campaign agreement treaty parliament committee organization members
leaders opposition report statement declaration conference delegation embassy refugees prisoners camp border province
capital region village district movement faction alliance coalition congress senate assembly resolution sanctions
designation listing hearing judgment appeal investigation inquiry testimony evidence witnesses documents archive letter
announced reported claimed denied alleged disputed confirmed rejected accepted signed ratified withdrew returned arrested
released transferred relocated attacked bombed protested demonstrated negotiated mediated funded supported opposed`)
