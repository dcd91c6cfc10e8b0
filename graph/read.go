package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/klaim/klaim"
)

// refSet is a set of node refs in insertion order, each with the label of
// one quad that reached it.
type refSet struct {
	refs   []graph.Ref
	labels []graph.Ref
	seen   map[any]bool
}

func (r *refSet) addWithLabel(ref, label graph.Ref) {
	if r.seen == nil {
		r.seen = make(map[any]bool)
	}
	k := graph.ToKey(ref)
	if !r.seen[k] {
		r.seen[k] = true
		r.refs = append(r.refs, ref)
		r.labels = append(r.labels, label)
	}
}

// ends returns the far ends of the quads whose dir end (quad.Subject or
// quad.Object) is node and whose predicate is pred, without duplicates (the
// same edge written by several articles counts once).
func (s *Store) ends(ctx context.Context, dir quad.Direction, node graph.Ref, pred quad.Value) (refSet, error) {
	sets, err := s.endsMany(ctx, dir, []graph.Ref{node}, pred)
	if err != nil {
		return refSet{}, err
	}
	return sets[0], nil
}

// endsMany is ends for several nodes.
func (s *Store) endsMany(ctx context.Context, dir quad.Direction, nodes []graph.Ref, pred quad.Value) ([]refSet, error) {
	p := s.qs.ValueOf(pred)
	if p == nil {
		return make([]refSet, len(nodes)), nil
	}
	if s.kv != nil {
		return s.kvEnds(ctx, dir, nodes, p)
	}
	far := quad.Object
	if dir == quad.Object {
		far = quad.Subject
	}
	out := make([]refSet, len(nodes))
	for i, n := range nodes {
		if err := s.scan(ctx, dir, n, p, func(q graph.Ref) bool {
			out[i].addWithLabel(s.qs.QuadDirection(q, far), s.qs.QuadDirection(q, quad.Label))
			return true
		}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// jsonRecords returns the JSON literals on the json edges of each node, in one
// batch lookup of values.
func (s *Store) jsonRecords(ctx context.Context, nodes []graph.Ref) ([][]string, error) {
	if s.kv != nil {
		p := s.qs.ValueOf(pJSON)
		if p == nil {
			return make([][]string, len(nodes)), nil
		}
		return s.kvLiterals(ctx, nodes, p)
	}
	sets, err := s.endsMany(ctx, quad.Subject, nodes, pJSON)
	if err != nil {
		return nil, err
	}
	out := make([][]string, len(nodes))
	var refs []graph.Ref
	var owner []int
	for i, set := range sets {
		for _, r := range set.refs {
			refs = append(refs, r)
			owner = append(owner, i)
		}
	}
	vals, err := graph.ValuesOf(ctx, s.qs, refs)
	if err != nil {
		return nil, fmt.Errorf("read records: %w", err)
	}
	for i, v := range vals {
		str, ok := v.(quad.String)
		if !ok {
			return nil, fmt.Errorf("read records: unexpected value %v", v)
		}
		out[owner[i]] = append(out[owner[i]], string(str))
	}
	return out, nil
}

// nodeRef returns the ref of an ID's node, or an error wrapping
// klaim.ErrNotFound.
func (s *Store) nodeRef(what, id string) (graph.Ref, error) {
	// The SQL backend's ValueOf hashes without looking the node up.
	if ref := s.qs.ValueOf(node(id)); ref != nil && (s.kv != nil || s.qs.NameOf(ref) != nil) {
		return ref, nil
	}
	return nil, fmt.Errorf("%s %q: %w", what, id, klaim.ErrNotFound)
}

// Article returns one article, with its text.
func (s *Store) Article(ctx context.Context, id string) (*klaim.Article, error) {
	defer s.rlock()()
	ref, err := s.nodeRef("article", id)
	if err != nil {
		return nil, err
	}
	recs, err := s.jsonRecords(ctx, []graph.Ref{ref})
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	if len(recs[0]) == 0 {
		return nil, fmt.Errorf("article %q: %w", id, klaim.ErrNotFound)
	}
	var a klaim.Article
	if err := jsonUnmarshal([]byte(recs[0][0]), &a); err != nil {
		return nil, fmt.Errorf("article %s: decode: %w", id, err)
	}
	return &a, nil
}

// Entity returns one entity with the union of the aliases every article gave
// it and its relations.
func (s *Store) Entity(ctx context.Context, id string) (*klaim.Entity, error) {
	defer s.rlock()()
	ref, err := s.nodeRef("entity", id)
	if err != nil {
		return nil, err
	}
	ents, err := s.entities(ctx, []graph.Ref{ref})
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	if len(ents) == 0 {
		return nil, fmt.Errorf("entity %q: %w", id, klaim.ErrNotFound)
	}
	return &ents[0], nil
}

// entities reads and merges the records of entity nodes (nodes without an
// entity record are skipped), with their relations.
func (s *Store) entities(ctx context.Context, refs []graph.Ref) ([]klaim.Entity, error) {
	recs, err := s.jsonRecords(ctx, refs)
	if err != nil {
		return nil, err
	}
	out := make([]klaim.Entity, 0, len(refs))
	for i, r := range recs {
		if len(r) == 0 {
			continue
		}
		// Articles may disagree on the display name or kind: take them from
		// one record, chosen stably, and union the aliases of all.
		sort.Strings(r)
		var e klaim.Entity
		for j, js := range r {
			var one klaim.Entity
			if err := jsonUnmarshal([]byte(js), &one); err != nil {
				return nil, fmt.Errorf("decode entity: %w", err)
			}
			if j == 0 {
				e = one
				e.Aliases = nil
			}
			for _, a := range one.Aliases {
				if !slices.Contains(e.Aliases, a) {
					e.Aliases = append(e.Aliases, a)
				}
			}
		}
		if e.Aliases == nil {
			e.Aliases = []string{}
		}
		if e.Relations, err = s.relations(ctx, refs[i]); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// EntitiesByAlias returns the entities whose name or an alias folds like name.
func (s *Store) EntitiesByAlias(ctx context.Context, name string) ([]klaim.Entity, error) {
	defer s.rlock()()
	f := klaim.NormalizeName(name)
	if f == "" {
		return []klaim.Entity{}, nil
	}
	set, err := s.ends(ctx, quad.Object, s.qs.ValueOf(quad.String(f)), pAlias)
	if err != nil {
		return nil, fmt.Errorf("entities by alias %q: %w", name, err)
	}
	ents, err := s.entities(ctx, set.refs)
	if err != nil {
		return nil, fmt.Errorf("entities by alias %q: %w", name, err)
	}
	sortEntities(ents)
	return ents, nil
}

// Entities lists every entity, by name.
func (s *Store) Entities(ctx context.Context) ([]klaim.Entity, error) {
	defer s.rlock()()
	set, err := s.ends(ctx, quad.Object, s.qs.ValueOf(tEntity), pType)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	ents, err := s.entities(ctx, set.refs)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	sortEntities(ents)
	return ents, nil
}

func sortEntities(ents []klaim.Entity) {
	slices.SortFunc(ents, func(a, b klaim.Entity) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.ID, b.ID))
	})
}

// Relations lists the typed edges from and to an entity, each once (the
// evidence article is the first one read).
func (s *Store) Relations(ctx context.Context, entityID string) ([]klaim.Relation, error) {
	defer s.rlock()()
	ref, err := s.nodeRef("entity", entityID)
	if err != nil {
		return nil, err
	}
	rels, err := s.relations(ctx, ref)
	if err != nil {
		return nil, fmt.Errorf("relations of %s: %w", entityID, err)
	}
	return rels, nil
}

func (s *Store) relations(ctx context.Context, ref graph.Ref) ([]klaim.Relation, error) {
	set, err := s.ends(ctx, quad.Subject, ref, pRelation)
	if err != nil {
		return nil, err
	}
	vals, err := graph.ValuesOf(ctx, s.qs, append(set.refs, set.labels...))
	if err != nil {
		return nil, err
	}
	labels := vals[len(set.refs):]
	vals = vals[:len(set.refs)]
	out := make([]klaim.Relation, 0, len(vals))
	seen := make(map[string]bool, len(vals))
	for i, v := range vals {
		str, ok := v.(quad.String)
		if !ok {
			return nil, fmt.Errorf("relation: unexpected value %v", v)
		}
		var r klaim.Relation
		if err := jsonUnmarshal([]byte(str), &r); err != nil {
			return nil, fmt.Errorf("decode relation: %w", err)
		}
		r.Article = idOf(labels[i]) // the article of one quad: the relation's evidence
		if k := relationID(&r); !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b klaim.Relation) int {
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.From.Name, b.From.Name),
			cmp.Compare(a.To.Name, b.To.Name), cmp.Compare(a.Role, b.Role), cmp.Compare(a.Article, b.Article))
	})
	return out, nil
}

// Claim returns one claim, its concepts and subjects united over articles.
func (s *Store) Claim(ctx context.Context, id string) (*klaim.Claim, error) {
	defer s.rlock()()
	ref, err := s.nodeRef("claim", id)
	if err != nil {
		return nil, err
	}
	cls, err := s.claims(ctx, []graph.Ref{ref})
	if err != nil {
		return nil, fmt.Errorf("claim %s: %w", id, err)
	}
	if len(cls) == 0 {
		return nil, fmt.Errorf("claim %q: %w", id, klaim.ErrNotFound)
	}
	return &cls[0], nil
}

func (s *Store) claims(ctx context.Context, refs []graph.Ref) ([]klaim.Claim, error) {
	recs, err := s.jsonRecords(ctx, refs)
	if err != nil {
		return nil, err
	}
	out := make([]klaim.Claim, 0, len(refs))
	for _, r := range recs {
		if len(r) == 0 {
			continue
		}
		sort.Strings(r)
		var c klaim.Claim
		for j, js := range r {
			var one klaim.Claim
			if err := jsonUnmarshal([]byte(js), &one); err != nil {
				return nil, fmt.Errorf("decode claim: %w", err)
			}
			if j == 0 {
				c = one
				c.Articles = len(r)
				continue
			}
			for _, k := range one.Concepts {
				if !slices.Contains(c.Concepts, k) {
					c.Concepts = append(c.Concepts, k)
				}
			}
			for _, e := range one.Subjects {
				if !slices.ContainsFunc(c.Subjects, func(x klaim.EntityRef) bool { return x.ID == e.ID }) {
					c.Subjects = append(c.Subjects, e)
				}
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// claimVersions reads claims as each article wrote them: one klaim.Claim per
// article that links to the claim, with that article's concepts. Matching a
// new claim against these, rather than against the union of every article's
// concepts, keeps a much-discussed claim from drifting away from its own
// wording: the union grows with each article and its Jaccard index with any
// one new mention falls. The same ID comes back once per article.
func (s *Store) claimVersions(ctx context.Context, refs []graph.Ref) ([]klaim.Claim, error) {
	recs, err := s.jsonRecords(ctx, refs)
	if err != nil {
		return nil, err
	}
	out := make([]klaim.Claim, 0, len(refs))
	for _, r := range recs {
		sort.Strings(r)
		for _, js := range r {
			var one klaim.Claim
			if err := jsonUnmarshal([]byte(js), &one); err != nil {
				return nil, fmt.Errorf("decode claim: %w", err)
			}
			one.Articles = len(r)
			out = append(out, one)
		}
	}
	return out, nil
}

// Claims lists every claim, by text.
func (s *Store) Claims(ctx context.Context) ([]klaim.Claim, error) {
	defer s.rlock()()
	set, err := s.ends(ctx, quad.Object, s.qs.ValueOf(tClaim), pType)
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	cls, err := s.claims(ctx, set.refs)
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	slices.SortFunc(cls, func(a, b klaim.Claim) int { return cmp.Or(cmp.Compare(a.Text, b.Text), cmp.Compare(a.ID, b.ID)) })
	return cls, nil
}

// SimilarClaims returns the stored claims sharing concepts with the given
// ones: most shared first, then highest Jaccard similarity (fewest concepts
// the query lacks), then ID. A claim several articles link to is compared,
// and returned, with the concepts of the article whose version matches best
// (see claimVersions). limit <= 0 means 10.
func (s *Store) SimilarClaims(ctx context.Context, concepts []string, limit int) ([]klaim.Claim, error) {
	defer s.rlock()()
	if limit <= 0 {
		limit = 10
	}
	want := make([]string, 0, len(concepts))
	for _, c := range concepts {
		if c != "" && !slices.Contains(want, c) {
			want = append(want, c)
		}
	}
	shared := make(map[any]int)
	refs := make(map[any]graph.Ref)
	for _, c := range want {
		set, err := s.ends(ctx, quad.Object, s.qs.ValueOf(quad.String(c)), pConcept)
		if err != nil {
			return nil, fmt.Errorf("similar claims: %w", err)
		}
		for _, r := range set.refs {
			k := graph.ToKey(r)
			shared[k]++
			refs[k] = r
		}
	}
	// Rank tier by tier (claims sharing n concepts, then n-1, …) and read only
	// the tiers needed to fill limit: a common concept may reach many claims.
	tiers := make(map[int][]graph.Ref)
	for k, n := range shared {
		tiers[n] = append(tiers[n], refs[k])
	}
	type ranked struct {
		claim   klaim.Claim
		shared  int
		jaccard float64
	}
	var out []klaim.Claim
	for n := len(want); n > 0 && len(out) < limit; n-- {
		if len(tiers[n]) == 0 {
			continue
		}
		cls, err := s.claimVersions(ctx, tiers[n])
		if err != nil {
			return nil, fmt.Errorf("similar claims: %w", err)
		}
		// Of each claim's versions keep the one that matches best.
		best := make(map[string]int, len(cls))
		var rs []ranked
		for _, c := range cls {
			k := 0
			for _, x := range c.Concepts {
				if slices.Contains(want, x) {
					k++
				}
			}
			r := ranked{claim: c, shared: k, jaccard: float64(k) / float64(len(want)+len(c.Concepts)-k)}
			if i, ok := best[c.ID]; !ok {
				best[c.ID] = len(rs)
				rs = append(rs, r)
			} else if r.jaccard > rs[i].jaccard {
				rs[i] = r
			}
		}
		slices.SortFunc(rs, func(a, b ranked) int {
			return cmp.Or(cmp.Compare(b.jaccard, a.jaccard), cmp.Compare(a.claim.ID, b.claim.ID))
		})
		for _, r := range rs {
			if len(out) == limit {
				break
			}
			out = append(out, r.claim)
		}
	}
	if out == nil {
		out = []klaim.Claim{}
	}
	return out, nil
}

// Stats counts what is stored. Quads is the backend's own counter; the other
// counts are exact but scan the type index (0.4 s at 1.9M quads on a 2-core
// box), so bolt and memory stores keep the result until the next write.
func (s *Store) Stats(ctx context.Context) (klaim.Stats, error) {
	defer s.rlock()()
	if !s.cached {
		return s.stats(ctx)
	}
	cached, gen := s.cache.getStats()
	if cached != nil {
		return *cached, nil
	}
	st, err := s.stats(ctx)
	if err == nil {
		s.cache.putStats(st, gen)
	}
	return st, err
}

func (s *Store) stats(ctx context.Context) (klaim.Stats, error) {
	var st klaim.Stats
	for _, c := range []struct {
		n *int
		t quad.IRI
	}{{&st.Articles, tArticle}, {&st.Statements, tStatement}, {&st.Entities, tEntity}, {&st.Claims, tClaim}, {&st.Relations, tRelation}} {
		set, err := s.ends(ctx, quad.Object, s.qs.ValueOf(c.t), pType)
		if err != nil {
			return st, fmt.Errorf("stats: %w", err)
		}
		*c.n = len(set.refs)
	}
	qst, err := s.qs.Stats(ctx, false)
	if err == nil && qst.Quads.Size < 0 { // the SQL backend may have no estimate
		qst, err = s.qs.Stats(ctx, true)
	}
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	st.Quads = int(qst.Quads.Size)
	return st, nil
}
