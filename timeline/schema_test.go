package timeline

import (
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestSchemaMatchesModel checks that dataset.schema.json names exactly the
// fields the model reads, so the documented format cannot drift from the
// code.
func TestSchemaMatchesModel(t *testing.T) {
	b, err := os.ReadFile("dataset.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Properties map[string]any `json:"properties"`
		Defs       map[string]struct {
			Properties map[string]any `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	sorted := func(xs []string) []string { xs = slices.Clone(xs); slices.Sort(xs); return xs }
	check := func(name string, got []string, typ reflect.Type) {
		if want := sorted(strings.Split(names(fieldsOf(typ)), ", ")); !slices.Equal(got, want) {
			t.Errorf("schema %s has fields %v; the model has %v", name, got, want)
		}
	}
	check("top level", keys(schema.Properties), reflect.TypeFor[Dataset]())
	check("era", keys(schema.Defs["era"].Properties), reflect.TypeFor[Era]())
	check("category", keys(schema.Defs["category"].Properties), reflect.TypeFor[Category]())
	check("source", keys(schema.Defs["source"].Properties), reflect.TypeFor[Source]())
	check("event", keys(schema.Defs["event"].Properties), reflect.TypeFor[Event]())
	check("media", keys(schema.Defs["media"].Properties), reflect.TypeFor[Media]())
}

// TestSchemaDatePattern checks that the schema's EDTF pattern accepts every
// date ParseDate reads, one-of sets among them, and refuses the set forms
// ParseDate refuses.
func TestSchemaDatePattern(t *testing.T) {
	b, err := os.ReadFile("dataset.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Defs struct {
			EDTF struct {
				Pattern string `json:"pattern"`
			} `json:"edtf"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	re, err := regexp.Compile(schema.Defs.EDTF.Pattern)
	if err != nil {
		t.Fatalf("edtf pattern: %v", err)
	}
	for _, tt := range parseTests {
		if !re.MatchString(tt.in) {
			t.Errorf("schema pattern refuses %q, which ParseDate reads", tt.in)
		}
	}
	for _, s := range []string{"[1667,1668,1670..1672]", "{1667,1668}", "[2009]", "[2009..2010]/2012", "2009/[2010..]", "Y2000", "Y-17", "1997-10-08T14", "1997-10T14:30"} {
		if re.MatchString(s) {
			t.Errorf("schema pattern accepts %q, which ParseDate refuses", s)
		}
	}
}
