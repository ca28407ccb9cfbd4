package timelinejs

import (
	"strconv"
	"strings"

	"github.com/timeline-tool/timeline/timeline/internal/input"
)

// place is a line and column of the input; the zero place is unknown.
type place = input.Place

// The values of a slide whose places a read keeps, as indices of
// slideIn.at, so that the problems timeline.Dataset.Validate finds in the
// dataset can name where the values they concern came from.
const (
	atSlide    = iota // the slide object, or the sheet row
	atStart           // start_date, or the Year cell
	atDisplay         // display_date, or the Display Date cell
	atHeadline        // text.headline, or the Headline cell
	atText            // text.text, or the Text cell
	atGroup           // group, or the Group cell
	atUniqueID        // unique_id (JSON only)
	atCredit          // media.credit, or the Media Credit cell
	atMedia           // media.url, or the Media cell
	nAt
)

// placed is where an event or era of the dataset came from: the places of
// its slide's values, and which of them its title (an era's label), id and
// display label were made from.
type placed struct {
	at                 [nAt]place
	title, id, display uint8   // indices of at; nAt when made from none
	cited              []uint8 // for each source an event cites, the index of the value citing it
}

// eraPlaced returns where an era made from slide s came from: its label
// and id from the headline when there is one.
func eraPlaced(s *slideIn) placed {
	p := placed{at: s.at, title: nAt, id: nAt, display: nAt}
	if plain(s.headline.s) != "" {
		p.title, p.id = atHeadline, atHeadline
	}
	return p
}

// eventPlaced returns where an event made from slide s came from: its
// title from the headline or else the text, its id from the unique_id or
// else where the title came from, its display label from display_date or
// else the start date, and its sources from cited.
func eventPlaced(s *slideIn, head, body htmlText, cited []uint8) placed {
	p := placed{at: s.at, title: nAt, id: nAt, display: atStart, cited: cited}
	switch {
	case head.text != "":
		p.title = atHeadline
	case body.text != "":
		p.title = atText
	}
	p.id = p.title
	if plain(s.uniqueID.s) != "" {
		p.id = atUniqueID
	}
	if s.display.set {
		p.display = atDisplay
	}
	return p
}

// slot returns the index of at that holds the value a field of an event
// (or, when era is true, of an era) of the dataset was made from, or nAt
// when there is none: "title" the headline, "era" (placed by the date)
// the start date, "sources[1]" the value citing the second source.
func (p *placed) slot(field string, era bool) uint8 {
	if era {
		switch field {
		case "id", "label":
			return p.title
		case "span":
			return atStart
		}
		return nAt
	}
	switch field {
	case "id":
		return p.id
	case "title":
		return p.title
	case "display":
		return p.display
	case "date", "era":
		return atStart
	case "summary", "status", "attribution":
		return atText
	case "category":
		return atGroup
	case "media", "media.url", "media.quote", "media.kind":
		return atMedia
	case "media.credit":
		return atCredit
	}
	if rest, ok := strings.CutPrefix(field, "sources["); ok {
		if j, err := strconv.Atoi(strings.TrimSuffix(rest, "]")); err == nil && j >= 0 && j < len(p.cited) {
			return p.cited[j]
		}
	}
	return nAt
}

// positions records where the values of a dataset read came from. Its
// position method places the problems timeline.Dataset.Validate finds.
type positions struct {
	title, subtitle     place    // the title slide's headline and text
	eras, events        []placed // in the order of the dataset's lists
	categories, sources []place  // the group, link or credit each was first made from
}

// position returns the line and column of the value a path of the
// dataset read was made from ("events[3].category" the group,
// "events[3]" the slide, "title" the title slide's headline), or 0, 0
// for a path with none of its own (such as "events[3].tags"), which
// timeline.Dataset.Validate then places at its enclosing path.
func (p *positions) position(path string) (line, col int) {
	var at place
	switch path {
	case "title":
		at = p.title
	case "subtitle":
		at = p.subtitle
	default:
		list, n, field, ok := input.SplitPath(path)
		switch {
		case !ok:
		case list == "categories" && field == "" && n < len(p.categories):
			at = p.categories[n]
		case list == "sources" && field == "" && n < len(p.sources):
			at = p.sources[n]
		case list == "eras" && n < len(p.eras):
			at = p.eras[n].place(field, true)
		case list == "events" && n < len(p.events):
			at = p.events[n].place(field, false)
		}
	}
	return int(at.Line), int(at.Col)
}

// place returns the place of the slide of an event (or, when era is
// true, of an era) for the field "", else that of the value the field was
// made from; the zero place when there is none.
func (p *placed) place(field string, era bool) place {
	k := uint8(atSlide)
	if field != "" {
		if k = p.slot(field, era); k == nAt {
			return place{}
		}
	}
	return p.at[k]
}
