// Package claims finds who claimed, denied, admitted or apologised for what in
// a news article, in Indonesian and English.
//
// It works in one linear pass over the article: quotations are found at
// paragraph level first (sentence splitters break inside quotes), then
// sentences are split, entities recognised (a gazetteer plus capitalised
// names with their kind read from the context; titles and roles glued to
// organisations and names, as Indonesian capitalises them, are taken apart:
// "Kepala Eksekutif Pengawas Perbankan OJK Dian Ediana Rae"; organisations
// defined by an acronym, "Indonesia Corruption Watch (ICW)", answer to it
// later), reporting cues matched from
// the lexicons, and each cue given a speaker (a name, a surname seen before,
// a pronoun or a description resolved to the nearest compatible entity), a
// stance (the cue's, changed by negation and by what the quote says), a
// date and a claim. Claims get language-independent concepts (entity IDs and
// glossary concepts) so the same proposition gets one ID across articles and
// languages.
package claims

import (
	"context"
	"errors"
	"fmt"
	"io/fs"

	"github.com/klaim/klaim"
	"github.com/klaim/klaim/data"
)

// ClaimFinder is what the extractor needs from the store: the stored claims
// sharing concepts with the given ones, most shared first. klaim.Store has
// this method.
type ClaimFinder interface {
	SimilarClaims(ctx context.Context, concepts []string, limit int) ([]klaim.Claim, error)
}

// Extractor turns articles into documents of attributed statements. It is
// safe for concurrent use: Extract keeps its state per call.
type Extractor struct {
	lex *lexicon
	gaz *gazetteer
	glo *glossary
}

// New loads the lexicons, the gazetteer and the glossary embedded in data.FS.
func New() (*Extractor, error) { return NewFS(data.FS) }

// NewFS loads the lexicons, gazetteer and glossary from fsys, laid out as
// data.FS is (lexicon/*.tsv, gazetteer/*.tsv).
func NewFS(fsys fs.FS) (*Extractor, error) {
	lex, err := loadLexicon(fsys)
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	gaz, err := loadGazetteer(fsys)
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	glo, err := loadGlossary(fsys)
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	return &Extractor{lex: lex, gaz: gaz, glo: glo}, nil
}

// Extract finds the statements, entities, claims and relations of article a.
// f, when not nil, is asked for stored claims so that the same proposition
// keeps one claim ID across articles; with f nil claim IDs come from the
// concepts alone. The article is copied into the document unchanged.
func (x *Extractor) Extract(ctx context.Context, a *klaim.Article, f ClaimFinder) (doc *klaim.Document, err error) {
	if a == nil {
		return nil, errors.New("claims: nil article")
	}
	if a.ID == "" {
		return nil, errors.New("claims: article has no id")
	}
	defer func() {
		// A bug on some odd text must cost one article, not the crawl.
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("claims: article %s: internal error: %v", a.ID, p)
		}
	}()
	r := newRun(x, a)
	r.analyse()
	doc, err = r.document(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("claims: article %s: %w", a.ID, err)
	}
	if err := doc.Validate(); err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	return doc, nil
}
