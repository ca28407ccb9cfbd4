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
	data := mediaData(t)
	out := filepath.Join(filepath.Dir(data), "p.html")
	code, _, stderr := runCLI(t, "", "html", "--assets", "echarts.min.js", "--data", data, "-o", out)
	page, _ := os.ReadFile(out)
	if code != 0 || !strings.Contains(stderr, `d.json: warning: event "c": picture img/missing.png not shown`) {
		t.Fatalf("html: exit %d, %s", code, stderr)
	}
	checkMediaPage(t, "html", page, false)
	code, _, _ = runCLI(t, "", "html", "--assets", "echarts.min.js", "--data", data, "--remote-media", "-o", out)
	page, _ = os.ReadFile(out)
	if code != 0 {
		t.Errorf("html --remote-media: exit %d", code)
	}
	checkMediaPage(t, "html --remote-media", page, true)
	os.WriteFile(data, []byte(`{"title":"T","events":[{"id":"a","date":"2000","title":"A","media":{"url":"../x.png"}}]}`), 0o644)
	code, _, stderr = runCLI(t, "", "validate", "--data", data)
	if code != 1 || !strings.Contains(stderr, `d.json:1:75: events[0].media.url: url "../x.png" is neither`) {
		t.Errorf("validate: exit %d, %s", code, stderr)
	}
}

// mediaData writes a dataset whose events have a picture beside it, a
// picture at a web address and a missing picture, and returns its path.
func mediaData(t *testing.T) string {
	t.Helper()
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
	return data
}

// checkMediaPage checks a page of mediaData: the local picture embedded;
// the remote one loaded, its site named and let in by the policy, with
// remote (--remote-media), and otherwise neither.
func checkMediaPage(t *testing.T, what string, page []byte, remote bool) {
	t.Helper()
	if !bytes.Contains(page, []byte(`<img src="data:image/png;base64,`)) {
		t.Errorf("%s: the local picture is not embedded", what)
	}
	loaded := bytes.Contains(page, []byte(`<img src="https://pics.example.org/b.jpg"`))
	allowed := bytes.Contains(page, []byte("img-src data: https://pics.example.org;"))
	named := bytes.Contains(page, []byte("loads pictures from https://pics.example.org"))
	if loaded != remote || allowed != remote || named != remote {
		t.Errorf("%s: the remote picture loaded %v, let in by the policy %v, its site named %v; want %v", what, loaded, allowed, named, remote)
	}
	if !remote && !bytes.Contains(page, []byte("img-src data:;")) {
		t.Errorf("%s: the policy lets in pictures from elsewhere", what)
	}
}
