package search

import (
	"slices"
	"strings"
	"unicode"

	porterstemmer "github.com/blevesearch/go-porterstemmer"

	"github.com/klaim/klaim/data"
	"github.com/klaim/klaim/search/indonesian"
)

// glossary finds the bilingual glossary's terms in a query, so that a query
// in one language also looks for the other language's words and for the
// concept keys of claims.
type glossary struct {
	concepts map[string]data.Concept
	terms    []glossTerm
	longest  int // the most words in a term
	// expansions are the distinct analysed terms of each concept: many
	// terms of a concept ("bantah", "membantah", "dibantah") stem alike.
	expansions map[string][]expansion
}

// expansion is one term of a concept to look for in one field.
type expansion struct {
	field  string
	text   string   // the glossary's term
	tokens []string // as the field's analyzer gives it
}

// analyzer turns text into the terms a field indexes.
type analyzer func(text string) []string

// glossTerm is one term of a concept, as a sequence of stemmed words.
type glossTerm struct {
	concept string
	english bool
	stems   []string
}

// newGlossary indexes the concepts; analyzeID and analyzeEN are the
// analyzers of the Indonesian and English text fields.
func newGlossary(concepts []data.Concept, analyzeID, analyzeEN analyzer) *glossary {
	g := &glossary{
		concepts:   make(map[string]data.Concept, len(concepts)),
		expansions: make(map[string][]expansion, len(concepts)),
	}
	for _, c := range concepts {
		g.concepts[c.ID] = c
		seen := map[string]bool{}
		expand := func(field, term string, analyze analyzer) {
			tokens := analyze(term)
			key := field + "\x00" + strings.Join(tokens, " ")
			if len(tokens) == 0 || seen[key] {
				return
			}
			seen[key] = true
			g.expansions[c.ID] = append(g.expansions[c.ID], expansion{field: field, text: term, tokens: tokens})
		}
		for _, t := range c.English {
			g.add(c.ID, true, t)
			expand(fieldTextEN, t, analyzeEN)
		}
		for _, t := range c.Indonesian {
			g.add(c.ID, false, t)
			expand(fieldTextID, t, analyzeID)
		}
	}
	return g
}

func (g *glossary) add(concept string, english bool, term string) {
	words := queryWords(term)
	if len(words) == 0 {
		return
	}
	stems := make([]string, len(words))
	for i, w := range words {
		stems[i] = stemWord(w, english)
	}
	g.terms = append(g.terms, glossTerm{concept: concept, english: english, stems: stems})
	g.longest = max(g.longest, len(words))
}

// stemWord stems a lower-case word as the analyzer of its language does.
func stemWord(w string, english bool) string {
	if english {
		return porterstemmer.StemString(w)
	}
	return indonesian.Stem(w)
}

// queryWords splits text into lower-case words of letters and digits, the
// way the unicode tokenizer does for the languages we index.
func queryWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// find returns the concepts whose terms occur in words, in order of first
// occurrence. At each position the longest matching term wins, so "private
// messages" is one match, not also "messages".
func (g *glossary) find(words []string) []data.Concept {
	idStems := make([]string, len(words))
	enStems := make([]string, len(words))
	for i, w := range words {
		idStems[i] = stemWord(w, false)
		enStems[i] = stemWord(w, true)
	}
	var out []data.Concept
	seen := map[string]bool{}
	for i := 0; i < len(words); {
		best := -1
		for ti, t := range g.terms {
			n := len(t.stems)
			if i+n > len(words) || (best >= 0 && n <= len(g.terms[best].stems)) {
				continue
			}
			stems := idStems
			if t.english {
				stems = enStems
			}
			if slices.Equal(stems[i:i+n], t.stems) {
				best = ti
			}
		}
		if best < 0 {
			i++
			continue
		}
		if c := g.terms[best].concept; !seen[c] {
			seen[c] = true
			out = append(out, g.concepts[c])
		}
		i += len(g.terms[best].stems)
	}
	return out
}
