package timeline

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline/internal/input"
)

func TestSafeMediaURL(t *testing.T) {
	for _, tt := range []struct {
		in   string
		safe bool
		path string // LocalMediaPath, "" when not local
	}{
		{"https://example.org/a.jpg", true, ""},
		{"HTTP://example.org/a.jpg", true, ""},
		{"img/a.png", true, "img/a.png"},
		{"a.png", true, "a.png"},
		{"./img//a.png", true, "img/a.png"},
		{"img/my%20photo.jpg", true, "img/my photo.jpg"},
		{"my photo.jpg", true, "my photo.jpg"},
		{"a.png?v=2#top", true, "a.png"},
		{"", false, ""},
		{"javascript:alert(1)", false, ""},
		{"JaVaScRiPt:alert(1)", false, ""},
		{"data:image/png;base64,AAAA", false, ""},
		{"file:///etc/passwd", false, ""},
		{"c:/photos/a.jpg", false, ""},
		{"/etc/passwd", false, ""},
		{"//example.org/a.jpg", false, ""},
		{"\\\\server\\share\\a.jpg", false, ""},
		{"../a.png", false, ""},
		{"img/../../a.png", false, ""},
		{"img/%2e%2e/%2e%2e/a.png", false, ""},
		{"a%00.png", false, ""},
		{"a\n.png", false, ""},
		{"a\".png", false, ""},
		{".", false, ""},
		{"https://", false, ""},
		{"https://example.org/" + strings.Repeat("a", MaxURL), false, ""},
	} {
		if got := SafeMediaURL(tt.in); got != tt.safe {
			t.Errorf("SafeMediaURL(%q) = %v, want %v", tt.in, got, tt.safe)
		}
		p, ok := LocalMediaPath(tt.in)
		if ok != (tt.path != "") || p != tt.path {
			t.Errorf("LocalMediaPath(%q) = %q, %v, want %q", tt.in, p, ok, tt.path)
		}
	}
}

func TestMediaKindOf(t *testing.T) {
	for _, tt := range []struct {
		url  string
		want MediaKind
	}{
		{"https://example.org/a.JPG", MediaImage},
		{"img/a.png?v=1", MediaImage},
		{"https://www.flickr.com/photos/x/1", MediaImage},
		{"https://commons.wikimedia.org/wiki/File:Bridge.jpg", MediaImage},
		{"https://www.youtube.com/watch?v=abc", MediaVideo},
		{"https://youtu.be/abc", MediaVideo},
		{"https://vimeo.com/1", MediaVideo},
		{"https://example.org/clip.mp4", MediaVideo},
		{"https://soundcloud.com/x/y", MediaAudio},
		{"https://open.spotify.com/track/1", MediaAudio},
		{"https://example.org/a.mp3", MediaAudio},
		{"https://www.google.com/maps/@51.5,-0.1,12z", MediaMap},
		{"https://example.org/report.pdf", MediaDocument},
		{"https://www.documentcloud.org/documents/1-x.html", MediaDocument},
		{"https://en.wikipedia.org/wiki/Bridge", MediaOther},
		{"https://twitter.com/x/status/1", MediaOther},
		{"https://example.org/page", MediaOther},
	} {
		if got := MediaKindOf(tt.url); got != tt.want {
			t.Errorf("MediaKindOf(%q) = %q, want %q", tt.url, got, tt.want)
		}
	}
	if k := (&Media{Quote: "words"}).KindOf(); k != MediaQuote {
		t.Errorf("KindOf of words without an address = %q, want quote", k)
	}
	if k := (&Media{URL: "a.png", Kind: MediaDocument}).KindOf(); k != MediaDocument {
		t.Errorf("KindOf with a kind given = %q, want document", k)
	}
}

// TestSchemaMedia checks that the schema knows the media's fields and
// kinds, and that its url pattern refuses what SafeMediaURL refuses by
// its form.
func TestSchemaMedia(t *testing.T) {
	b, err := os.ReadFile("dataset.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Defs struct {
			Media struct {
				Properties struct {
					URL  struct{ Pattern string } `json:"url"`
					Kind struct{ Enum []string }  `json:"kind"`
				} `json:"properties"`
			} `json:"media"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(schema.Defs.Media.Properties.Kind.Enum, ","), input.List(MediaKinds); got != strings.ReplaceAll(want, ", ", ",") {
		t.Errorf("schema media kinds %s, model %s", got, want)
	}
	re := regexp.MustCompile(schema.Defs.Media.Properties.URL.Pattern)
	for _, u := range []string{"https://example.org/a.jpg", "img/a.png", "a.png", "my photo.jpg"} {
		if !re.MatchString(u) {
			t.Errorf("schema refuses media url %q", u)
		}
	}
	for _, u := range []string{"javascript:alert(1)", "data:x", "/etc/passwd", "//example.org/a", "c:/x"} {
		if re.MatchString(u) {
			t.Errorf("schema accepts media url %q", u)
		}
	}
}

func FuzzLocalMediaPath(f *testing.F) {
	for _, s := range []string{"img/a.png", "../a", "a%2f..%2f..%2fb", "javascript:x", "a/./b//c", "%zz", "a?b:c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		p, ok := LocalMediaPath(u)
		if !ok {
			return
		}
		if strings.HasPrefix(p, "/") || p == ".." || strings.HasPrefix(p, "../") || strings.Contains(p, "/../") || strings.HasSuffix(p, "/..") {
			t.Errorf("LocalMediaPath(%q) = %q, outside the dataset's folder", u, p)
		}
		if i := strings.IndexAny(u, ":/?#"); i >= 0 && u[i] == ':' {
			t.Errorf("LocalMediaPath(%q) accepted a scheme", u)
		}
		if strings.ContainsAny(p, "\x00\\") {
			t.Errorf("LocalMediaPath(%q) = %q", u, p)
		}
	})
}
