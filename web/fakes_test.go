package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/klaim/klaim"
)

// fakeStore is an in-memory klaim.Store over whole documents. Every read
// derives its answer from the documents, so filters and ordering behave as the
// interface promises rather than as a test expects.
type fakeStore struct {
	mu   sync.Mutex
	docs map[string]klaim.Document // by article ID
	// err, when set, is what every read returns: a broken backend.
	err error
}

func newFakeStore(docs ...klaim.Document) *fakeStore {
	s := &fakeStore{docs: make(map[string]klaim.Document)}
	for i := range docs {
		if err := s.PutDocument(context.Background(), &docs[i]); err != nil {
			panic(err)
		}
	}
	return s
}

func (s *fakeStore) PutDocument(_ context.Context, doc *klaim.Document) error {
	if err := doc.Validate(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[doc.Article.ID] = *doc
	return nil
}

func (s *fakeStore) DeleteArticle(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.docs[id]; !ok {
		return fmt.Errorf("article %s: %w", id, klaim.ErrNotFound)
	}
	delete(s.docs, id)
	return nil
}

// sortedDocs returns the documents in article ID order, so answers are stable.
func (s *fakeStore) sortedDocs() ([]klaim.Document, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return nil, s.err
	}
	out := make([]klaim.Document, 0, len(s.docs))
	for _, d := range s.docs {
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b klaim.Document) int { return strings.Compare(a.Article.ID, b.Article.ID) })
	return out, nil
}

func (s *fakeStore) Article(_ context.Context, id string) (*klaim.Article, error) {
	docs, err := s.sortedDocs()
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		if d.Article.ID == id {
			a := d.Article
			return &a, nil
		}
	}
	return nil, fmt.Errorf("article %s: %w", id, klaim.ErrNotFound)
}

func (s *fakeStore) allStatements() ([]klaim.Statement, error) {
	docs, err := s.sortedDocs()
	if err != nil {
		return nil, err
	}
	var out []klaim.Statement
	for _, d := range docs {
		out = append(out, d.Statements...)
	}
	return out, nil
}

func (s *fakeStore) Statement(_ context.Context, id string) (*klaim.Statement, error) {
	all, err := s.allStatements()
	if err != nil {
		return nil, err
	}
	for _, st := range all {
		if st.ID == id {
			return &st, nil
		}
	}
	return nil, fmt.Errorf("statement %s: %w", id, klaim.ErrNotFound)
}

// statementTime is when a statement was said, for date filters: the said-at
// date (a bare year or month counts as its first day), else the article date.
func statementTime(st klaim.Statement) time.Time {
	d := cmp.Or(st.SaidAt, st.Article.Published)
	for _, layout := range []string{time.DateOnly, "2006-01", "2006"} {
		if t, err := time.Parse(layout, d); err == nil {
			return t
		}
	}
	return time.Time{}
}

func (s *fakeStore) Statements(_ context.Context, f klaim.StatementFilter) ([]klaim.Statement, error) {
	all, err := s.allStatements()
	if err != nil {
		return nil, err
	}
	var out []klaim.Statement
	for _, st := range all {
		t := statementTime(st)
		switch {
		case f.Speaker != "" && st.Speaker.ID != f.Speaker,
			f.Subject != "" && !slices.ContainsFunc(st.Subjects, func(r klaim.EntityRef) bool { return r.ID == f.Subject }),
			f.Claim != "" && st.Claim.ID != f.Claim,
			f.Article != "" && st.Article.ID != f.Article,
			f.Stance != "" && st.Stance != f.Stance,
			f.Lang != "" && st.Article.Lang != f.Lang,
			!f.From.IsZero() && t.Before(f.From),
			!f.To.IsZero() && t.After(f.To):
			continue
		}
		out = append(out, st)
	}
	slices.SortStableFunc(out, func(a, b klaim.Statement) int {
		return cmp.Or(strings.Compare(a.SaidAt, b.SaidAt), strings.Compare(a.Article.Published, b.Article.Published), strings.Compare(a.ID, b.ID))
	})
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

// allEntities merges the entities of every document by ID.
func (s *fakeStore) allEntities() ([]klaim.Entity, error) {
	docs, err := s.sortedDocs()
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*klaim.Entity)
	var order []string
	for _, d := range docs {
		for _, e := range d.Entities {
			m, ok := byID[e.ID]
			if !ok {
				c := e
				c.Aliases = slices.Clone(e.Aliases)
				c.Relations = nil
				byID[e.ID] = &c
				order = append(order, e.ID)
				continue
			}
			for _, a := range e.Aliases {
				if !slices.Contains(m.Aliases, a) {
					m.Aliases = append(m.Aliases, a)
				}
			}
		}
		for _, r := range d.Relations {
			for _, id := range []string{r.From.ID, r.To.ID} {
				if e := byID[id]; e != nil && !slices.Contains(e.Relations, r) {
					e.Relations = append(e.Relations, r)
				}
			}
		}
	}
	out := make([]klaim.Entity, 0, len(order))
	for _, id := range order {
		out = append(out, *byID[id])
	}
	slices.SortFunc(out, func(a, b klaim.Entity) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.ID, b.ID))
	})
	return out, nil
}

func (s *fakeStore) Entity(_ context.Context, id string) (*klaim.Entity, error) {
	all, err := s.allEntities()
	if err != nil {
		return nil, err
	}
	for _, e := range all {
		if e.ID == id {
			return &e, nil
		}
	}
	return nil, fmt.Errorf("entity %s: %w", id, klaim.ErrNotFound)
}

func (s *fakeStore) EntitiesByAlias(_ context.Context, name string) ([]klaim.Entity, error) {
	all, err := s.allEntities()
	if err != nil {
		return nil, err
	}
	want := klaim.NormalizeName(name)
	var out []klaim.Entity
	for _, e := range all {
		if slices.ContainsFunc(append([]string{e.Name}, e.Aliases...), func(n string) bool { return klaim.NormalizeName(n) == want }) {
			out = append(out, e)
		}
	}
	return out, nil
}

func (s *fakeStore) Entities(context.Context) ([]klaim.Entity, error) { return s.allEntities() }

func (s *fakeStore) Relations(_ context.Context, id string) ([]klaim.Relation, error) {
	e, err := s.Entity(context.Background(), id)
	if err != nil {
		return nil, err
	}
	return e.Relations, nil
}

// Paths enumerates simple chains of relations (either direction) from one
// entity to another and keeps the shortest.
func (s *fakeStore) Paths(_ context.Context, from, to string, maxHops int) ([][]klaim.Relation, error) {
	all, err := s.allEntities()
	if err != nil {
		return nil, err
	}
	adj := make(map[string][]klaim.Relation)
	for _, e := range all {
		adj[e.ID] = e.Relations
	}
	var best [][]klaim.Relation
	var walk func(at string, path []klaim.Relation, seen map[string]bool)
	walk = func(at string, path []klaim.Relation, seen map[string]bool) {
		if at == to && len(path) > 0 {
			switch {
			case len(best) == 0 || len(path) < len(best[0]):
				best = [][]klaim.Relation{slices.Clone(path)}
			case len(path) == len(best[0]):
				best = append(best, slices.Clone(path))
			}
			return
		}
		if len(path) == maxHops {
			return
		}
		for _, r := range adj[at] {
			next := r.To.ID
			if next == at {
				next = r.From.ID
			}
			if seen[next] {
				continue
			}
			seen[next] = true
			walk(next, append(path, r), seen)
			delete(seen, next)
		}
	}
	walk(from, nil, map[string]bool{from: true})
	return best, nil
}

func (s *fakeStore) allClaims() ([]klaim.Claim, error) {
	docs, err := s.sortedDocs()
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool)
	var out []klaim.Claim
	for _, d := range docs {
		for _, c := range d.Claims {
			if !seen[c.ID] {
				seen[c.ID] = true
				out = append(out, c)
			}
		}
	}
	return out, nil
}

func (s *fakeStore) Claim(_ context.Context, id string) (*klaim.Claim, error) {
	all, err := s.allClaims()
	if err != nil {
		return nil, err
	}
	for _, c := range all {
		if c.ID == id {
			return &c, nil
		}
	}
	return nil, fmt.Errorf("claim %s: %w", id, klaim.ErrNotFound)
}

func (s *fakeStore) Claims(context.Context) ([]klaim.Claim, error) { return s.allClaims() }

func (s *fakeStore) SimilarClaims(_ context.Context, concepts []string, limit int) ([]klaim.Claim, error) {
	all, err := s.allClaims()
	if err != nil {
		return nil, err
	}
	type scored struct {
		c klaim.Claim
		n int
	}
	var out []scored
	for _, c := range all {
		n := 0
		for _, k := range concepts {
			if slices.Contains(c.Concepts, k) {
				n++
			}
		}
		if n > 0 {
			out = append(out, scored{c, n})
		}
	}
	slices.SortStableFunc(out, func(a, b scored) int { return b.n - a.n })
	var cs []klaim.Claim
	for i, sc := range out {
		if limit > 0 && i == limit {
			break
		}
		cs = append(cs, sc.c)
	}
	return cs, nil
}

func (s *fakeStore) Stats(context.Context) (klaim.Stats, error) {
	docs, err := s.sortedDocs()
	if err != nil {
		return klaim.Stats{}, err
	}
	ents, _ := s.allEntities()
	claims, _ := s.allClaims()
	st := klaim.Stats{Articles: len(docs), Entities: len(ents), Claims: len(claims)}
	for _, d := range docs {
		st.Statements += len(d.Statements)
		st.Relations += len(d.Relations)
	}
	return st, nil
}

func (s *fakeStore) Close() error { return nil }

// fakeIndex is a klaim.Index that scans the fake store: a statement matches
// when every query word occurs in its quote, sentence, claim or speaker, and
// scores by how often the words occur.
type fakeIndex struct {
	store *fakeStore
	// queries records what Search received, to check the server's translation.
	mu      sync.Mutex
	queries []klaim.SearchQuery
}

func (x *fakeIndex) IndexDocument(ctx context.Context, doc *klaim.Document) error { return nil }
func (x *fakeIndex) DeleteArticle(ctx context.Context, id string) error           { return nil }
func (x *fakeIndex) Close() error                                                 { return nil }

// score counts the query words in text, or returns 0 when one is missing.
func score(words []string, text string) float64 {
	text = strings.ToLower(text)
	total := 0
	for _, w := range words {
		n := strings.Count(text, w)
		if n == 0 {
			return 0
		}
		total += n
	}
	return float64(max(total, 1))
}

// matchesEntity reports whether ref (an ID or a name) names one of refs.
func matchesEntity(ref string, refs ...klaim.EntityRef) bool {
	for _, r := range refs {
		if r.ID == ref || klaim.NormalizeName(r.Name) == klaim.NormalizeName(ref) {
			return true
		}
	}
	return false
}

// offsetCursor reads the fake's own cursor format, "off:N".
func offsetCursor(c string) (int, error) {
	if c == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(strings.TrimPrefix(c, "off:"))
	if !strings.HasPrefix(c, "off:") || err != nil || n < 0 {
		return 0, errors.New("fake index: bad cursor " + strconv.Quote(c))
	}
	return n, nil
}

func (x *fakeIndex) Search(ctx context.Context, q klaim.SearchQuery) (*klaim.SearchResult, error) {
	x.mu.Lock()
	x.queries = append(x.queries, q)
	x.mu.Unlock()
	off, err := offsetCursor(q.Cursor)
	if err != nil {
		return nil, err
	}
	all, err := x.store.Statements(ctx, klaim.StatementFilter{Lang: q.Lang, Stance: q.Stance, From: q.From, To: q.To})
	if err != nil {
		return nil, err
	}
	words := strings.Fields(strings.ToLower(q.Text))
	var hits []klaim.SearchHit
	for _, st := range all {
		sp := klaim.EntityRef{ID: st.Speaker.ID, Name: st.Speaker.Name}
		if q.Speaker != "" && !matchesEntity(q.Speaker, sp) {
			continue
		}
		if q.Site != "" && !strings.EqualFold(st.Article.Site, q.Site) {
			continue
		}
		involved := append([]klaim.EntityRef{sp}, st.Subjects...)
		if st.Speaker.Org != nil {
			involved = append(involved, *st.Speaker.Org)
		}
		if q.Entity != "" && !matchesEntity(q.Entity, involved...) {
			continue
		}
		sc := 1.0
		if len(words) > 0 {
			if sc = score(words, st.Quote+" "+st.Sentence+" "+st.Claim.Text+" "+st.Speaker.Name); sc == 0 {
				continue
			}
		}
		hits = append(hits, klaim.SearchHit{Statement: st, Score: sc})
	}
	slices.SortStableFunc(hits, func(a, b klaim.SearchHit) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.Statement.ID, b.Statement.ID))
	})
	res := &klaim.SearchResult{Total: len(hits), Facets: facets(hits)}
	limit := cmp.Or(q.Limit, 20)
	start, end := min(off, len(hits)), min(off+limit, len(hits))
	res.Hits = hits[start:end]
	if end < len(hits) {
		res.NextCursor = "off:" + strconv.Itoa(end)
	}
	return res, nil
}

// facets counts hits by stance, lang, speaker, site and year, most first.
func facets(hits []klaim.SearchHit) map[string][]klaim.FacetCount {
	counts := map[string]map[string]int{"stance": {}, "lang": {}, "speaker": {}, "site": {}, "year": {}}
	for _, h := range hits {
		st := h.Statement
		counts["stance"][string(st.Stance)]++
		counts["lang"][st.Article.Lang]++
		counts["speaker"][st.Speaker.Name]++
		counts["site"][st.Article.Site]++
		if d := cmp.Or(st.SaidAt, st.Article.Published); len(d) >= 4 {
			counts["year"][d[:4]]++
		}
	}
	out := make(map[string][]klaim.FacetCount)
	for name, m := range counts {
		for v, n := range m {
			if v != "" {
				out[name] = append(out[name], klaim.FacetCount{Value: v, Count: n})
			}
		}
		slices.SortFunc(out[name], func(a, b klaim.FacetCount) int {
			return cmp.Or(b.Count-a.Count, strings.Compare(a.Value, b.Value))
		})
	}
	return out
}

func (x *fakeIndex) SearchClaims(ctx context.Context, q klaim.SearchQuery) (*klaim.ClaimResult, error) {
	off, err := offsetCursor(q.Cursor)
	if err != nil {
		return nil, err
	}
	all, err := x.store.Claims(ctx)
	if err != nil {
		return nil, err
	}
	words := strings.Fields(strings.ToLower(q.Text))
	var hits []klaim.ClaimHit
	for _, c := range all {
		if q.Entity != "" && !matchesEntity(q.Entity, c.Subjects...) {
			continue
		}
		if sc := score(words, c.Text); sc > 0 {
			hits = append(hits, klaim.ClaimHit{Claim: c, Score: sc})
		}
	}
	slices.SortStableFunc(hits, func(a, b klaim.ClaimHit) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.Claim.ID, b.Claim.ID))
	})
	limit := cmp.Or(q.Limit, 20)
	start, end := min(off, len(hits)), min(off+limit, len(hits))
	res := &klaim.ClaimResult{Hits: hits[start:end], Total: len(hits)}
	if end < len(hits) {
		res.NextCursor = "off:" + strconv.Itoa(end)
	}
	return res, nil
}

// fakeIngester stores a plain-text or HTML source as an article without
// statements (extraction is the crawler's business) and fails for sources
// whose URL is on the host fail.test.
type fakeIngester struct {
	store *fakeStore
	mu    sync.Mutex
	got   []klaim.Source
}

func (g *fakeIngester) Ingest(ctx context.Context, src klaim.Source) (*klaim.IngestResult, error) {
	g.mu.Lock()
	g.got = append(g.got, src)
	g.mu.Unlock()
	if strings.Contains(src.URL, "fail.test") {
		return nil, fmt.Errorf("fetch %s: connection refused", src.URL)
	}
	key := cmp.Or(src.URL, "text:"+src.Title)
	id := klaim.ArticleID(key)
	_, err := g.store.Article(ctx, id)
	replaced := err == nil
	text := src.Text
	if len(src.HTML) > 0 {
		text = string(src.HTML)
	}
	doc := klaim.Document{Article: klaim.Article{ID: id, URL: key, Title: cmp.Or(src.Title, src.URL), Text: text}}
	if err := g.store.PutDocument(ctx, &doc); err != nil {
		return nil, fmt.Errorf("store %s: %w", key, err)
	}
	return &klaim.IngestResult{Article: doc.Article.Ref(), Replaced: replaced}, nil
}
