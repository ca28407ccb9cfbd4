package timelinejs

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

// TestMediaRoundTrip writes media of every kind as TimelineJS JSON and
// as a sheet, reads them back and finds the same media: address, quote,
// caption, credit, thumbnail, alt text, and the same kind; credits never
// become sources.
func TestMediaRoundTrip(t *testing.T) {
	data, err := os.ReadFile("../testdata/media.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := timeline.Decode("media.json", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer, *timeline.Dataset) error
		read  func(string, []byte) (*timeline.Dataset, []string, error)
	}{
		{"json", func(b *bytes.Buffer, d *timeline.Dataset) error { return Write(b, d) }, ReadJSON},
		{"csv", func(b *bytes.Buffer, d *timeline.Dataset) error { return WriteCSV(b, d, CSVOptions{}) }, ReadCSV},
	} {
		var b bytes.Buffer
		if err := f.write(&b, d); err != nil {
			t.Fatal(err)
		}
		back, notes, err := f.read("back."+f.name, b.Bytes())
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		for _, n := range notes {
			if strings.Contains(n, "media") {
				t.Errorf("%s: note %q", f.name, n)
			}
		}
		if len(back.Events) != len(d.Events) {
			t.Fatalf("%s: %d events, want %d", f.name, len(back.Events), len(d.Events))
		}
		for i, e := range d.Events {
			got, want := back.Events[i].Media, *e.Media
			if got == nil {
				t.Errorf("%s: %s: media lost", f.name, e.ID)
				continue
			}
			if got.KindOf() != want.KindOf() {
				t.Errorf("%s: %s: kind %q, want %q", f.name, e.ID, got.KindOf(), want.KindOf())
			}
			g := *got
			g.Kind, want.Kind = "", ""
			if g != want {
				t.Errorf("%s: %s: media %+v, want %+v", f.name, e.ID, g, want)
			}
		}
		if len(back.Sources) != len(d.Sources) {
			t.Errorf("%s: %d sources, want %d (a credit is no source)", f.name, len(back.Sources), len(d.Sources))
		}
		if ps := back.Validate(); len(ps.Errors()) > 0 {
			t.Errorf("%s: %v", f.name, ps.Errors())
		}
	}
	if l := Lost(d); strings.Contains(l, "media") {
		t.Errorf("Lost lists media whose kinds the addresses tell: %s", l)
	}
	d.Events[0].Media.Kind = timeline.MediaDocument
	if l := Lost(d); !strings.Contains(l, "media kinds other than the address tells (1 event)") {
		t.Errorf("Lost does not list a kind the address does not tell: %s", l)
	}
}

// TestMediaRead reads the media TimelineJS files hold that timeline does
// not keep as they are: a quote, a tweet, an iframe, unsafe addresses.
func TestMediaRead(t *testing.T) {
	const in = `{"title":{"text":{"headline":"M"}},"events":[
 {"start_date":{"year":2000},"text":{"headline":"quote"},"media":{"url":"<blockquote>&ldquo;Ask not&rdquo;<br>what</blockquote>","credit":"<b>JFK</b>"}},
 {"start_date":{"year":2001},"text":{"headline":"tweet"},"media":{"url":"<blockquote class=\"twitter-tweet\"><p>Hello</p>&mdash; x</blockquote><script src=\"x\"></script>"}},
 {"start_date":{"year":2002},"text":{"headline":"iframe"},"media":{"url":"<iframe src=\"https://example.org\"></iframe>"}},
 {"start_date":{"year":2003},"text":{"headline":"script"},"media":{"url":"javascript:alert(1)","credit":"AP"}},
 {"start_date":{"year":2004},"text":{"headline":"thumb"},"media":{"url":"a.png","thumbnail":"data:image/png;base64,AA","title":"T","link":"https://example.org"}},
 {"start_date":{"year":2005},"text":{"headline":"credit alone"},"media":{"credit":"AP"}}
]}`
	d, notes, err := ReadJSON("m.json", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []*timeline.Media{
		{Quote: "“Ask not”\nwhat", Credit: "JFK"},
		{Quote: "Hello\n— x"},
		nil,
		nil,
		{URL: "a.png"},
		nil,
	}
	for i, e := range d.Events {
		switch got := e.Media; {
		case got == nil && want[i] == nil:
		case got == nil || want[i] == nil || *got != *want[i]:
			t.Errorf("%s: media %+v, want %+v", e.Title, got, want[i])
		}
	}
	if len(d.Sources) != 0 {
		t.Errorf("sources %v: a credit is no source", d.Sources[0])
	}
	all := strings.Join(notes, "\n")
	for _, n := range []string{
		"dropped embedded posts (such as tweets) (once)",
		"dropped media given as HTML (iframes and other embeds) (once)",
		"dropped media whose address is neither http(s) nor a relative path (once)",
		"dropped thumbnails whose address is neither http(s) nor a relative path (once)",
		"dropped media titles and links (once)",
		"dropped media without an address (once)",
	} {
		if !strings.Contains(all, n) {
			t.Errorf("notes lack %q:\n%s", n, all)
		}
	}
}

// TestRoundTripTestTimelines reads the test timelines of
// testdata/roundtrip (TimelineJS files using media of every kind, eras,
// groups, times of day), takes them through our JSON and back to
// TimelineJS JSON and to a sheet, and finds the same dataset each time.
// TestTimelineJS3 loads them in the real TimelineJS.
func TestRoundTripTestTimelines(t *testing.T) {
	files, _ := filepath.Glob("testdata/roundtrip/*.json")
	if len(files) == 0 {
		t.Fatal("no testdata/roundtrip/*.json")
	}
	enc := func(d *timeline.Dataset) string {
		var b bytes.Buffer
		if err := timeline.Encode(&b, d); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d1, notes, err := ReadJSON(f, data)
		if err != nil {
			t.Fatal(err)
		}
		if len(notes) > 0 {
			t.Errorf("%s: notes %q", f, notes)
		}
		if ps := d1.Validate(); len(ps) > 0 {
			t.Errorf("%s: %v", f, ps)
		}
		d2, err := timeline.Decode("ours.json", []byte(enc(d1)))
		if err != nil {
			t.Fatal(err)
		}
		var js, sheet bytes.Buffer
		if err := Write(&js, d2); err != nil {
			t.Fatal(err)
		}
		d3, _, err := ReadJSON("again.json", js.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if a, b := enc(d1), enc(d3); a != b {
			t.Errorf("%s: TimelineJS → ours → TimelineJS changes the dataset:\n%s\nwas\n%s", f, b, a)
		}
		if err := WriteCSV(&sheet, d2, CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		d4, _, err := ReadCSV("again.csv", sheet.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range d4.Events {
			e.ID = d1.Events[i].ID // a sheet has no unique_id
		}
		if a, b := enc(d1), enc(d4); a != b {
			t.Errorf("%s: TimelineJS → ours → sheet changes the dataset:\n%s\nwas\n%s", f, b, a)
		}
	}
}
