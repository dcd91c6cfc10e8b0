package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	"github.com/klaim/klaim"
)

// PutDocument writes what one article produced, replacing what the same
// article produced before. The old and new quads are diffed and only the
// difference is written (re-putting an unchanged document writes nothing). On
// PostgreSQL the difference is one transaction; on bolt it is two (see
// replaceLabels), and a crash between them leaves extra quads, never missing
// ones.
func (s *Store) PutDocument(ctx context.Context, doc *klaim.Document) error {
	if err := s.PutDocuments(ctx, []*klaim.Document{doc}); err != nil {
		return err
	}
	return nil
}

// PutDocuments is PutDocument for several documents at once, written in one
// batch: on bolt each commit waits for fsync, so bulk ingestion is several
// times faster in batches of tens of documents. A document listed twice is
// written in its last version.
func (s *Store) PutDocuments(ctx context.Context, docs []*klaim.Document) error {
	byArticle := make(map[string][]quad.Quad, len(docs))
	var order []string
	for _, doc := range docs {
		if err := doc.Validate(); err != nil {
			return fmt.Errorf("put document: %w", err)
		}
		quads, err := documentQuads(doc)
		if err != nil {
			return fmt.Errorf("put document %s: %w", doc.Article.ID, err)
		}
		if _, ok := byArticle[doc.Article.ID]; !ok {
			order = append(order, doc.Article.ID)
		}
		byArticle[doc.Article.ID] = quads
	}
	if err := s.replaceLabels(ctx, order, byArticle); err != nil {
		if len(docs) == 1 {
			return fmt.Errorf("put document %s: %w", docs[0].Article.ID, err)
		}
		return fmt.Errorf("put %d documents: %w", len(docs), err)
	}
	return nil
}

// DeleteArticle removes an article and everything only it produced.
func (s *Store) DeleteArticle(ctx context.Context, articleID string) error {
	if _, err := s.Article(ctx, articleID); err != nil {
		return fmt.Errorf("delete article: %w", err)
	}
	if err := s.replaceLabels(ctx, []string{articleID}, nil); err != nil {
		return fmt.Errorf("delete article %s: %w", articleID, err)
	}
	return nil
}

// replaceLabels makes quads[id] the whole content of each article's label.
func (s *Store) replaceLabels(ctx context.Context, articles []string, quads map[string][]quad.Quad) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errors.New("graph is closed")
	}
	var adds, dels []graph.Delta
	for _, id := range articles {
		want := make(map[quad.Quad]bool, len(quads[id]))
		for _, q := range quads[id] {
			want[q] = true
		}
		var old []graph.Ref
		if err := s.scan(ctx, quad.Label, s.qs.ValueOf(node(id)), nil, func(q graph.Ref) bool {
			old = append(old, q)
			return true
		}); err != nil {
			return fmt.Errorf("read old version of %s: %w", id, err)
		}
		for _, ref := range old {
			q := s.qs.Quad(ref)
			if want[q] {
				delete(want, q) // already stored: keep it
				continue
			}
			dels = append(dels, graph.Delta{Quad: q, Action: graph.Delete})
		}
		for _, q := range quads[id] {
			if want[q] {
				adds = append(adds, graph.Delta{Quad: q, Action: graph.Add})
			}
		}
	}
	ignore := graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	// Readers may cache what they read from now until the write completes:
	// empty the cache after the write too.
	s.cache.invalidate()
	defer s.cache.invalidate()
	if _, isKV := s.qs.(*kv.QuadStore); isKV && len(adds) > 0 && len(dels) > 0 {
		// cayley v0.7.7's kv ApplyDeltas corrupts a batch that both adds and
		// deletes: a node whose reference count drops overall (the article's
		// label, typically) gets ID 0 in the added quads. So add first, then
		// delete, each batch atomic. A crash between the two leaves the union
		// of both versions, never less; the next put of the article removes
		// the leftovers, since they carry its label.
		if err := s.qs.ApplyDeltas(adds, ignore); err != nil {
			return fmt.Errorf("write %d quads: %w", len(adds), err)
		}
		adds = nil
	}
	if deltas := append(adds, dels...); len(deltas) > 0 {
		if err := s.qs.ApplyDeltas(deltas, ignore); err != nil {
			return fmt.Errorf("write %d deltas: %w", len(deltas), err)
		}
	}
	return nil
}
