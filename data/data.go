// Package data holds the timeline tool's default dataset, embedded in the
// binary: a chronology of the Mojahedin-e-Khalq (MEK), also known as the
// People’s Mojahedin Organization of Iran (PMOI), drawn from the Congressional
// Research Service report “The Mojahedin-e-Khalq (MEK) or People’s Mojahedin
// Organization of Iran (PMOI)” by Clayton Thomas, 25 February 2025.
//
// Every footnote of the report is a source of the dataset, and every event
// cites the footnotes it rests on. The choice of eras is explained in
// ERAS.md, and what the dataset leaves out in BACKGROUND.md.
package data

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/timeline-tool/timeline/timeline"
)

// name is the name the embedded dataset is read under, in messages and in
// the provenance of outputs.
const name = "mek.json"

//go:embed mek.json
var mekJSON []byte

// MEK decodes and validates the embedded dataset and returns it. Its error
// lists every problem of the embedded file; the package's tests ensure there
// is none, nor any warning. Each call returns a new Dataset.
func MEK() (*timeline.Dataset, error) {
	d, _, err := timeline.Load(name, mekJSON)
	if err != nil {
		return nil, fmt.Errorf("embedded dataset: %w", err)
	}
	return d, nil
}

// Raw returns a copy of the embedded dataset as it is stored: JSON in the
// format timeline.Decode reads.
func Raw() []byte {
	return bytes.Clone(mekJSON)
}
