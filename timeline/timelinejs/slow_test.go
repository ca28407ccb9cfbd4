package timelinejs

import (
	"strings"
	"testing"
	"time"
)

// TestPlainTextLinear guards against markup that made plainText
// quadratic: 100,000 "<style></style>" took 90 s when each raw-text
// element lowered the rest of the text to find its end tag. Every input
// here takes milliseconds; the bound is generous for slow machines.
func TestPlainTextLinear(t *testing.T) {
	for name, in := range map[string]string{
		"style tags":   strings.Repeat("<style></style>", 100000),
		"script tags":  strings.Repeat("<SCRIPT>x</script >", 100000),
		"open tags":    strings.Repeat("<a ", 100000),
		"comments":     strings.Repeat("<!-- ", 100000),
		"quotes":       strings.Repeat(`<a href="`, 100000),
		"lt":           strings.Repeat("<", 1000000),
		"end tags":     strings.Repeat("</", 1000000),
		"links":        strings.Repeat(`<a href="https://e.org/x">y</a>`, 50000),
		"sources list": `<ol class="timeline-sources">` + strings.Repeat(`<li>x`, 100000),
		"nested skip":  `<div class="timeline-status">` + strings.Repeat(`<div>`, 100000),
	} {
		start := time.Now()
		plainText(in)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: %v", name, d)
		}
	}
}
