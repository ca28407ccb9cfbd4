package timeline

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// parseTests are valid EDTF strings and what they mean. str is the String
// of the parsed date when it differs from in; first and last are Day
// strings ("-inf" and "+inf" for open ends).
var parseTests = []struct {
	in, str      string
	prec         Precision
	first, last  string
	label        string
	qual         Qualifier
	interval     bool
	oneOf        bool
	openEnd      bool
	startK, endK Bound
}{
	// Level 0: year, month, day.
	{in: "1985", prec: PrecisionYear, first: "1985-01-01", last: "1985-12-31", label: "1985"},
	{in: "1985-04", prec: PrecisionMonth, first: "1985-04-01", last: "1985-04-30", label: "Apr 1985"},
	{in: "1997-10", prec: PrecisionMonth, first: "1997-10-01", last: "1997-10-31", label: "Oct 1997"},
	{in: "1985-04-12", prec: PrecisionDay, first: "1985-04-12", last: "1985-04-12", label: "12 Apr 1985"},
	{in: "2012-09-28", prec: PrecisionDay, first: "2012-09-28", last: "2012-09-28", label: "28 Sep 2012"},
	{in: "2000-02", prec: PrecisionMonth, first: "2000-02-01", last: "2000-02-29", label: "Feb 2000"},
	{in: "1900-02", prec: PrecisionMonth, first: "1900-02-01", last: "1900-02-28", label: "Feb 1900"},
	{in: "2000-02-29", prec: PrecisionDay, first: "2000-02-29", last: "2000-02-29", label: "29 Feb 2000"},
	{in: "1600-02-29", prec: PrecisionDay, first: "1600-02-29", last: "1600-02-29", label: "29 Feb 1600"},
	{in: "2004-02-29", prec: PrecisionDay, first: "2004-02-29", last: "2004-02-29", label: "29 Feb 2004"},
	{in: "1985-12-31", prec: PrecisionDay, first: "1985-12-31", last: "1985-12-31", label: "31 Dec 1985"},
	{in: "0001", prec: PrecisionYear, first: "0001-01-01", last: "0001-12-31", label: "1"},
	{in: "9999-12-31", prec: PrecisionDay, first: "9999-12-31", last: "9999-12-31", label: "31 Dec 9999"},

	// Negative (astronomical) years: year 0 is 1 BCE.
	{in: "0000", prec: PrecisionYear, first: "0000-01-01", last: "0000-12-31", label: "1 BCE"},
	{in: "-0044", prec: PrecisionYear, first: "-0044-01-01", last: "-0044-12-31", label: "45 BCE"},
	{in: "-0044-03-15", prec: PrecisionDay, first: "-0044-03-15", last: "-0044-03-15", label: "15 Mar 45 BCE"},
	{in: "-0004-02-29", prec: PrecisionDay, first: "-0004-02-29", last: "-0004-02-29", label: "29 Feb 5 BCE"},
	{in: "-9999", prec: PrecisionYear, first: "-9999-01-01", last: "-9999-12-31", label: "10000 BCE"},
	{in: "-9999-01-01", prec: PrecisionDay, first: "-9999-01-01", last: "-9999-01-01", label: "1 Jan 10000 BCE"},

	// Unspecified digits.
	{in: "196X", prec: PrecisionDecade, first: "1960-01-01", last: "1969-12-31", label: "1960s"},
	{in: "19XX", prec: PrecisionCentury, first: "1900-01-01", last: "1999-12-31", label: "1900s"},
	{in: "196X-XX", prec: PrecisionDecade, first: "1960-01-01", last: "1969-12-31", label: "1960s"},
	{in: "19XX-XX-XX", prec: PrecisionCentury, first: "1900-01-01", last: "1999-12-31", label: "1900s"},
	{in: "001X", prec: PrecisionDecade, first: "0010-01-01", last: "0019-12-31", label: "10s"},
	{in: "01XX", prec: PrecisionCentury, first: "0100-01-01", last: "0199-12-31", label: "100s"},
	{in: "000X", prec: PrecisionDecade, first: "0000-01-01", last: "0009-12-31", label: "1 BCE–9 CE"},
	{in: "00XX", prec: PrecisionCentury, first: "0000-01-01", last: "0099-12-31", label: "1 BCE–99 CE"},
	{in: "-019X", prec: PrecisionDecade, first: "-0199-01-01", last: "-0190-12-31", label: "200–191 BCE"},
	{in: "-01XX", prec: PrecisionCentury, first: "-0199-01-01", last: "-0100-12-31", label: "200–101 BCE"},
	{in: "-001X", prec: PrecisionDecade, first: "-0019-01-01", last: "-0010-12-31", label: "20–11 BCE"},
	{in: "1985-XX", prec: PrecisionYear, first: "1985-01-01", last: "1985-12-31", label: "1985"},
	{in: "1985-XX-XX", prec: PrecisionYear, first: "1985-01-01", last: "1985-12-31", label: "1985"},
	{in: "1985-0X", prec: PrecisionYear, first: "1985-01-01", last: "1985-09-30", label: "Jan–Sep 1985"},
	{in: "1985-1X", prec: PrecisionYear, first: "1985-10-01", last: "1985-12-31", label: "Oct–Dec 1985"},
	{in: "1985-1X-XX", prec: PrecisionYear, first: "1985-10-01", last: "1985-12-31", label: "Oct–Dec 1985"},
	{in: "1985-04-XX", prec: PrecisionMonth, first: "1985-04-01", last: "1985-04-30", label: "Apr 1985"},
	{in: "1985-04-0X", prec: PrecisionMonth, first: "1985-04-01", last: "1985-04-09", label: "1–9 Apr 1985"},
	{in: "1985-04-1X", prec: PrecisionMonth, first: "1985-04-10", last: "1985-04-19", label: "10–19 Apr 1985"},
	{in: "1985-04-2X", prec: PrecisionMonth, first: "1985-04-20", last: "1985-04-29", label: "20–29 Apr 1985"},
	{in: "1985-04-3X", prec: PrecisionMonth, first: "1985-04-30", last: "1985-04-30", label: "30 Apr 1985"},
	{in: "1985-01-3X", prec: PrecisionMonth, first: "1985-01-30", last: "1985-01-31", label: "30–31 Jan 1985"},
	{in: "1985-02-2X", prec: PrecisionMonth, first: "1985-02-20", last: "1985-02-28", label: "20–28 Feb 1985"},
	{in: "2000-02-2X", prec: PrecisionMonth, first: "2000-02-20", last: "2000-02-29", label: "20–29 Feb 2000"},

	// Qualifiers apply to the whole date.
	{in: "1985?", prec: PrecisionYear, first: "1985-01-01", last: "1985-12-31", label: "1985?", qual: QualifierUncertain},
	{in: "1985~", prec: PrecisionYear, first: "1985-01-01", last: "1985-12-31", label: "c. 1985", qual: QualifierApproximate},
	{in: "1985%", prec: PrecisionYear, first: "1985-01-01", last: "1985-12-31", label: "c. 1985?", qual: QualifierBoth},
	{in: "1985-04-12~", prec: PrecisionDay, first: "1985-04-12", last: "1985-04-12", label: "c. 12 Apr 1985", qual: QualifierApproximate},
	{in: "1985-04?", prec: PrecisionMonth, first: "1985-04-01", last: "1985-04-30", label: "Apr 1985?", qual: QualifierUncertain},
	{in: "196X~", prec: PrecisionDecade, first: "1960-01-01", last: "1969-12-31", label: "c. 1960s", qual: QualifierApproximate},
	{in: "-0044%", prec: PrecisionYear, first: "-0044-01-01", last: "-0044-12-31", label: "c. 45 BCE?", qual: QualifierBoth},

	// Intervals.
	{in: "1973/1976", prec: PrecisionYear, first: "1973-01-01", last: "1976-12-31", label: "1973–1976", interval: true},
	{in: "1985/1985", prec: PrecisionYear, first: "1985-01-01", last: "1985-12-31", label: "1985", interval: true},
	{in: "1985-05/1985", prec: PrecisionMonth, first: "1985-05-01", last: "1985-12-31", label: "May 1985–1985", interval: true},
	{in: "1985-04/1985-06", prec: PrecisionMonth, first: "1985-04-01", last: "1985-06-30", label: "Apr 1985–Jun 1985", interval: true},
	{in: "1985-04-12/1985-04-13", prec: PrecisionDay, first: "1985-04-12", last: "1985-04-13", label: "12 Apr 1985–13 Apr 1985", interval: true},
	{in: "196X/1975", prec: PrecisionDecade, first: "1960-01-01", last: "1975-12-31", label: "1960s–1975", interval: true},
	{in: "-0044/0014", prec: PrecisionYear, first: "-0044-01-01", last: "0014-12-31", label: "45 BCE–14", interval: true},
	{in: "1985~/1990?", prec: PrecisionYear, first: "1985-01-01", last: "1990-12-31", label: "c. 1985–1990?", interval: true, qual: QualifierBoth},
	{in: "1985/..", prec: PrecisionYear, first: "1985-01-01", last: "+inf", label: "1985–present", interval: true, openEnd: true, endK: BoundOpen},
	{in: "1985-04-12/..", prec: PrecisionDay, first: "1985-04-12", last: "+inf", label: "12 Apr 1985–present", interval: true, openEnd: true, endK: BoundOpen},
	{in: "../2003", prec: PrecisionYear, first: "-inf", last: "2003-12-31", label: "until 2003", interval: true, startK: BoundOpen},
	{in: "1985/", prec: PrecisionYear, first: "1985-01-01", last: "1985-12-31", label: "1985–?", interval: true, endK: BoundUnknown},
	{in: "/2003", prec: PrecisionYear, first: "2003-01-01", last: "2003-12-31", label: "?–2003", interval: true, startK: BoundUnknown},
	{in: "/2003-05~", prec: PrecisionMonth, first: "2003-05-01", last: "2003-05-31", label: "?–c. May 2003", interval: true, startK: BoundUnknown, qual: QualifierApproximate},

	// One-of sets (EDTF level 2), as ranges: one moment, some time between.
	{in: "[2009..2010]", prec: PrecisionYear, first: "2009-01-01", last: "2010-12-31", label: "2009 or 2010", oneOf: true},
	{in: "[1981..1989]", prec: PrecisionYear, first: "1981-01-01", last: "1989-12-31", label: "1981–1989, date unknown", oneOf: true},
	{in: "[2009..2011]", prec: PrecisionYear, first: "2009-01-01", last: "2011-12-31", label: "2009–2011, date unknown", oneOf: true},
	{in: "[1985..1985]", prec: PrecisionYear, first: "1985-01-01", last: "1985-12-31", label: "1985", oneOf: true},
	{in: "[..1980]", prec: PrecisionYear, first: "-inf", last: "1980-12-31", label: "1980 or earlier", oneOf: true, startK: BoundOpen},
	{in: "[2013..]", prec: PrecisionYear, first: "2013-01-01", last: "+inf", label: "2013 or later", oneOf: true, endK: BoundOpen},
	{in: "[2012-06..2012-07]", prec: PrecisionMonth, first: "2012-06-01", last: "2012-07-31", label: "Jun 2012 or Jul 2012", oneOf: true},
	{in: "[2012-06-30..2012-07-01]", prec: PrecisionDay, first: "2012-06-30", last: "2012-07-01", label: "30 Jun 2012 or 1 Jul 2012", oneOf: true},
	{in: "[2012-06-29..2012-07-01]", prec: PrecisionDay, first: "2012-06-29", last: "2012-07-01", label: "29 Jun 2012–1 Jul 2012, date unknown", oneOf: true},
	{in: "[196X..197X]", prec: PrecisionDecade, first: "1960-01-01", last: "1979-12-31", label: "1960s or 1970s", oneOf: true},
	{in: "[2008..2009-06]", prec: PrecisionYear, first: "2008-01-01", last: "2009-06-30", label: "2008–Jun 2009, date unknown", oneOf: true},
	{in: "[-0045..-0044]", prec: PrecisionYear, first: "-0045-01-01", last: "-0044-12-31", label: "46 BCE or 45 BCE", oneOf: true},
	{in: "[1985~..1990?]", prec: PrecisionYear, first: "1985-01-01", last: "1990-12-31", label: "c. 1985–1990?, date unknown", oneOf: true, qual: QualifierBoth},
	{in: "[..2003-05-01]", prec: PrecisionDay, first: "-inf", last: "2003-05-01", label: "1 May 2003 or earlier", oneOf: true, startK: BoundOpen},

	// Times of day, shown as written; the days are those of the instant in
	// UTC, a time without a zone taken as UTC.
	{in: "1997-10-08T14:30", prec: PrecisionMinute, first: "1997-10-08", last: "1997-10-08", label: "8 Oct 1997 14:30"},
	{in: "1997-10-08T14:30:00", prec: PrecisionSecond, first: "1997-10-08", last: "1997-10-08", label: "8 Oct 1997 14:30:00"},
	{in: "1997-10-08T14:30:00Z", prec: PrecisionSecond, first: "1997-10-08", last: "1997-10-08", label: "8 Oct 1997 14:30:00Z"},
	{in: "1997-10-08T14:30:00+05:30", prec: PrecisionSecond, first: "1997-10-08", last: "1997-10-08", label: "8 Oct 1997 14:30:00+05:30"},
	{in: "1997-10-08T01:00+05:00", prec: PrecisionMinute, first: "1997-10-07", last: "1997-10-07", label: "8 Oct 1997 01:00+05:00"},
	{in: "1997-10-08T23:30-05", prec: PrecisionMinute, first: "1997-10-09", last: "1997-10-09", label: "8 Oct 1997 23:30-05"},
	{in: "1997-10-08T23:59:59.999Z", prec: PrecisionSecond, first: "1997-10-08", last: "1997-10-08", label: "8 Oct 1997 23:59:59.999Z"},
	{in: "1997-10-08T14:30:15.5", prec: PrecisionSecond, first: "1997-10-08", last: "1997-10-08", label: "8 Oct 1997 14:30:15.5"},
	{in: "1997-10-08T14:30:15.50", prec: PrecisionSecond, first: "1997-10-08", last: "1997-10-08", label: "8 Oct 1997 14:30:15.50"},
	{in: "2000-02-29T00:00-14:00", prec: PrecisionMinute, first: "2000-02-29", last: "2000-02-29", label: "29 Feb 2000 00:00-14:00"},
	{in: "1997-10-08T14:30/1997-10-08T16:00", prec: PrecisionMinute, first: "1997-10-08", last: "1997-10-08", label: "8 Oct 1997 14:30–16:00", interval: true},
	{in: "1997-10-08T22:00Z/1997-10-09T02:00Z", prec: PrecisionMinute, first: "1997-10-08", last: "1997-10-09", label: "8 Oct 1997 22:00Z–9 Oct 1997 02:00Z", interval: true},
	{in: "1997-10-08/1997-10-08T16:00", prec: PrecisionDay, first: "1997-10-08", last: "1997-10-08", label: "8 Oct 1997–8 Oct 1997 16:00", interval: true},
	{in: "1997-10-08T14:30Z/..", prec: PrecisionMinute, first: "1997-10-08", last: "+inf", label: "8 Oct 1997 14:30Z–present", interval: true, openEnd: true, endK: BoundOpen},
	{in: "[1997-10-08T14:00..1997-10-08T15:00]", prec: PrecisionMinute, first: "1997-10-08", last: "1997-10-08", label: "8 Oct 1997 14:00–8 Oct 1997 15:00, date unknown", oneOf: true},

	// Long years (EDTF level 1), and their labels in words.
	{in: "Y-13800000000", prec: PrecisionYear, first: "-13800000000-01-01", last: "-13800000000-12-31", label: "13.8 billion years ago"},
	{in: "Y-13799630000", prec: PrecisionYear, first: "-13799630000-01-01", last: "-13799630000-12-31", label: "13.79963 billion years ago"},
	{in: "Y-4600000000~", prec: PrecisionYear, first: "-4600000000-01-01", last: "-4600000000-12-31", label: "c. 4.6 billion years ago", qual: QualifierApproximate},
	{in: "Y-251902000", prec: PrecisionYear, first: "-251902000-01-01", last: "-251902000-12-31", label: "251.902 million years ago"},
	{in: "Y-1000000", prec: PrecisionYear, first: "-1000000-01-01", last: "-1000000-12-31", label: "1 million years ago"},
	{in: "Y-315000", prec: PrecisionYear, first: "-315000-01-01", last: "-315000-12-31", label: "315,000 years ago"},
	{in: "Y-99999", prec: PrecisionYear, first: "-99999-01-01", last: "-99999-12-31", label: "100,000 BCE"},
	{in: "Y-100000", prec: PrecisionYear, first: "-100000-01-01", last: "-100000-12-31", label: "100,000 years ago"},
	{in: "Y-10000", prec: PrecisionYear, first: "-10000-01-01", last: "-10000-12-31", label: "10,001 BCE"},
	{in: "Y10000", prec: PrecisionYear, first: "10000-01-01", last: "10000-12-31", label: "10,000"},
	{in: "Y170000002", prec: PrecisionYear, first: "170000002-01-01", last: "170000002-12-31", label: "170,000,002"},
	{in: "Y999999999999?", prec: PrecisionYear, first: "999999999999-01-01", last: "999999999999-12-31", label: "999,999,999,999?", qual: QualifierUncertain},
	{in: "Y-999999999999", prec: PrecisionYear, first: "-999999999999-01-01", last: "-999999999999-12-31", label: "999.999999999 billion years ago"},
	{in: "Y-17E7", prec: PrecisionYear, first: "-170000000-01-01", last: "-170000000-12-31", label: "170 million years ago"},
	{in: "Y17E2", prec: PrecisionYear, first: "1700-01-01", last: "1700-12-31", label: "1700"},
	{in: "Y-538800000/Y-251902000", prec: PrecisionYear, first: "-538800000-01-01", last: "-251902000-12-31", label: "538.8–251.902 million years ago", interval: true},
	{in: "Y-4600000000/1997-10-08T14:30Z", prec: PrecisionYear, first: "-4600000000-01-01", last: "1997-10-08", label: "4.6 billion years ago–8 Oct 1997 14:30Z", interval: true},
	{in: "[Y-13800000000..Y-13799630000]", prec: PrecisionYear, first: "-13800000000-01-01", last: "-13799630000-12-31", label: "13.8–13.79963 billion years ago, date unknown", oneOf: true},
	{in: "Y-13800000000/Y-300000", prec: PrecisionYear, first: "-13800000000-01-01", last: "-300000-12-31", label: "13.8 billion years ago–300,000 years ago", interval: true},
	{in: "Y-300000/Y-200000", prec: PrecisionYear, first: "-300000-01-01", last: "-200000-12-31", label: "300,000–200,000 years ago", interval: true},
	{in: "../Y-65500000", prec: PrecisionYear, first: "-inf", last: "-65500000-12-31", label: "until 65.5 million years ago", interval: true, startK: BoundOpen},
}

func TestParseDate(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDate(tt.in)
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.in, err)
			}
			want := tt.str
			if want == "" {
				want = tt.in
			}
			if got := d.String(); got != want {
				t.Errorf("String() = %q, want %q", got, want)
			}
			if got := d.Precision(); got != tt.prec {
				t.Errorf("Precision() = %v, want %v", got, tt.prec)
			}
			if got := d.Earliest().String(); got != tt.first {
				t.Errorf("Earliest() = %s, want %s", got, tt.first)
			}
			if got := d.Latest().String(); got != tt.last {
				t.Errorf("Latest() = %s, want %s", got, tt.last)
			}
			if got := d.Label(); got != tt.label {
				t.Errorf("Label() = %q, want %q", got, tt.label)
			}
			if got := d.Qualifier(); got != tt.qual {
				t.Errorf("Qualifier() = %v, want %v", got, tt.qual)
			}
			if d.IsZero() {
				t.Errorf("IsZero() = true")
			}
			if got := d.IsInterval(); got != tt.interval {
				t.Errorf("IsInterval() = %v, want %v", got, tt.interval)
			}
			if got := d.IsOneOf(); got != tt.oneOf {
				t.Errorf("IsOneOf() = %v, want %v", got, tt.oneOf)
			}
			if got := d.OpenEnd(); got != tt.openEnd {
				t.Errorf("OpenEnd() = %v, want %v", got, tt.openEnd)
			}
			if _, k := d.Start(); k != tt.startK {
				t.Errorf("Start() kind = %v, want %v", k, tt.startK)
			}
			if _, k := d.End(); k != tt.endK {
				t.Errorf("End() kind = %v, want %v", k, tt.endK)
			}
			again, err := ParseDate(d.String())
			if err != nil {
				t.Fatalf("ParseDate(%q) (the String of %q): %v", d.String(), tt.in, err)
			}
			if again != d {
				t.Errorf("ParseDate(String()) = %#v, want %#v", again, d)
			}
			text, _ := d.MarshalText()
			var u Date
			if err := u.UnmarshalText(text); err != nil || u != d {
				t.Errorf("UnmarshalText(MarshalText()) = %v, %v; want %v", u, err, d)
			}
		})
	}
}

// parseErrorTests are invalid EDTF strings, a substring of the error and
// the byte offset it names.
var parseErrorTests = []struct {
	in   string
	want string
	off  int
}{
	{"", "empty date", 0},
	{"1985-00", "month 00 out of range 01–12", 5},
	{"1985-13", "month 13 out of range 01–12", 5},
	{"1985-99", "month 99 out of range", 5},
	{"1985-02-29", "day 29 out of range 01–28", 8},
	{"1900-02-29", "day 29 out of range 01–28", 8},
	{"2100-02-29", "day 29 out of range 01–28", 8},
	{"-0001-02-29", "day 29 out of range 01–28", 9},
	{"2000-02-30", "day 30 out of range 01–29", 8},
	{"1985-04-31", "day 31 out of range 01–30", 8},
	{"1985-04-00", "day 00 out of range", 8},
	{"1985-01-32", "day 32 out of range 01–31", 8},
	{"19X5", "digit after an unspecified digit", 3},
	{"1985-X1", "digit after an unspecified digit", 6},
	{"1985-XX-12", "digit after an unspecified digit", 8},
	{"196X-04", "digit after an unspecified digit", 5},
	{"196x", "upper-case X", 3},
	{"1985-0x", "upper-case X", 6},
	{"1XXX", "unspecified millennium", 0},
	{"XXXX", "unspecified millennium", 0},
	{"X985", "digit after an unspecified digit", 1},
	{"-0XXX", "unspecified millennium", 1},
	{"1985-2X", "month 2X out of range", 5},
	{"1985-02-3X", "day 3X out of range", 8},
	{"1985-04-4X", "day 4X out of range", 8},
	{"99999", "year 99999 has more than four digits", 0},
	{"19850", "has more than four digits", 0},
	{"-10000", "year -10000 has more than four digits", 0},
	{"-0000", "year -0000 does not exist", 0},
	{"-0000-01-01", "year -0000 does not exist", 0},
	{"-000X", "negative year -000X has no non-zero digit", 0},
	{"-00XX", "negative year -00XX has no non-zero digit", 0},
	{"-000X/0000", "negative year -000X", 0},
	{"1985/-00XX", "negative year -00XX", 5},
	{"1985??", "only one qualifier", 4},
	{"1985?~", "only one qualifier", 4},
	{"1985%?", "only one qualifier", 4},
	{"1985-04-12~?", "only one qualifier", 10},
	{"1985-04?-12", "expected - after month, found '?'", 7},
	{"19.5", "unexpected '.' in year", 2},
	{"19", "year needs 4 digits, found 2", 2},
	{"?1985", "unexpected '?' in year", 0},
	{"?", "year needs 4 digits, found 0", 0},
	{"~", "year needs 4 digits, found 0", 0},
	{"198", "year needs 4 digits, found 3", 3},
	{"85", "year needs 4 digits, found 2", 2},
	{"-", "year needs 4 digits, found 0", 1},
	{"1985-", "month needs 2 digits, found 0", 5},
	{"1985-4", "month needs 2 digits, found 1", 6},
	{"1985-04-", "day needs 2 digits, found 0", 8},
	{"1985-04-1", "day needs 2 digits, found 1", 9},
	{"1985-21", "seasons (month 21) are not supported", 5},
	{"1985-22", "seasons (month 22)", 5},
	{"1985-23", "seasons (month 23)", 5},
	{"1985-24", "seasons (month 24)", 5},
	{"1985-25", "month 25 out of range", 5},
	{"1985x", "expected - after year, found 'x'", 4},
	{"1985.", "expected - after year, found '.'", 4},
	{"1985-04x", "expected - after month, found 'x'", 7},
	{"1985-04-12x", "unexpected 'x' after date", 10},
	{"1985-04-12-01", "unexpected '-' after date", 10},
	{"1985-04T10:00", "expected - after month, found 'T'", 7},
	{"1985-04-12t10:00", "upper-case T", 10},
	{"+1985", "unexpected '+' in year", 0},
	{"19é5", "unexpected 'é' in year", 2},
	{"19\xff5", "unexpected byte 0xff in year", 2},
	{"1985-\u00a004", "unexpected '\\u00a0' in month", 5},
	{"１９８５", "unexpected '１' in year", 0},
	{"/", "an interval needs at least one dated end", 0},
	{"../..", "an interval needs at least one dated end", 0},
	{"/..", "an interval needs at least one dated end", 0},
	{"../", "an interval needs at least one dated end", 0},
	{"..", `".." is only allowed as an end of an interval`, 0},
	{"...", "unexpected '.' in year", 0},
	{"../.../", "more than one /", 6},
	{".../2003", "unexpected '.' in year", 0},
	{"2012/1997", "interval ends before it starts", 5},
	{"1985-04-12/1985-04-11", "interval ends before it starts", 11},
	{"1970/196X", "interval ends before it starts", 5},
	{"1985/1990/1995", "more than one /", 9},
	{"1985//1990", "more than one /", 5},
	{"1985/2012-13", "month 13 out of range", 10},
	{"1985-13/2012", "month 13 out of range", 5},
	{"1985 /1990", "white space in date", 4},
	{" 1985", "white space in date", 0},
	{"1985 ", "white space in date", 4},
	{"1985\n", "white space in date", 4},
	{"1985\t", "white space in date", 4},
	{"1985\r\n", "white space in date", 4},
	{"[1667,1668,1670..1672]", "lists of dates in a set are not supported", 5},
	{"[1667,1668]", "lists of dates in a set are not supported", 5},
	{"{1667,1668}", "all-of sets {…} are not supported", 0},
	{"[2009]", "a set needs a range with ..", 1},
	{"[]", "a set needs a range with ..", 1},
	{"[", "set has no closing ]", 1},
	{"[2009..2010", "set has no closing ]", 11},
	{"[..]", "a set needs at least one dated end", 1},
	{"[2010..2009]", "set ends before it starts", 7},
	{"[1970..196X]", "set ends before it starts", 7},
	{"[2009..2010]x", "unexpected 'x' after set", 12},
	{"[2009..2010]]", "unexpected ']' after set", 12},
	{"[2009..2010]/2012", "unexpected '/' after set", 12},
	{"[2009/2010..2012]", "an interval cannot be a member of a set", 5},
	{"[[2009..2010]]", "unexpected '[' in set", 1},
	{"[2009..2010..2011]", "more than one .. in set", 11},
	{"[2009...2010]", "unexpected '.' in year", 7},
	{"[2009-13..2010]", "month 13 out of range", 6},
	{"[2009..2010-13]", "month 13 out of range", 12},
	{"[2009 ..2010]", "white space in date", 5},
	{"2009/[2010..]", "unexpected '[' in year", 5},
	{"..[2010]", "unexpected '.' in year", 0},
	{"1997-10-08T14", "a time needs hours and minutes, such as T14:00", 13},
	{"1997-10-08T1430", "write the time with colons: T14:30", 13},
	{"1997-10-08T", "hour needs 2 digits, found none", 11},
	{"1997-10-08T4:30", "hour needs 2 digits", 11},
	{"1997-10-08T24:00", "hour 24 out of range 00–23", 11},
	{"1997-10-08T14:60", "minute 60 out of range 00–59", 14},
	{"1997-10-08T14:30:60", "second 60 out of range 00–59", 17},
	{"1997-10-08T14:30:00.", "decimals of a second must follow the full stop", 20},
	{"1997-10-08T14:30:00,5", "after a full stop, not a comma", 19},
	{"1997-10-08T14:30:00.1234", "at most three decimals", 23},
	{"1997-10-08T14:30+0530", "write the zone with a colon: +05:30", 19},
	{"1997-10-08T14:30-00", "zone -00 is not a zone; write Z or +00:00", 16},
	{"1997-10-08T14:30-00:00", "zone -00 is not a zone", 16},
	{"1997-10-08T14:30+24", "zone hour 24 out of range", 17},
	{"1997-10-08T14:30+05:60", "zone minute 60 out of range", 20},
	{"1997-10-08T14:30Zx", "unexpected 'x' after date", 17},
	{"1997-10-08T14:30ZZ", "unexpected 'Z' after date", 17},
	{"1997-10-08T14:30Z?", "a time of day cannot be qualified", 17},
	{"1997-10-08?T14:30", "only one qualifier", 10},
	{"1985-04-1XT10:00", "a time of day needs a date without unspecified digits (X)", 10},
	{"1997-10-08T16:00/1997-10-08T14:30", "interval ends before it starts", 17},
	{"1997-10-08T16:00Z/1997-10-08T16:30+01:00", "interval ends before it starts", 18},
	{"Y2000", "a year of four digits or fewer is written without Y: 2000", 0},
	{"Y-44", "written without Y: -0044", 0},
	{"Y", "Y is followed by the digits of a year", 1},
	{"Y-", "Y is followed by the digits of a year", 2},
	{"Yx", "unexpected 'x' in year", 1},
	{"Y012345", "a long year has no leading zero", 1},
	{"Y0E5", "a long year has no leading zero", 1},
	{"Y1234567890123", "beyond a trillion years", 0},
	{"Y1E12", "beyond a trillion years", 0},
	{"Y-17E", "E is followed by the exponent", 5},
	{"Y-17E07", "an exponent has no leading zero", 5},
	{"Y-17E0", "an exponent has no leading zero", 5},
	{"Y-17E123", "exponent 123 is too large", 5},
	{"Y-17e7", "the exponent is an upper-case E", 4},
	{"Y171010000S3", "significant digits (S) are not supported", 10},
	{"Y-13800000000-01", "a long year stands alone, without month or day", 13},
	{"Y12345x", "unexpected 'x' after year", 6},
	{"Y12345~?", "only one qualifier", 6},
	{"12345", "year 12345 has more than four digits; write a long year with Y: Y12345", 0},
	{"-13800000000", "write a long year with Y: Y-13800000000", 0},
	{"Y-4600000000/Y-13800000000", "interval ends before it starts", 13},
	{strings.Repeat("1", 65), "too long for a date", 64},
	{strings.Repeat("1985/", 1000), "too long for a date", 64},
	{strings.Repeat("é", 40), "too long for a date", 64},
}

func TestParseDateErrors(t *testing.T) {
	for _, tt := range parseErrorTests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDate(tt.in)
			if err == nil {
				t.Fatalf("ParseDate(%q) = %q, want error containing %q", tt.in, d, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseDate(%q) error = %q, want it to contain %q", tt.in, err, tt.want)
			}
			var de *DateError
			if !errors.As(err, &de) {
				t.Fatalf("ParseDate(%q) error is %T, want *DateError", tt.in, err)
			}
			if de.Offset != tt.off {
				t.Errorf("ParseDate(%q) offset = %d, want %d (%v)", tt.in, de.Offset, tt.off, err)
			}
			if !d.IsZero() {
				t.Errorf("ParseDate(%q) returned %q with its error, want the zero Date", tt.in, d)
			}
			if len(de.Input) > maxDateLen+len("…") {
				t.Errorf("DateError.Input is %d bytes long, want at most %d", len(de.Input), maxDateLen+len("…"))
			}
			if !utf8Valid(de.Input) && utf8Valid(tt.in) {
				t.Errorf("DateError.Input %q is not valid UTF-8", de.Input)
			}
		})
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

func TestDateErrorMessage(t *testing.T) {
	_, err := ParseDate("1985-13")
	const want = `"1985-13": month 13 out of range 01–12 (at character 6)`
	if err == nil || err.Error() != want {
		t.Errorf("ParseDate(%q) error = %v, want %s", "1985-13", err, want)
	}
}

func TestZeroDate(t *testing.T) {
	var z Date
	if !z.IsZero() || z.String() != "" || z.Label() != "" || z.Precision() != PrecisionNone || z.Qualifier() != QualifierNone {
		t.Errorf("zero Date: IsZero %v, String %q, Label %q, Precision %v, Qualifier %v",
			z.IsZero(), z.String(), z.Label(), z.Precision(), z.Qualifier())
	}
	if z.Earliest() != MinDay || z.Latest() != MinDay {
		t.Errorf("zero Date spans %v to %v, want MinDay to MinDay", z.Earliest(), z.Latest())
	}
	var u Date
	if err := u.UnmarshalText(nil); err != nil || !u.IsZero() {
		t.Errorf("UnmarshalText(empty) = %v, %v; want the zero Date", u, err)
	}
	u = mustParse(t, "1985")
	if err := u.UnmarshalText([]byte("1985-13")); err == nil {
		t.Errorf("UnmarshalText(1985-13) succeeded")
	}
	if u.String() != "1985" {
		t.Errorf("failed UnmarshalText changed the date to %q", u)
	}
}

func TestNewDate(t *testing.T) {
	p := Point{Year: 1985, Month: 4, Day: 12, Digits: 3, Qualifier: QualifierApproximate}
	if got, want := NewDate(p), mustParse(t, "1985-04-12~"); got != want {
		t.Errorf("NewDate = %v, want %v", got, want)
	}
	i := NewInterval(Point{Year: 1985, Digits: 1}, BoundDate, Point{Year: 7, Month: 3, Digits: 2}, BoundOpen)
	if got, want := i, mustParse(t, "1985/.."); got != want {
		t.Errorf("NewInterval(1985, open) = %#v, want %#v", got, want)
	}
	if got := (Point{}).String(); got != "0000" {
		t.Errorf("zero Point String = %q, want 0000", got)
	}
}

func TestPrecisionAndQualifierStrings(t *testing.T) {
	for p, want := range map[Precision]string{
		PrecisionNone: "none", PrecisionCentury: "century", PrecisionDecade: "decade",
		PrecisionYear: "year", PrecisionMonth: "month", PrecisionDay: "day", 9: "Precision(9)",
	} {
		if got := p.String(); got != want {
			t.Errorf("Precision(%d).String() = %q, want %q", p, got, want)
		}
	}
	for q, want := range map[Qualifier]string{
		QualifierNone: "", QualifierUncertain: "?", QualifierApproximate: "~", QualifierBoth: "%",
	} {
		if got := q.String(); got != want {
			t.Errorf("Qualifier(%d).String() = %q, want %q", q, got, want)
		}
	}
}

func mustParse(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// sortedDates is in the documented order: earliest moment, then coarser
// precision first, then latest moment, then EDTF text.
var sortedDates = []string{
	"", // the zero Date sorts first
	"../1900",
	"[..1980]", // open at the start, as ../1980: by latest day
	"../2003",
	"Y-13800000000",
	"Y-4600000000/1985",
	"Y-170000000", // the same year as Y-17E7: ordered by text
	"Y-17E7",
	"Y-10000",
	"-9999",
	"-0044-03-15",
	"-0001",
	"0000",
	"19XX",
	"196X",
	"196X/1975",
	"[196X..197X]", // a decade, ending later
	"1960",
	"1960-01",
	"1960-01-01",
	"1960-01-01/1960-01-02",
	"1960-01-02",
	"1985-0X", // ends before 1985
	"1985",    // same span as 1985-XX, 1985? and 1985/: ordered by text
	"1985%",
	"1985-XX",
	"1985/",
	"1985/1985",
	"1985?",
	"1985~",
	"1985/1990",
	"[1985..1990]", // same span as 1985/1990: ordered by text
	"1985/..",
	"[1985..]",
	"1985-04",
	"1985-04-12T00:00+01:00", // 23:00 UTC on the 11th
	"1985-04-12",             // a day begins at midnight UTC
	"1985-04-12T00:00",       // a time without a zone is taken as UTC
	"1985-04-12T00:00Z",
	"1985-04-12T00:00/1985-04-12T01:00", // minutes, before seconds
	"1985-04-12T00:00:00",
	"1985-04-12T14:30+05:30", // 09:00 UTC
	"1985-04-12T09:30",
	"1985-04-12T10:00:00.5Z",
	"1985-04-12T10:00:00.5Z/1985-04-13",
	"1985-04-12T23:00-05", // 04:00 UTC on the 13th
	"1985-1X",
	"/2003",
	"2003",
	"2003-05-01",
}

func TestCompare(t *testing.T) {
	dates := make([]Date, len(sortedDates))
	for i, s := range sortedDates {
		if s != "" {
			dates[i] = mustParse(t, s)
		}
	}
	for i, a := range dates {
		for j, b := range dates {
			want := cmpInt(int64(i), int64(j))
			if got := a.Compare(b); got != want {
				t.Errorf("Compare(%q, %q) = %d, want %d", a, b, got, want)
			}
		}
	}
	// Sorting any shuffle gives back the documented order.
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		s := slices.Clone(dates)
		r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
		slices.SortFunc(s, Date.Compare)
		if !slices.Equal(s, dates) {
			t.Fatalf("sorted: %q\nwant:   %q", s, dates)
		}
	}
}

// TestCompareTotal checks that Compare is a total order over every date of
// the parse tables: antisymmetric, transitive, and 0 only for equal dates.
func TestCompareTotal(t *testing.T) {
	var dates []Date
	for _, tt := range parseTests {
		dates = append(dates, mustParse(t, tt.in))
	}
	dates = append(dates, Date{})
	for _, a := range dates {
		for _, b := range dates {
			ab, ba := a.Compare(b), b.Compare(a)
			if ab != -ba {
				t.Errorf("Compare(%q, %q) = %d but Compare(%q, %q) = %d", a, b, ab, b, a, ba)
			}
			if (ab == 0) != (a == b) {
				t.Errorf("Compare(%q, %q) = %d, but a == b is %v", a, b, ab, a == b)
			}
			if ab < 0 && a.Earliest() > b.Earliest() {
				t.Errorf("%q sorts before %q but starts later", a, b)
			}
			for _, c := range dates {
				if ab <= 0 && b.Compare(c) <= 0 && a.Compare(c) > 0 {
					t.Errorf("not transitive: %q <= %q <= %q but %q > %q", a, b, c, a, c)
				}
			}
		}
	}
}

func TestOverlapsWithin(t *testing.T) {
	tests := []struct {
		a, b             string
		overlaps, within bool
	}{
		{"1985", "1985", true, true},
		{"1985-04", "1985", true, true},
		{"1985", "1985-04", true, false},
		{"1985-12-31", "1986", false, false},
		{"1985/1986", "1986-01-01", true, false},
		{"1986-01-01", "1985/1986", true, true},
		{"196X", "1965", true, false},
		{"1965", "196X", true, true},
		{"1970", "196X", false, false},
		{"2020", "1985/..", true, true},
		{"1984", "1985/..", false, false},
		{"1985/..", "2020", true, false},
		{"1985/..", "1900/..", true, true},
		{"1900", "../2003", true, true},
		{"2004", "../2003", false, false},
		{"1985/", "1985", true, true}, // an unknown end is only known to be 1985
		{"/2003", "2003", true, true},
		{"-0044", "-0100/0100", true, true},
		{"-0101", "-0100/0100", false, false},
		{"1985-04-0X", "1985-04-09/1985-04-30", true, false},
		{"1985-04-0X", "1985-04-10/1985-04-30", false, false},
	}
	for _, tt := range tests {
		a, b := mustParse(t, tt.a), mustParse(t, tt.b)
		if got := a.Overlaps(b); got != tt.overlaps {
			t.Errorf("%q.Overlaps(%q) = %v, want %v", tt.a, tt.b, got, tt.overlaps)
		}
		if got := b.Overlaps(a); got != tt.overlaps {
			t.Errorf("%q.Overlaps(%q) = %v, want %v (Overlaps is symmetric)", tt.b, tt.a, got, tt.overlaps)
		}
		if got := a.Within(b); got != tt.within {
			t.Errorf("%q.Within(%q) = %v, want %v", tt.a, tt.b, got, tt.within)
		}
	}
}

// An event belongs to the era in which it begins: the rule of Validate,
// the TimelineJS import and the filters.
func TestBeginsIn(t *testing.T) {
	tests := []struct {
		d, span string
		want    bool
	}{
		{"1997-10-08/2012-09-28", "1986/2003", true}, // the FTO listing, begun in the Iraq era
		{"1997-10-08/2012-09-28", "2003/2016", false},
		{"198X", "1980/1986", true},
		{"198X", "1981/1986", false}, // its first possible day is in 1980
		{"[1981..1989]", "1981/1986", true},
		{"1985", "1985", true},
		{"1984-12-31", "1985/..", false},
		{"../1990", "1981/1986", false}, // an open start begins, at the latest, at its end
		{"../1985", "1981/1986", true},
		{"2003", "1986/2003", true}, // a boundary year begins in both eras that share it
		{"2003", "2003/2016", true},
		{"1986", "", false},
	}
	for _, tt := range tests {
		d := mustParse(t, tt.d)
		var span Date
		if tt.span != "" {
			span = mustParse(t, tt.span)
		}
		if got := d.BeginsIn(span); got != tt.want {
			t.Errorf("%q.BeginsIn(%q) = %v, want %v", tt.d, tt.span, got, tt.want)
		}
	}
}

func TestDayOfMatchesTime(t *testing.T) {
	// The time package uses the same proleptic Gregorian calendar with
	// astronomical years; check every day from 10000 BCE to 9999 CE.
	start := time.Date(-9999, 1, 1, 0, 0, 0, 0, time.UTC)
	want := Day(start.Unix() / 86400)
	if got := DayOf(-9999, 1, 1); got != want {
		t.Fatalf("DayOf(-9999, 1, 1) = %d, want %d", got, want)
	}
	y, m, d := -9999, 1, 1
	for day := want; y <= 9999; day++ {
		if gy, gm, gd := day.Date(); gy != y || gm != m || gd != d {
			t.Fatalf("Day(%d).Date() = %d-%d-%d, want %d-%d-%d", day, gy, gm, gd, y, m, d)
		}
		if got := DayOf(y, m, d); got != day {
			t.Fatalf("DayOf(%d, %d, %d) = %d, want %d", y, m, d, got, day)
		}
		d++
		if d > daysIn(y, m) {
			d, m = 1, m+1
			if m > 12 {
				m, y = 1, y+1
			}
		}
	}
	for _, tm := range []time.Time{
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC),
		time.Date(0, 3, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(-400, 2, 29, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC),
	} {
		if got, want := DayOf(tm.Year(), int(tm.Month()), tm.Day()), Day(tm.Unix()/86400); got != want {
			t.Errorf("DayOf(%s) = %d, want %d", tm.Format(time.DateOnly), got, want)
		}
	}
}

func TestLeapYears(t *testing.T) {
	for y, leap := range map[int]bool{
		1900: false, 2000: true, 2004: true, 2100: false, 1600: true, 1985: false,
		0: true, -4: true, -100: false, -400: true, -1: false,
	} {
		if got := isLeap(y); got != leap {
			t.Errorf("isLeap(%d) = %v, want %v", y, got, leap)
		}
		n := int(DayOf(y+1, 1, 1) - DayOf(y, 1, 1))
		if want := map[bool]int{false: 365, true: 366}[leap]; n != want {
			t.Errorf("year %d has %d days, want %d", y, n, want)
		}
	}
}

func TestDayString(t *testing.T) {
	for d, want := range map[Day]string{
		0:                      "1970-01-01",
		-1:                     "1969-12-31",
		MinDay:                 "-inf",
		MaxDay:                 "+inf",
		DayOf(-44, 3, 15):      "-0044-03-15",
		DayOf(0, 1, 1):         "0000-01-01",
		DayOf(2012, 9, 28):     "2012-09-28",
		DayOf(1, 1, 1):         "0001-01-01",
		DayOf(-9999, 12, 31):   "-9999-12-31",
		DayOf(1985, 4, 12) + 1: "1985-04-13",
	} {
		if got := d.String(); got != want {
			t.Errorf("Day(%d).String() = %q, want %q", int64(d), got, want)
		}
	}
}

func TestYearFraction(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    float64
	}{
		{1970, 1, 1, 1970},
		{1997, 10, 8, 1997 + 280.0/365},
		{2000, 12, 31, 2000 + 365.0/366},
		{2001, 1, 1, 2001},
		{1900, 3, 1, 1900 + 59.0/365},
		{2000, 3, 1, 2000 + 60.0/366},
		{-44, 1, 1, -44},
		{-44, 7, 1, -44 + 182.0/366}, // -44 is a leap year
		{0, 12, 31, 365.0 / 366},
	}
	for _, tt := range tests {
		got := DayOf(tt.y, tt.m, tt.d).YearFraction()
		if diff := got - tt.want; diff > 1e-9 || diff < -1e-9 {
			t.Errorf("YearFraction(%d-%02d-%02d) = %v, want %v", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
	// Fractions increase day by day and stay within their year.
	prev := DayOf(-2, 1, 1).YearFraction()
	for d := DayOf(-2, 1, 2); d < DayOf(2002, 1, 1); d++ {
		f := d.YearFraction()
		y, _, _ := d.Date()
		if f <= prev || f < float64(y) || f >= float64(y+1) {
			t.Fatalf("YearFraction(%s) = %v after %v", d, f, prev)
		}
		prev = f
	}
}
