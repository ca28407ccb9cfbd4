package input

import "testing"

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"The 90s":           "the-90s",
		"  Hussein’s Iraq!": "husseins-iraq",
		"Téhéran / تهران":   "téhéran-تهران",
		"---":               "",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestIDs(t *testing.T) {
	u := NewIDs("x")
	u.Reserve("y")
	for _, tt := range []struct{ want, fallback, got string }{
		{"a", "f", "a"}, {"a", "f", "a-2"}, {"a", "f", "a-3"}, {"x", "f", "x-2"}, {"y", "f", "y-2"}, {"", "f", "f"}, {"", "f", "f-2"},
	} {
		if id := u.Unique(tt.want, tt.fallback); id != tt.got {
			t.Errorf("Unique(%q, %q) = %q; want %q", tt.want, tt.fallback, id, tt.got)
		}
	}
	if !u.Taken("a-3") || u.Taken("a-4") {
		t.Error("Taken does not say which ids are handed out")
	}
}
