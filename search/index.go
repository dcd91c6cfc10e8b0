// Package search is the full-text index of klaim: statements and claims in
// bleve, analysed in Indonesian (package indonesian's stemmer) and English,
// searchable across the two languages through the bilingual glossary.
// Index implements klaim.Index.
package search

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bolt "go.etcd.io/bbolt"

	"github.com/klaim/klaim"
	"github.com/klaim/klaim/data"
)

var _ klaim.Index = (*Index)(nil)

// ErrMappingVersion is returned (wrapped) by Open when the index on disk was
// built by another version of this package: it must be rebuilt (Reset, then
// index every document again) before it can be used.
var ErrMappingVersion = errors.New("search index has an old layout")

// versionKey is the internal key under which the mapping version is kept.
var versionKey = []byte("klaim.mapping_version")

// Index is the bleve index of statements and claims. It is safe for
// concurrent use; writes are serialised.
type Index struct {
	idx      bleve.Index
	glossary *glossary

	tempDir string // OpenMemory's directory, removed by Close

	// mu serialises writers: a claim's record is read, changed and
	// written back, and two articles may share a claim.
	mu sync.Mutex
}

// Open opens the index at dataDir/index, creating it when missing. An index
// built with another MappingVersion is refused with ErrMappingVersion.
func Open(dataDir string) (*Index, error) {
	path := filepath.Join(dataDir, "index")
	idx, err := bleve.OpenUsing(path, scorchConfig())
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		return create(path)
	}
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("open search index %s: another klaim is using it: %w", path, err)
	}
	if err != nil {
		return nil, fmt.Errorf("open search index %s: %w", path, err)
	}
	v, err := idx.GetInternal(versionKey)
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("open search index %s: read version: %w", path, err)
	}
	if string(v) != MappingVersion {
		idx.Close()
		if len(v) == 0 {
			v = []byte("unknown")
		}
		return nil, fmt.Errorf("open search index %s: %w (version %s, this klaim needs %s): rebuild it with `klaim reindex`", path, ErrMappingVersion, v, MappingVersion)
	}
	return newIndex(idx)
}

// Reset deletes the index at dataDir/index, if any, and creates an empty one:
// the first step of a rebuild.
func Reset(dataDir string) (*Index, error) {
	path := filepath.Join(dataDir, "index")
	if err := os.RemoveAll(path); err != nil {
		return nil, fmt.Errorf("reset search index: %w", err)
	}
	return create(path)
}

func create(path string) (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("search mapping: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("create search index %s: %w", path, err)
	}
	idx, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, scorchConfig())
	if err != nil {
		return nil, fmt.Errorf("create search index %s: %w", path, err)
	}
	if err := idx.SetInternal(versionKey, []byte(MappingVersion)); err != nil {
		idx.Close()
		return nil, fmt.Errorf("create search index %s: %w", path, err)
	}
	return newIndex(idx)
}

// OpenMemory returns an empty index for tests and one-off runs. It lives in
// a temporary directory that Close removes: bleve's purely in-memory
// indexes are several times slower to write and to search.
func OpenMemory() (*Index, error) {
	dir, err := os.MkdirTemp("", "klaim-index-")
	if err != nil {
		return nil, fmt.Errorf("create temporary search index: %w", err)
	}
	x, err := create(filepath.Join(dir, "index"))
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	x.tempDir = dir
	return x, nil
}

// scorchConfig is the runtime configuration of the index.
func scorchConfig() map[string]interface{} {
	return map[string]interface{}{
		"bolt_timeout": boltTimeout,
	}
}

// boltTimeout bounds the wait for an index another process holds open.
var boltTimeout = "3s"

func newIndex(idx bleve.Index) (*Index, error) {
	concepts, err := data.Glossary(data.FS)
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("search: %w", err)
	}
	m := idx.Mapping()
	analyze := func(name string) analyzer {
		a := m.AnalyzerNamed(name)
		return func(text string) []string {
			var out []string
			for _, tok := range a.Analyze([]byte(text)) {
				out = append(out, string(tok.Term))
			}
			return out
		}
	}
	g := newGlossary(concepts, analyze(AnalyzerID), analyze(AnalyzerEN))
	return &Index{idx: idx, glossary: g}, nil
}

// Close closes the index.
func (x *Index) Close() error {
	err := x.idx.Close()
	if x.tempDir != "" {
		if rerr := os.RemoveAll(x.tempDir); err == nil {
			err = rerr
		}
	}
	if err != nil {
		return fmt.Errorf("close search index: %w", err)
	}
	return nil
}

// IndexDocument indexes the statements and claims of doc, replacing what the
// same article had in the index before. A claim stays indexed while any
// article still references it.
func (x *Index) IndexDocument(ctx context.Context, doc *klaim.Document) error {
	if doc.Article.ID == "" {
		return errors.New("index document: article has no id")
	}
	if err := x.replace(ctx, []string{doc.Article.ID}, []*klaim.Document{doc}); err != nil {
		return fmt.Errorf("index article %s: %w", doc.Article.ID, err)
	}
	return nil
}

// IndexDocuments is IndexDocument for many documents in one batch: several
// times faster for a bulk load or a rebuild, since each batch costs a
// segment that the index later merges. When two documents have the same
// article ID, the later one wins.
func (x *Index) IndexDocuments(ctx context.Context, docs []*klaim.Document) error {
	ids := make([]string, 0, len(docs))
	for _, d := range docs {
		if d.Article.ID == "" {
			return errors.New("index documents: an article has no id")
		}
		ids = append(ids, d.Article.ID)
	}
	if err := x.replace(ctx, ids, docs); err != nil {
		return fmt.Errorf("index %d articles: %w", len(docs), err)
	}
	return nil
}

// DeleteArticle removes the article's statements, and the claims that only
// it referenced.
func (x *Index) DeleteArticle(ctx context.Context, articleID string) error {
	if err := x.replace(ctx, []string{articleID}, nil); err != nil {
		return fmt.Errorf("delete article %s from index: %w", articleID, err)
	}
	return nil
}

// replace swaps what the articles articleIDs have in the index for what docs
// produced (nothing when docs is empty), in one batch.
func (x *Index) replace(ctx context.Context, articleIDs []string, docs []*klaim.Document) error {
	x.mu.Lock()
	defer x.mu.Unlock()

	// The last document of an article wins: drop the earlier ones.
	last := make(map[string]int, len(docs))
	for i, d := range docs {
		last[d.Article.ID] = i
	}
	old, err := x.docsOfArticles(ctx, articleIDs)
	if err != nil {
		return err
	}
	b := x.idx.NewBatch()
	var oldClaims []string
	for _, h := range old {
		if h.Fields[fieldType] == typeClaim {
			oldClaims = append(oldClaims, h.ID)
			continue
		}
		b.Delete(h.ID)
	}
	// The claim records to write back: those the articles referenced, less
	// these articles' uses, and (added below) those the documents reference.
	claims, err := x.claimRecords(ctx, oldClaims)
	if err != nil {
		return err
	}
	for _, rec := range claims {
		for _, id := range articleIDs {
			delete(rec.Uses, id)
		}
	}
	for i, doc := range docs {
		if last[doc.Article.ID] != i {
			continue
		}
		if err := x.addDocument(ctx, b, doc, claims); err != nil {
			return fmt.Errorf("article %s: %w", doc.Article.ID, err)
		}
	}
	for id, rec := range claims {
		if len(rec.Uses) == 0 {
			b.Delete(id)
			continue
		}
		if err := b.Index(id, rec.fields()); err != nil {
			return fmt.Errorf("claim %s: %w", id, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return x.idx.Batch(b)
}

// addDocument adds doc's statements to b and records, in claims, the use each
// of doc's claims gets from this article.
func (x *Index) addDocument(ctx context.Context, b *bleve.Batch, doc *klaim.Document, claims map[string]*claimRecord) error {
	ents := make(map[string]*klaim.Entity, len(doc.Entities))
	for i := range doc.Entities {
		ents[doc.Entities[i].ID] = &doc.Entities[i]
	}
	docClaims := make(map[string]*klaim.Claim, len(doc.Claims))
	var missing []string
	for i := range doc.Claims {
		c := &doc.Claims[i]
		docClaims[c.ID] = c
		if _, ok := claims[c.ID]; !ok {
			missing = append(missing, c.ID)
		}
	}
	stored, err := x.claimRecords(ctx, missing)
	if err != nil {
		return err
	}
	for id, rec := range stored {
		claims[id] = rec
	}
	for id, c := range docClaims {
		rec := claims[id]
		if rec == nil {
			rec = &claimRecord{}
			claims[id] = rec
		}
		rec.Claim = *c // the newest reading of a claim wins
		if rec.Uses == nil {
			rec.Uses = map[string]*claimUse{}
		}
		rec.Uses[doc.Article.ID] = &claimUse{Lang: doc.Article.Lang, Site: doc.Article.Site.Host}
	}

	for i := range doc.Statements {
		s := &doc.Statements[i]
		f := statementFields(doc, s, docClaims[s.Claim.ID], ents)
		if err := b.Index(s.ID, f); err != nil {
			return fmt.Errorf("statement %s: %w", s.ID, err)
		}
		rec := claims[s.Claim.ID]
		if rec == nil { // a claim neither the document nor the index has
			continue
		}
		use := rec.Uses[doc.Article.ID]
		if use == nil { // a claim the index has but the document lacks
			use = &claimUse{Lang: doc.Article.Lang, Site: doc.Article.Site.Host}
			rec.Uses[doc.Article.ID] = use
		}
		use.Stances = appendNew(use.Stances, string(s.Stance))
		use.SpeakerIDs = appendNew(use.SpeakerIDs, s.Speaker.ID)
		use.SpeakerNames = appendNew(use.SpeakerNames, s.Speaker.Name)
		use.SpeakerKeys = appendNew(use.SpeakerKeys, f[fieldSpeakerKey].([]string)...)
		use.Entities = appendNew(use.Entities, f[fieldEntities].([]string)...)
		use.EntityKeys = appendNew(use.EntityKeys, f[fieldEntityKeys].([]string)...)
		use.Names = appendNew(use.Names, f[fieldNames].([]string)...)
		if d := statementDate(doc, s); !d.IsZero() {
			use.Dates = appendNew(use.Dates, d.Format(time.DateOnly))
		}
	}
	return nil
}

// docsOfArticles returns the ID and type of every document that names one
// of the articles: their statements and the claims they reference.
func (x *Index) docsOfArticles(ctx context.Context, articleIDs []string) ([]*bsearch.DocumentMatch, error) {
	terms := make([]query.Query, len(articleIDs))
	for i, id := range articleIDs {
		t := bleve.NewTermQuery(id)
		t.SetField(fieldArticle)
		terms[i] = t
	}
	q := bleve.NewDisjunctionQuery(terms...)
	var out []*bsearch.DocumentMatch
	const page = 1000
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(q, page, 0, false)
		req.Fields = []string{fieldType}
		req.SortBy([]string{"_id"})
		req.Score = "none"
		if after != nil {
			req.SetSearchAfter(after)
		}
		res, err := x.idx.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("find documents of articles: %w", err)
		}
		out = append(out, res.Hits...)
		if len(res.Hits) < page {
			return out, nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// claimRecords loads the stored records of the claims with the given IDs;
// claims not in the index are absent from the map.
func (x *Index) claimRecords(ctx context.Context, ids []string) (map[string]*claimRecord, error) {
	out := make(map[string]*claimRecord, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{fieldType, fieldSource, fieldUses}
	res, err := x.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("load claims: %w", err)
	}
	for _, h := range res.Hits {
		if h.Fields[fieldType] != typeClaim {
			continue // an ID clash with a statement: leave it be
		}
		rec, err := decodeClaimRecord(h)
		if err != nil {
			return nil, err
		}
		out[h.ID] = rec
	}
	return out, nil
}

// claimRecord is what the index keeps about a claim: the claim and, for each
// article that references it, how that article uses it. The indexed fields
// are the union of the uses, so a claim drops an article's speakers and
// stances when that article is replaced.
type claimRecord struct {
	Claim klaim.Claim          `json:"claim"`
	Uses  map[string]*claimUse `json:"uses"` // by article ID
}

// claimUse is how one article uses a claim.
type claimUse struct {
	Lang         string   `json:"lang,omitempty"`
	Site         string   `json:"site,omitempty"`
	Stances      []string `json:"stances,omitempty"`
	SpeakerIDs   []string `json:"speaker_ids,omitempty"`
	SpeakerNames []string `json:"speaker_names,omitempty"`
	SpeakerKeys  []string `json:"speaker_keys,omitempty"`
	Entities     []string `json:"entities,omitempty"`
	EntityKeys   []string `json:"entity_keys,omitempty"`
	Names        []string `json:"names,omitempty"`
	Dates        []string `json:"dates,omitempty"` // YYYY-MM-DD
}

// decodeClaimRecord reads a claim record from the stored fields of a hit;
// the uses only when the hit has them.
func decodeClaimRecord(h *bsearch.DocumentMatch) (*claimRecord, error) {
	rec := claimRecord{Uses: map[string]*claimUse{}}
	src, _ := h.Fields[fieldSource].(string)
	if err := json.Unmarshal([]byte(src), &rec.Claim); err != nil {
		return nil, fmt.Errorf("claim %s: stored claim: %w", h.ID, err)
	}
	if uses, ok := h.Fields[fieldUses].(string); ok {
		if err := json.Unmarshal([]byte(uses), &rec.Uses); err != nil {
			return nil, fmt.Errorf("claim %s: stored uses: %w", h.ID, err)
		}
	}
	return &rec, nil
}

// fields returns the bleve document of the claim.
func (r *claimRecord) fields() map[string]any {
	c := &r.Claim
	var langs, sites, stances, spIDs, spNames, spKeys, names, years, articles []string
	entities := []string{}
	keys := []string{}
	var dates []time.Time
	for _, s := range c.Subjects {
		entities = appendNew(entities, s.ID)
		keys = appendNew(keys, klaim.NormalizeName(s.Name))
		names = appendNew(names, s.Name)
	}
	newest := ""
	for art, u := range r.Uses {
		articles = append(articles, art)
		langs = appendNew(langs, u.Lang)
		sites = appendNew(sites, u.Site)
		stances = appendNew(stances, u.Stances...)
		spIDs = appendNew(spIDs, u.SpeakerIDs...)
		spNames = appendNew(spNames, u.SpeakerNames...)
		spKeys = appendNew(spKeys, u.SpeakerKeys...)
		entities = appendNew(entities, u.Entities...)
		keys = appendNew(keys, u.EntityKeys...)
		names = appendNew(names, u.Names...)
		for _, d := range u.Dates {
			if t, err := time.Parse(time.DateOnly, d); err == nil {
				dates = append(dates, t)
				years = appendNew(years, d[:4])
				newest = max(newest, d)
			}
		}
	}
	slices.Sort(articles)
	if newest == "" {
		newest = noDate
	}
	if c.Lang != "" {
		langs = appendNew(langs, c.Lang)
	}
	src, _ := json.Marshal(c) // plain data: cannot fail
	uses, _ := json.Marshal(r.Uses)
	f := map[string]any{
		fieldType:       typeClaim,
		fieldTextID:     c.Text,
		fieldTextEN:     c.Text,
		fieldNames:      names,
		fieldConcepts:   c.Concepts,
		fieldClaim:      c.ID,
		fieldArticle:    articles,
		fieldLang:       langs,
		fieldSite:       sites,
		fieldStance:     stances,
		fieldSpeakerID:  spIDs,
		fieldSpeaker:    spNames,
		fieldSpeakerKey: spKeys,
		fieldEntities:   entities,
		fieldEntityKeys: keys,
		fieldYear:       years,
		fieldSortDate:   newest,
		fieldSource:     string(src),
		fieldUses:       string(uses),
	}
	if len(dates) > 0 {
		f[fieldSaidAt] = dates
	}
	dropEmpty(f)
	return f
}

// noDate sorts after every real date in a descending date sort.
const noDate = "0000-00-00"

// statementFields returns the bleve document of statement s of doc; c is its
// claim (nil if the document lacks it) and ents the document's entities.
func statementFields(doc *klaim.Document, s *klaim.Statement, c *klaim.Claim, ents map[string]*klaim.Entity) map[string]any {
	lang := s.Article.Lang
	if lang == "" {
		lang = doc.Article.Lang
	}
	var idText, enText, idClaim, enClaim []string
	addTo := func(id, en *[]string, lang, text string) {
		if text == "" {
			return
		}
		switch lang {
		case "id":
			*id = append(*id, text)
		case "en":
			*en = append(*en, text)
		default: // unknown language: analyse it both ways
			*id = append(*id, text)
			*en = append(*en, text)
		}
	}
	add := func(lang, text string) { addTo(&idText, &enText, lang, text) }
	// The quote is usually part of the sentence; indexing it twice would
	// only inflate its term frequencies.
	if s.Quote != "" && !strings.Contains(s.Sentence, s.Quote) {
		add(lang, s.Quote)
	}
	add(lang, s.Sentence)

	var names, entities, entityKeys, speakerKeys, concepts []string
	involve := func(ref klaim.EntityRef, speaker bool) {
		if ref.ID == "" && ref.Name == "" {
			return
		}
		names = appendNew(names, ref.Name)
		entities = appendNew(entities, ref.ID)
		keys := []string{klaim.NormalizeName(ref.Name)}
		if e := ents[ref.ID]; e != nil {
			keys = append(keys, klaim.NormalizeName(e.Name))
			for _, a := range e.Aliases {
				keys = append(keys, klaim.NormalizeName(a))
			}
		}
		entityKeys = appendNew(entityKeys, keys...)
		if speaker {
			speakerKeys = appendNew(speakerKeys, keys...)
		}
	}
	involve(klaim.EntityRef{ID: s.Speaker.ID, Name: s.Speaker.Name}, true)
	if s.Speaker.Org != nil {
		involve(*s.Speaker.Org, false)
	}
	for _, sub := range s.Subjects {
		involve(sub, false)
	}
	claimText := s.Claim.Text
	if c != nil {
		for _, sub := range c.Subjects {
			involve(sub, false)
		}
		concepts = c.Concepts
		claimText = c.Text
		addTo(&idClaim, &enClaim, c.Lang, claimText)
	} else {
		addTo(&idClaim, &enClaim, lang, claimText)
	}

	src, _ := json.Marshal(s) // plain data: cannot fail
	site := strings.ToLower(s.Article.Site)
	if site == "" {
		site = strings.ToLower(doc.Article.Site.Host)
	}
	sortDate := noDate
	f := map[string]any{
		fieldType:       typeStatement,
		fieldTextID:     strings.Join(idText, "\n"),
		fieldTextEN:     strings.Join(enText, "\n"),
		fieldClaimID:    strings.Join(idClaim, "\n"),
		fieldClaimEN:    strings.Join(enClaim, "\n"),
		fieldNames:      names,
		fieldStance:     string(s.Stance),
		fieldLang:       lang,
		fieldSpeakerID:  s.Speaker.ID,
		fieldSpeaker:    s.Speaker.Name,
		fieldSpeakerKey: speakerKeys,
		fieldEntities:   entities,
		fieldEntityKeys: entityKeys,
		fieldSite:       site,
		fieldClaim:      s.Claim.ID,
		fieldArticle:    doc.Article.ID,
		fieldConcepts:   concepts,
		fieldSource:     string(src),
	}
	if d := statementDate(doc, s); !d.IsZero() {
		f[fieldSaidAt] = d
		f[fieldYear] = d.Format("2006")
		sortDate = d.Format(time.DateOnly)
	}
	f[fieldSortDate] = sortDate
	dropEmpty(f)
	return f
}

// dropEmpty deletes the fields whose value is "": a keyword field would
// index the empty string, and facets would show it as a value.
func dropEmpty(f map[string]any) {
	for k, v := range f {
		if s, ok := v.(string); ok && s == "" {
			delete(f, k)
		}
	}
}

// statementDate is when s was said: its SaidAt (YYYY-MM-DD, YYYY-MM or
// YYYY, taken as the first day of the period), else the article's date.
func statementDate(doc *klaim.Document, s *klaim.Statement) time.Time {
	for _, v := range []string{s.SaidAt, s.Article.Published} {
		if t, ok := parseDay(v); ok {
			return t
		}
	}
	if p := doc.Article.Published; !p.IsZero() {
		return p.UTC().Truncate(24 * time.Hour)
	}
	return time.Time{}
}

func parseDay(v string) (time.Time, bool) {
	for _, layout := range []string{time.DateOnly, "2006-01", "2006"} {
		if len(v) == len(layout) {
			if t, err := time.Parse(layout, v); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// appendNew appends the values of vs that are not empty and not in list yet.
func appendNew(list []string, vs ...string) []string {
	for _, v := range vs {
		if v != "" && !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}
