package eventcsv

import (
	"bytes"
	"strings"
	"testing"
)

// TestRichTextCells: our CSV carries rich text as written, both ways, and
// a link that is not http(s) or a path beside the dataset is refused at
// its cell.
func TestRichTextCells(t *testing.T) {
	in := "record,id,date,title,summary\n" +
		"dataset,,,Links,\n" +
		"event,a,1916,Good,\"A [web page](https://example.org/a), *em*, **strong**, 5 * 3 and [sic]\"\n" +
		"event,b,1917,Bad,See [here](javascript:alert(1))\n"
	d, _, err := Read("t.csv", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if want := "A [web page](https://example.org/a), *em*, **strong**, 5 * 3 and [sic]"; d.Events[0].Summary != want {
		t.Errorf("summary %q, want %q", d.Events[0].Summary, want)
	}
	ps := d.Validate().Errors()
	if len(ps) != 1 || !strings.HasPrefix(ps[0].String(), "t.csv:4:") || !strings.Contains(ps[0].String(), `link "javascript:alert(1)"`) {
		t.Errorf("problems %v; want the link refused at line 4", ps)
	}
	var out bytes.Buffer
	if err := Write(&out, d, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "A [web page](https://example.org/a), *em*, **strong**, 5 * 3 and [sic]") {
		t.Errorf("written:\n%s", out.String())
	}
}
