package graph

import (
	"context"
	"fmt"

	"github.com/klaim/klaim"
)

// Limits of Paths: how many chains it returns and how far it searches.
const (
	maxPaths       = 10
	defaultMaxHops = 3
	maxMaxHops     = 6
)

// step is how BFS reached an entity: from the previous entity, over rel.
type step struct {
	prev string
	rel  klaim.Relation
}

// Paths returns the shortest chains of relations joining two entities,
// following relations in either direction, of at most maxHops edges (3 when
// maxHops <= 0, at most 6); at most 10 chains. Each chain lists its relations
// from the from entity to the to entity, each relation as stored (so a chain
// may traverse an edge against its direction).
func (s *Store) Paths(ctx context.Context, from, to string, maxHops int) ([][]klaim.Relation, error) {
	defer s.rlock()()
	if maxHops <= 0 {
		maxHops = defaultMaxHops
	}
	maxHops = min(maxHops, maxMaxHops)
	for _, id := range []string{from, to} {
		if _, err := s.nodeRef("entity", id); err != nil {
			return nil, fmt.Errorf("paths: %w", err)
		}
	}
	if from == to {
		return [][]klaim.Relation{}, nil
	}
	// Level-synchronous BFS keeping every parent on a shortest path, so all
	// shortest chains can be enumerated afterwards.
	parents := map[string][]step{from: nil}
	frontier := []string{from}
	found := false
	for hop := 0; hop < maxHops && len(frontier) > 0 && !found; hop++ {
		next := map[string][]step{}
		var order []string
		for _, id := range frontier {
			ref := s.qs.ValueOf(node(id))
			rels, err := s.relations(ctx, ref)
			if err != nil {
				return nil, fmt.Errorf("paths: relations of %s: %w", id, err)
			}
			for _, r := range rels {
				other := r.To.ID
				if other == id {
					other = r.From.ID
				}
				if _, seen := parents[other]; seen {
					continue
				}
				if _, ok := next[other]; !ok {
					order = append(order, other)
				}
				next[other] = append(next[other], step{prev: id, rel: r})
				if other == to {
					found = true
				}
			}
		}
		for _, id := range order {
			parents[id] = next[id]
		}
		frontier = order
	}
	if !found {
		return [][]klaim.Relation{}, nil
	}
	var out [][]klaim.Relation
	var walk func(id string, tail []klaim.Relation)
	walk = func(id string, tail []klaim.Relation) {
		if len(out) == maxPaths {
			return
		}
		if id == from {
			out = append(out, append([]klaim.Relation(nil), tail...))
			return
		}
		for _, st := range parents[id] {
			walk(st.prev, append([]klaim.Relation{st.rel}, tail...))
		}
	}
	walk(to, nil)
	return out, nil
}
