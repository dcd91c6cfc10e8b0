package search

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/klaim/klaim"
)

// Page sizes.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// ErrBadCursor is returned (wrapped) by Search and SearchClaims when the
// cursor is not one they handed out for this kind of query.
var ErrBadCursor = errors.New("bad cursor")

// Boosts of the parts of a text query.
const (
	boostNames   = 1.5 // a speaker's or subject's name
	boostClaim   = 0.5 // the text of a statement's claim
	boostPhrase  = 2   // the query's words in order
	boostConcept = 2   // the claim is about a concept the query names
	boostGloss   = 0.5 // a glossary synonym or translation of the query's words
	boostStance  = 1   // the statement's stance is the one the query names
)

// stanceConcepts are the glossary concepts that name a stance: a query for
// "denied" or "membantah" prefers denials.
var stanceConcepts = map[string]klaim.Stance{
	"denial":    klaim.StanceDeny,
	"admission": klaim.StanceAdmit,
	"apology":   klaim.StanceApologize,
}

// facets are the statement facets: result key → field.
var facets = map[string]string{
	"stance":  fieldStance,
	"lang":    fieldLang,
	"speaker": fieldSpeaker,
	"site":    fieldSite,
	"year":    fieldYear,
}

// facetSize is how many buckets each facet returns.
const facetSize = 20

// Search finds statements, best first; with no query text, every statement
// matching the filters, newest first.
func (x *Index) Search(ctx context.Context, q klaim.SearchQuery) (*klaim.SearchResult, error) {
	req, limit, err := x.request(typeStatement, q)
	if err != nil {
		return nil, err
	}
	for name, field := range facets {
		req.AddFacet(name, bleve.NewFacetRequest(field, facetSize))
	}
	if cursorMode(q) == modeScore { // there is text to highlight
		req.Highlight = bleve.NewHighlight()
		req.Highlight.AddField(fieldTextID)
		req.Highlight.AddField(fieldTextEN)
	}
	res, err := x.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search statements: %w", err)
	}
	out := &klaim.SearchResult{
		Hits:   []klaim.SearchHit{},
		Total:  int(res.Total),
		Facets: make(map[string][]klaim.FacetCount, len(facets)),
	}
	hits := res.Hits
	if len(hits) > limit {
		hits = hits[:limit]
		out.NextCursor = encodeCursor(cursorMode(q), hits[limit-1])
	}
	for _, h := range hits {
		var st klaim.Statement
		src, _ := h.Fields[fieldSource].(string)
		if err := json.Unmarshal([]byte(src), &st); err != nil {
			return nil, fmt.Errorf("search statements: stored statement %s: %w", h.ID, err)
		}
		hit := klaim.SearchHit{Statement: st, Score: h.Score}
		if len(h.Fragments) > 0 {
			hit.Highlights = h.Fragments
		}
		out.Hits = append(out.Hits, hit)
	}
	for name := range facets {
		counts := []klaim.FacetCount{}
		if fr := res.Facets[name]; fr != nil && fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				counts = append(counts, klaim.FacetCount{Value: t.Term, Count: t.Count})
			}
		}
		out.Facets[name] = counts
	}
	return out, nil
}

// SearchClaims finds claims, best first; with no query text, every claim
// matching the filters, most recently stated first. The filters apply to
// the statements about a claim: a claim matches Stance "deny" when some
// article denies it.
func (x *Index) SearchClaims(ctx context.Context, q klaim.SearchQuery) (*klaim.ClaimResult, error) {
	req, limit, err := x.request(typeClaim, q)
	if err != nil {
		return nil, err
	}
	res, err := x.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search claims: %w", err)
	}
	out := &klaim.ClaimResult{Hits: []klaim.ClaimHit{}, Total: int(res.Total)}
	hits := res.Hits
	if len(hits) > limit {
		hits = hits[:limit]
		out.NextCursor = encodeCursor(cursorMode(q), hits[limit-1])
	}
	for _, h := range hits {
		rec, err := decodeClaimRecord(h)
		if err != nil {
			return nil, fmt.Errorf("search claims: %w", err)
		}
		out.Hits = append(out.Hits, klaim.ClaimHit{Claim: rec.Claim, Score: h.Score})
	}
	return out, nil
}

// request builds the bleve request for documents of type docType: the text
// query, the filters, the sort order and the page. It asks for one hit more
// than the page holds, to know whether there is a next page.
func (x *Index) request(docType string, q klaim.SearchQuery) (*bleve.SearchRequest, int, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)

	// The filters are conjuncts rather than a bleve filter: a conjunction
	// skips ahead through the rarest of its parts, where a filter would
	// look at every document the text matches. Their boost is next to
	// nothing, so they do not change the ranking.
	all := filterQueries(docType, q)
	if tq := x.textQuery(q.Text); tq != nil {
		all = append(all, tq)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(all...), limit+1, 0, false)
	req.Fields = []string{fieldSource}
	mode := cursorMode(q)
	if mode == modeScore {
		req.SortBy([]string{"-_score", "_id"})
	} else {
		req.SortBy([]string{"-" + fieldSortDate, "_id"})
		req.Score = "none"
	}
	if q.Cursor != "" {
		after, err := decodeCursor(mode, q.Cursor)
		if err != nil {
			return nil, 0, err
		}
		req.SetSearchAfter(after)
	}
	return req, limit, nil
}

// textQuery matches text in both languages' fields, in names, as a phrase
// when it has several words, and through the glossary: the concepts it names
// and their terms in either language. It returns nil for empty text.
func (x *Index) textQuery(text string) query.Query {
	text = strings.TrimSpace(text)
	words := queryWords(text)
	if len(words) == 0 {
		return nil
	}
	var should []query.Query
	match := func(field, text string, boost float64) {
		m := bleve.NewMatchQuery(text)
		m.SetField(field)
		m.SetBoost(boost)
		should = append(should, m)
	}
	phrase := func(field, text string, boost float64) {
		p := bleve.NewMatchPhraseQuery(text)
		p.SetField(field)
		p.SetBoost(boost)
		should = append(should, p)
	}
	match(fieldTextID, text, 1)
	match(fieldTextEN, text, 1)
	match(fieldNames, text, boostNames)
	match(fieldClaimID, text, boostClaim)
	match(fieldClaimEN, text, boostClaim)
	if len(words) > 1 {
		phrase(fieldTextID, text, boostPhrase)
		phrase(fieldTextEN, text, boostPhrase)
	}
	for _, c := range x.glossary.find(words) {
		t := bleve.NewTermQuery("c:" + c.ID)
		t.SetField(fieldConcepts)
		t.SetBoost(boostConcept)
		should = append(should, t)
		if st, ok := stanceConcepts[c.ID]; ok {
			t := bleve.NewTermQuery(string(st))
			t.SetField(fieldStance)
			t.SetBoost(boostStance)
			should = append(should, t)
		}
		for _, e := range x.glossary.expansions[c.ID] {
			if len(e.tokens) > 1 {
				phrase(e.field, e.text, boostGloss)
				continue
			}
			// One word: look up the analysed term, no phrase needed.
			t := bleve.NewTermQuery(e.tokens[0])
			t.SetField(e.field)
			t.SetBoost(boostGloss)
			should = append(should, t)
		}
	}
	return bleve.NewDisjunctionQuery(should...)
}

// filterBoost is the boost of a filter: small enough not to count.
const filterBoost = 1e-9

// filterQueries select documents of docType matching the query's filters.
func filterQueries(docType string, q klaim.SearchQuery) []query.Query {
	term := func(field, value string) query.Query {
		t := bleve.NewTermQuery(value)
		t.SetField(field)
		t.SetBoost(filterBoost)
		return t
	}
	all := []query.Query{term(fieldType, docType)}
	if q.Lang != "" {
		all = append(all, term(fieldLang, strings.ToLower(q.Lang)))
	}
	if q.Stance != "" {
		all = append(all, term(fieldStance, strings.ToLower(string(q.Stance))))
	}
	if s := strings.TrimSpace(q.Site); s != "" {
		all = append(all, term(fieldSite, strings.TrimPrefix(strings.ToLower(s), "www.")))
	}
	// An entity is given by ID or by name; a name matches the folded name
	// and the aliases read in the article.
	if s := strings.TrimSpace(q.Speaker); s != "" {
		all = append(all, bleve.NewDisjunctionQuery(term(fieldSpeakerID, s), term(fieldSpeakerKey, klaim.NormalizeName(s))))
	}
	if e := strings.TrimSpace(q.Entity); e != "" {
		all = append(all, bleve.NewDisjunctionQuery(term(fieldEntities, e), term(fieldEntityKeys, klaim.NormalizeName(e))))
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		incl := true
		r := bleve.NewDateRangeInclusiveQuery(q.From, q.To, &incl, &incl)
		r.SetField(fieldSaidAt)
		all = append(all, r)
	}
	for _, f := range all {
		// A disjunction's own boost does not count: its terms carry it.
		f.(query.BoostableQuery).SetBoost(filterBoost)
	}
	return all
}

// Sort orders; a cursor is only valid for the order it was made in.
const (
	modeScore = "s" // best first, then by ID
	modeDate  = "d" // newest first, then by ID
)

func cursorMode(q klaim.SearchQuery) string {
	if len(queryWords(q.Text)) > 0 {
		return modeScore
	}
	return modeDate
}

// cursor is the decoded form of an opaque cursor: the sort order and the
// sort key of the last hit of the previous page.
type cursor struct {
	Mode  string   `json:"m"`
	After []string `json:"a"`
}

// encodeCursor keeps the score exactly. While the index merges segments in
// the background (right after a batch is written) scores can change in
// their last bits, so a hit at a page boundary may then repeat or be
// skipped; a settled index pages exactly (TestPaging).
func encodeCursor(mode string, last *bsearch.DocumentMatch) string {
	key := make([]string, 2)
	if mode == modeScore {
		key[0] = strconv.FormatFloat(last.Score, 'g', -1, 64)
	} else {
		key[0] = last.Sort[0]
	}
	key[1] = last.ID
	b, _ := json.Marshal(cursor{Mode: mode, After: key})
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(mode, s string) ([]string, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("%w: not base64url", ErrBadCursor)
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil || len(c.After) != 2 {
		return nil, fmt.Errorf("%w: not a search cursor", ErrBadCursor)
	}
	if c.Mode != mode {
		return nil, fmt.Errorf("%w: made for another kind of query (with or without text)", ErrBadCursor)
	}
	if mode == modeScore {
		if _, err := strconv.ParseFloat(c.After[0], 64); err != nil {
			return nil, fmt.Errorf("%w: bad score", ErrBadCursor)
		}
	}
	return c.After, nil
}
