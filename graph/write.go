package graph

import (
	"context"
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
// replaceLabel), and a crash between them leaves extra quads, never missing
// ones.
func (s *Store) PutDocument(ctx context.Context, doc *klaim.Document) error {
	if err := doc.Validate(); err != nil {
		return fmt.Errorf("put document: %w", err)
	}
	quads, err := documentQuads(doc)
	if err != nil {
		return fmt.Errorf("put document %s: %w", doc.Article.ID, err)
	}
	if err := s.replaceLabel(ctx, doc.Article.ID, quads); err != nil {
		return fmt.Errorf("put document %s: %w", doc.Article.ID, err)
	}
	return nil
}

// DeleteArticle removes an article and everything only it produced.
func (s *Store) DeleteArticle(ctx context.Context, articleID string) error {
	if _, err := s.Article(ctx, articleID); err != nil {
		return fmt.Errorf("delete article: %w", err)
	}
	if err := s.replaceLabel(ctx, articleID, nil); err != nil {
		return fmt.Errorf("delete article %s: %w", articleID, err)
	}
	return nil
}

// replaceLabel makes quads the whole content of the article's label.
func (s *Store) replaceLabel(ctx context.Context, articleID string, quads []quad.Quad) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return fmt.Errorf("graph is closed")
	}
	label := node(articleID)
	want := make(map[quad.Quad]bool, len(quads))
	for _, q := range quads {
		want[q] = true
	}
	var adds, dels []graph.Delta
	var old []graph.Ref
	if err := s.scan(ctx, quad.Label, s.qs.ValueOf(label), nil, func(q graph.Ref) bool {
		old = append(old, q)
		return true
	}); err != nil {
		return fmt.Errorf("read old version: %w", err)
	}
	for _, ref := range old {
		q := s.qs.Quad(ref)
		if want[q] {
			delete(want, q) // already stored: keep it
			continue
		}
		dels = append(dels, graph.Delta{Quad: q, Action: graph.Delete})
	}
	for _, q := range quads {
		if want[q] {
			adds = append(adds, graph.Delta{Quad: q, Action: graph.Add})
		}
	}
	ignore := graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
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
