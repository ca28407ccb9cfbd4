package rendertest

import "github.com/timeline-tool/timeline/timeline"

// deepTimeJSON is a small dataset of deep time: long years from the
// beginning of the universe, a span of hundreds of millions of years, an
// approximate long year, an ordinary year and a time of day with a zone,
// in eras that meet 4.6 billion years ago.
const deepTimeJSON = `{"title":"Deep time","subtitle":"From the beginning of the universe to a landing on the Moon","scale":"cosmological",
"eras":[{"id":"before","label":"Before the Sun","span":"Y-13800000000/Y-4600000000"},{"id":"since","label":"Since the Sun","span":"Y-4600000000/1969"}],
"categories":[{"id":"cosmos","label":"Cosmos"},{"id":"life","label":"Life"},{"id":"people","label":"People"}],
"sources":[{"id":"s","title":"A test source","url":"https://example.org/s"}],
"events":[
{"id":"start","date":"Y-13800000000","title":"The universe begins","era":"before","category":"cosmos","sources":["s"]},
{"id":"sun","date":"Y-4567000000~","title":"The Sun and its planets form","era":"since","category":"cosmos","sources":["s"]},
{"id":"seas","date":"Y-541000000/Y-251900000","title":"An era of ancient seas","era":"since","category":"life","sources":["s"]},
{"id":"strike","date":"Y-66000000","title":"An asteroid strikes","era":"since","category":"life","sources":["s"]},
{"id":"species","date":"Y-300000","title":"Our species appears","era":"since","category":"people","sources":["s"]},
{"id":"writing","date":"-3199","title":"Writing","era":"since","category":"people","sources":["s"]},
{"id":"moon","date":"1969-07-20T20:17Z","title":"A landing on the Moon","era":"since","category":"people","sources":["s"]}
]}`

// DeepTime returns a small valid dataset of deep time (EDTF long years, as
// TimelineJS's cosmological scale has them), for the renderers' tests.
func DeepTime() *timeline.Dataset { return decode("deep-time.json", deepTimeJSON) }

// decode returns the dataset of the JSON js, which is valid.
func decode(name, js string) *timeline.Dataset {
	d, err := timeline.Decode(name, []byte(js))
	if err != nil {
		panic(err)
	}
	return d
}
