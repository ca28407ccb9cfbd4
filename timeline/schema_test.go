package timeline

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
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
		if want := sorted(fieldNames(typ)); !slices.Equal(got, want) {
			t.Errorf("schema %s has fields %v; the model has %v", name, got, want)
		}
	}
	check("top level", keys(schema.Properties), reflect.TypeFor[Dataset]())
	check("era", keys(schema.Defs["era"].Properties), reflect.TypeFor[Era]())
	check("category", keys(schema.Defs["category"].Properties), reflect.TypeFor[Category]())
	check("source", keys(schema.Defs["source"].Properties), reflect.TypeFor[Source]())
	check("event", keys(schema.Defs["event"].Properties), reflect.TypeFor[Event]())
}
