package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/klaim/klaim"
)

// maxCrossRebuts caps the rebuttals a statement gets from other articles (its
// own article's links are always kept): on a claim many speakers repeat, a
// late denial would otherwise list every earlier assertion. The most recent
// are kept.
const maxCrossRebuts = 20

// statementDate is when a statement was said: its said-at, else its
// article's publication date ("" when neither is known).
func statementDate(st *klaim.Statement) string {
	if st.SaidAt != "" {
		return st.SaidAt
	}
	return st.Article.Published
}

// compareSummaries orders oldest first: by said-at (else article date), then
// article date, then ID; undated statements last.
func compareSummaries(a, b *summary) int {
	if (a.date == "") != (b.date == "") {
		if a.date == "" {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(a.date, b.date), cmp.Compare(a.published, b.published), cmp.Compare(a.id, b.id))
}

// laterThan reports whether date a is known to be after date b. Dates may be
// YYYY, YYYY-MM or YYYY-MM-DD; they are compared at the shorter precision, and
// an unknown date is never known to be later.
func laterThan(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	n := min(len(a), len(b))
	return a[:n] > b[:n]
}

// inPeriod reports whether a date (YYYY, YYYY-MM or YYYY-MM-DD) may fall in
// [from, to]; a zero bound does not restrict, an unknown date matches only
// when neither bound is set.
func inPeriod(date string, from, to time.Time) bool {
	if from.IsZero() && to.IsZero() {
		return true
	}
	if date == "" {
		return false
	}
	date = date[:min(len(date), len(time.DateOnly))]
	if !from.IsZero() && date < from.Format(time.DateOnly)[:len(date)] {
		return false
	}
	if !to.IsZero() && date > to.Format(time.DateOnly)[:len(date)] {
		return false
	}
	return true
}

// summaries returns the summaries of the statements listed under a hub node
// (a claim, speaker, subject or article; or tStatement with pAll), oldest first.
func (s *Store) summaries(ctx context.Context, hub quad.Value, pred quad.IRI) ([]summary, error) {
	var key string
	var gen uint64
	if s.cached {
		key = string(pred) + "\x00" + hub.String()
		sums, ok, g := s.cache.get(key)
		if ok {
			return sums, nil
		}
		gen = g
	}
	sums, err := s.readSummaries(ctx, hub, pred)
	if err == nil && s.cached {
		s.cache.put(key, sums, gen)
	}
	return sums, err
}

func (s *Store) readSummaries(ctx context.Context, hub quad.Value, pred quad.IRI) ([]summary, error) {
	var texts []string
	if s.kv != nil {
		lits, err := s.kvLiteralsOf(ctx, []quad.Value{hub}, pred)
		if err != nil {
			return nil, err
		}
		texts = lits[0]
	} else {
		set, err := s.ends(ctx, quad.Subject, s.qs.ValueOf(hub), pred)
		if err != nil {
			return nil, err
		}
		vals, err := graph.ValuesOf(ctx, s.qs, set.refs)
		if err != nil {
			return nil, err
		}
		for _, v := range vals {
			if str, ok := v.(quad.String); ok {
				texts = append(texts, string(str))
			}
		}
	}
	out := make([]summary, len(texts))
	for i, t := range texts {
		var err error
		if out[i], err = parseSummary(t); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(out, func(a, b summary) int { return compareSummaries(&a, &b) })
	return out, nil
}

// Statement returns one statement with its rebuttals across articles.
func (s *Store) Statement(ctx context.Context, id string) (*klaim.Statement, error) {
	defer s.rlock()()
	ref, err := s.nodeRef("statement", id)
	if err != nil {
		return nil, err
	}
	sts, err := s.hydrateStatements(ctx, []graph.Ref{ref})
	if err != nil {
		return nil, fmt.Errorf("statement %s: %w", id, err)
	}
	if len(sts) == 0 {
		return nil, fmt.Errorf("statement %q: %w", id, klaim.ErrNotFound)
	}
	if err := s.addRebuts(ctx, sts, nil); err != nil {
		return nil, fmt.Errorf("statement %s: %w", id, err)
	}
	return &sts[0], nil
}

// hydrateStatements reads statements in full; refs that are not statements
// are skipped.
func (s *Store) hydrateStatements(ctx context.Context, refs []graph.Ref) ([]klaim.Statement, error) {
	recs, err := s.jsonRecords(ctx, refs)
	if err != nil {
		return nil, err
	}
	return decodeStatements(recs)
}

// statementsByID reads statements in full by ID, in order, from the cache
// when it has them; unknown IDs are skipped.
func (s *Store) statementsByID(ctx context.Context, ids []string) ([]klaim.Statement, error) {
	if !s.cached {
		return s.readStatementsByID(ctx, ids)
	}
	out := make([]klaim.Statement, len(ids))
	have := make([]bool, len(ids))
	var missing []string
	var gen uint64
	for i, id := range ids {
		out[i], have[i], gen = s.cache.statement(id)
		if !have[i] {
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return out, nil
	}
	read, err := s.readStatementsByID(ctx, missing)
	if err != nil {
		return nil, err
	}
	s.cache.putStatements(read, gen)
	byID := make(map[string]klaim.Statement, len(read))
	for _, st := range read {
		byID[st.ID] = st
	}
	res := out[:0]
	for i, id := range ids {
		if have[i] {
			res = append(res, out[i])
		} else if st, ok := byID[id]; ok {
			res = append(res, st)
		}
	}
	return res, nil
}

func (s *Store) readStatementsByID(ctx context.Context, ids []string) ([]klaim.Statement, error) {
	if s.kv != nil {
		nodes := make([]quad.Value, len(ids))
		for i, id := range ids {
			nodes[i] = node(id)
		}
		recs, err := s.kvLiteralsOf(ctx, nodes, pJSON)
		if err != nil {
			return nil, err
		}
		return decodeStatements(recs)
	}
	refs := make([]graph.Ref, 0, len(ids))
	for _, id := range ids {
		if ref := s.qs.ValueOf(node(id)); ref != nil {
			refs = append(refs, ref)
		}
	}
	return s.hydrateStatements(ctx, refs)
}

func decodeStatements(recs [][]string) ([]klaim.Statement, error) {
	out := make([]klaim.Statement, 0, len(recs))
	for _, r := range recs {
		if len(r) == 0 {
			continue
		}
		var st klaim.Statement
		if err := jsonUnmarshal([]byte(r[0]), &st); err != nil {
			return nil, fmt.Errorf("decode statement: %w", err)
		}
		if st.Rebuts == nil {
			st.Rebuts = []string{}
		}
		out = append(out, st)
	}
	return out, nil
}

// addRebuts adds to each statement the statements of the same claim, by other
// speakers, that its stance opposes and that were not said later than it:
// the most recent first, at most maxCrossRebuts. It reads the claim hub of
// the stances it opposes only, unless known holds every summary of the claim.
func (s *Store) addRebuts(ctx context.Context, sts []klaim.Statement, known map[string][]summary) error {
	read := make(map[string][]summary)
	for i := range sts {
		st := &sts[i]
		hub := opposedHub(st.Stance)
		if hub == "" {
			continue
		}
		others, ok := known[st.Claim.ID]
		if !ok {
			key := st.Claim.ID + " " + string(hub)
			if others, ok = read[key]; !ok {
				var err error
				if others, err = s.summaries(ctx, node(st.Claim.ID), hub); err != nil {
					return fmt.Errorf("statements of claim %s: %w", st.Claim.ID, err)
				}
				read[key] = others
			}
		}
		date, added := statementDate(st), 0
		for j := len(others) - 1; j >= 0 && added < maxCrossRebuts; j-- {
			o := &others[j]
			if o.id == st.ID || o.speaker == st.Speaker.ID || !st.Stance.Opposes(o.stance) ||
				laterThan(o.date, date) || slices.Contains(st.Rebuts, o.id) {
				continue
			}
			st.Rebuts = append(st.Rebuts, o.id)
			added++
		}
	}
	return nil
}

// Statements lists the statements matching f, oldest first. It reads the
// summaries listed under each ID the filter sets (one index scan each; all
// statements when none is set), intersects them, filters, sorts and pages on
// the summaries, and reads in full only the statements it returns.
func (s *Store) Statements(ctx context.Context, f klaim.StatementFilter) ([]klaim.Statement, error) {
	defer s.rlock()()
	var cand []summary
	set := false
	for _, by := range []struct {
		id   string
		pred quad.IRI
	}{{f.Article, pByArticle}, {f.Claim, pByClaim}, {f.Speaker, pBySpeaker}, {f.Subject, pBySubject}} {
		if by.id == "" {
			continue
		}
		sums, err := s.summaries(ctx, node(by.id), by.pred)
		if err != nil {
			return nil, fmt.Errorf("statements: %w", err)
		}
		if set {
			ids := make(map[string]bool, len(sums))
			for _, x := range sums {
				ids[x.id] = true
			}
			sums = slices.DeleteFunc(cand, func(x summary) bool { return !ids[x.id] })
		}
		cand, set = sums, true
	}
	var known map[string][]summary
	if !set {
		var err error
		if cand, err = s.summaries(ctx, tStatement, pAll); err != nil {
			return nil, fmt.Errorf("statements: %w", err)
		}
	} else if f.Claim != "" && f.Article == "" && f.Speaker == "" && f.Subject == "" {
		// Every statement of the claim is in hand: rebuttals need no other read.
		known = map[string][]summary{f.Claim: slices.Clone(cand)}
	}
	page := cand[:0]
	for _, x := range cand {
		if (f.Stance == "" || x.stance == f.Stance) && (f.Lang == "" || x.lang == f.Lang) && inPeriod(x.date, f.From, f.To) {
			page = append(page, x)
		}
	}
	if f.Limit > 0 && len(page) > f.Limit {
		page = page[:f.Limit]
	}
	ids := make([]string, len(page))
	for i, x := range page {
		ids[i] = x.id
	}
	sts, err := s.statementsByID(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("statements: %w", err)
	}
	if err := s.addRebuts(ctx, sts, known); err != nil {
		return nil, fmt.Errorf("statements: %w", err)
	}
	return sts, nil
}
