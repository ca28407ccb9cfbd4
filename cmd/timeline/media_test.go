package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMediaCommands renders a dataset with a local picture beside it
// and a remote one: the page embeds the first and links the second; with
// --remote-media it loads the second, names its site and lets in no
// other; a picture outside the dataset's folder is refused by validate.
func TestMediaCommands(t *testing.T) {
	dir := t.TempDir()
	var pic bytes.Buffer
	png.Encode(&pic, image.NewGray(image.Rect(0, 0, 6, 4)))
	os.MkdirAll(filepath.Join(dir, "img"), 0o755)
	os.WriteFile(filepath.Join(dir, "img", "a.png"), pic.Bytes(), 0o644)
	data := filepath.Join(dir, "d.json")
	os.WriteFile(data, []byte(`{"title":"T","events":[
{"id":"a","date":"2000","title":"A","media":{"url":"img/a.png","credit":"Me"}},
{"id":"b","date":"2001","title":"B","media":{"url":"https://pics.example.org/b.jpg"}},
{"id":"c","date":"2002","title":"C","media":{"url":"img/missing.png"}}]}`), 0o644)
	out := filepath.Join(dir, "p.html")
	code, _, stderr := runCLI(t, "", "html", "--assets", "echarts.min.js", "--data", data, "-o", out)
	page, _ := os.ReadFile(out)
	if code != 0 || !strings.Contains(stderr, `d.json: warning: event "c": picture img/missing.png not shown`) {
		t.Fatalf("html: exit %d, %s", code, stderr)
	}
	if !bytes.Contains(page, []byte(`<img src="data:image/png;base64,`)) || bytes.Contains(page, []byte(`<img src="https`)) || !bytes.Contains(page, []byte("img-src data:;")) {
		t.Errorf("page without --remote-media: local picture not embedded, or a remote one loaded")
	}
	code, _, _ = runCLI(t, "", "html", "--assets", "echarts.min.js", "--data", data, "--remote-media", "-o", out)
	page, _ = os.ReadFile(out)
	if code != 0 || !bytes.Contains(page, []byte(`<img src="https://pics.example.org/b.jpg"`)) || !bytes.Contains(page, []byte("img-src data: https://pics.example.org;")) ||
		!bytes.Contains(page, []byte("loads pictures from https://pics.example.org")) {
		t.Errorf("page with --remote-media: exit %d", code)
	}
	os.WriteFile(data, []byte(`{"title":"T","events":[{"id":"a","date":"2000","title":"A","media":{"url":"../x.png"}}]}`), 0o644)
	code, _, stderr = runCLI(t, "", "validate", "--data", data)
	if code != 1 || !strings.Contains(stderr, `d.json:1:75: events[0].media.url: url "../x.png" is neither`) {
		t.Errorf("validate: exit %d, %s", code, stderr)
	}
}
