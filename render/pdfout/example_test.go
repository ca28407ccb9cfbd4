package pdfout_test

import (
	"errors"
	"fmt"
	"io"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/pdfout"
	"github.com/timeline-tool/timeline/timeline"
)

// Check names each character the fonts cannot draw, and the event that
// holds it; Write refuses such a view unless told to substitute.
func ExampleCheck() {
	d, _, err := timeline.Load("party.json", []byte(`{
		"title": "Launch",
		"sources": [{"id": "s", "title": "Minutes"}],
		"events": [
			{"id": "launch", "date": "2024-05-01", "title": "Launch party 🎉", "sources": ["s"]},
			{"id": "press", "date": "2024-05", "title": "Press: “a café in Zürich”", "sources": ["s"]}
		]}`))
	if err != nil {
		panic(err)
	}
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "v1"})
	for _, m := range pdfout.Check(v, nil) {
		fmt.Println(m)
	}
	// Drawn as a placeholder, or an error with StrictGlyphs.
	fmt.Println(pdfout.Write(io.Discard, v, pdfout.Options{}))
	err = pdfout.Write(io.Discard, v, pdfout.Options{StrictGlyphs: true})
	var ue *pdfout.UnsupportedError
	fmt.Println(errors.As(err, &ue))
	// Output:
	// U+1F389 "🎉" in event "launch"
	// <nil>
	// true
}
