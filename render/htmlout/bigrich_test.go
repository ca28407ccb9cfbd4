package htmlout

import (
	"testing"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// TestBigPageRichText: on a big page, whose rows the script draws, an
// event's summary with links or emphasis comes as its HTML (rt), escaped
// and with only web links, besides its plain text for search; a plain
// summary adds nothing.
func TestBigPageRichText(t *testing.T) {
	d := rendertest.Realistic(1000)
	d.Events[0].Summary = `A *first* look at [the <report>](https://example.org/r?a=1&b=2) and [a file](docs/x.pdf).`
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	if !isBig(v) {
		t.Fatal("not a big page")
	}
	page := string(write(t, v, Options{Assets: goldenAssets}))
	pd := pageText(t, page)
	k := -1
	for n, e := range v.Events {
		if e.ID == d.Events[0].ID {
			k = n
		}
	}
	want := `A <em>first</em> look at <a href="https://example.org/r?a=1&amp;b=2" rel="noopener noreferrer">the &lt;report&gt;</a> and a file.`
	if len(pd.Rich) != 1 || pd.Rich[k] != want {
		t.Errorf("rich summaries %v, want {%d: %q}", pd.Rich, k, want)
	}
	if got := pd.Text[textFields*k+3]; got != "A first look at the <report> and a file." {
		t.Errorf("plain text %q", got)
	}
}
