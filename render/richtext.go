package render

import "github.com/timeline-tool/timeline/timeline"

// TextSpans returns the spans of rich text s (timeline.ParseText) as the
// page and the PDF show them: links to web addresses only. A link to a
// file beside the dataset is shown as its text, as media files are that
// the outputs cannot reach (they are read far from the dataset's folder);
// the exports keep it.
func TextSpans(s string) []timeline.Span {
	spans := timeline.ParseText(s)
	for i := range spans {
		if spans[i].Link != "" && !timeline.SafeURL(spans[i].Link) {
			spans[i].Link = ""
		}
	}
	return spans
}
