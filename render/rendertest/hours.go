package rendertest

import "github.com/timeline-tool/timeline/timeline"

// hoursJSON is a small dataset of one day, hour by hour: times to the
// minute, the second and the millisecond, a span of an hour and a
// quarter, three events within one hour, a time with a zone, the day
// itself, and an event of the next morning, in two lanes.
const hoursJSON = `{"title":"One day, hour by hour","subtitle":"Times of day on the axis",
"categories":[{"id":"city","label":"City"},{"id":"river","label":"River"}],
"sources":[{"id":"s","title":"A test source","url":"https://example.org/s"}],
"events":[
{"id":"day","date":"1910-04-21","title":"The day itself","category":"city","sources":["s"]},
{"id":"dawn","date":"1910-04-21T06:00","title":"Dawn","category":"river","sources":["s"]},
{"id":"bell","date":"1910-04-21T09:30","title":"The first bell","category":"city","sources":["s"]},
{"id":"bell2","date":"1910-04-21T09:40","title":"The second bell","category":"city","sources":["s"]},
{"id":"bell3","date":"1910-04-21T09:50:30","title":"The third bell","category":"city","sources":["s"]},
{"id":"noon","date":"1910-04-21T12:00:00/1910-04-21T13:15:30","title":"Noon to past one","category":"river","sources":["s"]},
{"id":"tide","date":"1910-04-21T16:20+01:00","title":"The tide turns","category":"river","sources":["s"]},
{"id":"evening","date":"1910-04-21T18:45:05.250","title":"Evening, to the millisecond","category":"city","sources":["s"]},
{"id":"morning","date":"1910-04-22T07:15","title":"The next morning","category":"river","sources":["s"]}
]}`

// Hours returns a small valid dataset of times of day within two days
// (shaped like TimelineJS's examples with hours), for the renderers'
// tests of an axis of hours.
func Hours() *timeline.Dataset { return decode("hours.json", hoursJSON) }
