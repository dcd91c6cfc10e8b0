// Package data holds the files klaim ships with: lexicons of reporting verbs
// and stance cues, the entity gazetteer, the bilingual glossary and the bundled
// sample articles. They are embedded in the binary, so klaim runs from any
// directory.
package data

import "embed"

// FS holds the lexicon/, gazetteer/ and samples/ folders.
//
//go:embed lexicon gazetteer samples
var FS embed.FS
