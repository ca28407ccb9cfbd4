package timeline

import (
	"strings"
	"testing"
)

// A date typed the spreadsheet way gets an error that shows the EDTF form
// to use; a date that is no date at all gets the parser's own message.
func TestSpreadsheetDateHint(t *testing.T) {
	for in, want := range map[string]string{
		"3/14/1948":      "EDTF writes year-month-day: 1948-03-14 for 14 March 1948",
		"14/3/1948":      "1948-03-14 for 14 March 1948",
		"14.03.1948":     "1948-03-14 for 14 March 1948",
		"3/4/1948":       "cannot be told apart; EDTF writes year-month-day: 1948-03-04 for 4 March 1948, or 1948-04-03 for 3 April 1948",
		"4/4/1948":       "1948-04-04 for 4 April 1948",
		"3/14/48":        "two-digit year",
		"1948/3/14":      "1948-03-14 for 14 March 1948",
		"1948-3-14":      "; EDTF writes year-month-day: 1948-03-14 for 14 March 1948 (at character 7)",
		"1948-3":         "month needs 2 digits, found 1; EDTF writes year-month-day: 1948-03 for March 1948",
		"1948-03-1":      "day needs 2 digits, found 1; EDTF writes year-month-day: 1948-03-01 for 1 March 1948",
		"Mar 1948":       "1948-03 for March 1948",
		"March 14, 1948": "1948-03-14 for 14 March 1948",
		"14 Mar 1948":    "1948-03-14 for 14 March 1948",
		"14-Mar-1948":    "1948-03-14 for 14 March 1948",
		"Sept. 1948":     "1948-09 for September 1948",
		"Feb 29, 1900":   "", // no such day: the parser's message
		"13/14/1948":     "",
		"Marchy 1948":    "",
		"1948-13":        "",
		"May":            "",
	} {
		_, err := ParseDate(in)
		if err == nil {
			t.Errorf("ParseDate(%q) succeeded", in)
			continue
		}
		got := err.Error()
		if want == "" {
			if strings.Contains(got, "EDTF writes") || strings.Contains(got, "spreadsheet") {
				t.Errorf("ParseDate(%q) = %q, a hint for no date", in, got)
			}
			continue
		}
		if !strings.Contains(got, want) || !strings.HasPrefix(got, `"`+in+`"`) {
			t.Errorf("ParseDate(%q) = %q, want it to contain %q", in, got, want)
		}
	}
	// EDTF still parses, with no hint in the way.
	for _, ok := range []string{"1948-03-14", "1948-03", "1948", "-0044", "1973/1976"} {
		if _, err := ParseDate(ok); err != nil {
			t.Errorf("ParseDate(%q): %v", ok, err)
		}
	}
}
