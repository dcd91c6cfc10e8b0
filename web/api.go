package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/klaim/klaim"
)

// Hit is one search result: a statement in the contract's shape plus its
// relevance score and highlighted fragments.
type Hit struct {
	klaim.Statement
	Score      float64             `json:"score"`
	Highlights map[string][]string `json:"highlights,omitempty"`
}

// ClaimDetail is one claim with its statements, oldest first, and who took
// which stance on it.
type ClaimDetail struct {
	klaim.Claim
	// Counts has every stance, zero included, so clients need no defaults.
	Counts       map[klaim.Stance]int `json:"counts"`
	ClaimedBy    []klaim.EntityRef    `json:"claimed_by"`
	DeniedBy     []klaim.EntityRef    `json:"denied_by"`
	AdmittedBy   []klaim.EntityRef    `json:"admitted_by"`
	ApologizedBy []klaim.EntityRef    `json:"apologized_by"`
	Timeline     []klaim.Statement    `json:"timeline"`
}

// ClaimHit is a claim in a list, with its score when the list is a search.
type ClaimHit struct {
	klaim.Claim
	Score float64 `json:"score,omitempty"`
}

// EntityDetail is one entity with how often it took each stance as a speaker
// and how often statements are about it.
type EntityDetail struct {
	klaim.Entity
	StatementCounts map[klaim.Stance]int `json:"statement_counts"`
	Statements      int                  `json:"statements"`   // as speaker
	MentionedIn     int                  `json:"mentioned_in"` // statements about it
}

// Path is one chain of relations between two entities.
type Path struct {
	Hops  int              `json:"hops"`
	Edges []klaim.Relation `json:"edges"`
}

// IngestRequest is the body of POST /api/v1/articles: a URL to fetch, a page's
// HTML with the URL it came from, or a plain-text article.
type IngestRequest struct {
	URL   string `json:"url"`
	HTML  string `json:"html"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// maxQueryBytes bounds a search's words: enough for any question, small
// enough that nobody makes the index chew on a pasted article.
const maxQueryBytes = 1000

var langPattern = regexp.MustCompile(`^[a-z]{2}$`)

// parseSearch reads a statement search from query parameters. The error says
// which parameter is wrong and what it should look like.
func parseSearch(q url.Values) (klaim.SearchQuery, cursor, error) {
	sq := klaim.SearchQuery{
		Text:    strings.TrimSpace(q.Get("q")),
		Speaker: strings.TrimSpace(q.Get("speaker")),
		Entity:  strings.TrimSpace(q.Get("entity")),
		Site:    strings.TrimSpace(q.Get("site")),
	}
	if len(sq.Text) > maxQueryBytes {
		return sq, cursor{}, fmt.Errorf("q is %d bytes long; keep it under %d", len(sq.Text), maxQueryBytes)
	}
	var err error
	if sq.Lang, err = parseLang(q.Get("lang")); err != nil {
		return sq, cursor{}, err
	}
	if st := q.Get("stance"); st != "" {
		if sq.Stance, err = klaim.ParseStance(st); err != nil {
			return sq, cursor{}, fmt.Errorf("stance: %w", err)
		}
	}
	if sq.From, err = parseDate("from", q.Get("from")); err != nil {
		return sq, cursor{}, err
	}
	if sq.To, err = parseDate("to", q.Get("to")); err != nil {
		return sq, cursor{}, err
	}
	if !sq.From.IsZero() && !sq.To.IsZero() && sq.To.Before(sq.From) {
		return sq, cursor{}, fmt.Errorf("to (%s) is before from (%s)", q.Get("to"), q.Get("from"))
	}
	if sq.Limit, err = parseLimit(q.Get("limit")); err != nil {
		return sq, cursor{}, err
	}
	cur, err := decodeCursor(q.Get("cursor"), queryKey("search", q))
	if err != nil {
		return sq, cursor{}, err
	}
	sq.Cursor = cur.Inner
	return sq, cur, nil
}

// parseLang reads an ISO 639-1 language code.
func parseLang(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s != "" && !langPattern.MatchString(s) {
		return "", fmt.Errorf("lang must be a two-letter ISO 639-1 code such as id or en, got %q", s)
	}
	return s, nil
}

// parseDate reads a YYYY-MM-DD date; "" is the zero time.
func parseDate(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s must be a date as YYYY-MM-DD, got %q", name, s)
	}
	return t, nil
}

// hits converts index hits to the API's shape.
func hits(res *klaim.SearchResult) []Hit {
	out := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		out = append(out, Hit{Statement: wireStatement(h.Statement), Score: h.Score, Highlights: h.Highlights})
	}
	return out
}

func (s *Server) search(c *gin.Context) {
	if s.cfg.Index == nil {
		problem(c, http.StatusServiceUnavailable, "Search unavailable", "this server has no search index")
		return
	}
	sq, cur, err := parseSearch(c.Request.URL.Query())
	if err != nil {
		badRequest(c, err.Error())
		return
	}
	res, err := s.cfg.Index.Search(c, sq)
	if err != nil {
		s.searchFailed(c, "search", err, sq.Cursor != "" && s.searchWorks(c, sq))
		return
	}
	next := ""
	if res.NextCursor != "" {
		next = cursor{Key: cur.Key, Inner: res.NextCursor}.encode()
	}
	sendJSON(c, http.StatusOK, SearchList(res, next))
}

// SearchList is the body of GET /api/v1/search for a page of results, with
// nextCursor as meta.next_cursor. `klaim search --format json` prints the
// same body, so scripts can use either.
func SearchList(res *klaim.SearchResult, nextCursor string) List {
	return List{Data: hits(res), Meta: Meta{Total: res.Total, NextCursor: nextCursor, Facets: res.Facets}}
}

// The index has no error of its own for a cursor it cannot use (one whose
// inner part was edited, or cut before the index was rebuilt), so when a
// search with a cursor fails, the same search without it tells whether the
// cursor or the index is at fault.

// searchWorks reports whether sq succeeds from its first page.
func (s *Server) searchWorks(ctx context.Context, sq klaim.SearchQuery) bool {
	sq.Cursor = ""
	_, err := s.cfg.Index.Search(ctx, sq)
	return err == nil
}

// claimSearchWorks reports whether sq succeeds from its first page.
func (s *Server) claimSearchWorks(ctx context.Context, sq klaim.SearchQuery) bool {
	sq.Cursor = ""
	_, err := s.cfg.Index.SearchClaims(ctx, sq)
	return err == nil
}

// searchFailed answers 400 when the cursor was at fault, 500 otherwise.
func (s *Server) searchFailed(c *gin.Context, what string, err error, cursorAtFault bool) {
	if cursorAtFault {
		s.log.Warn(what+": cursor refused by the index", "err", err)
		badRequest(c, "the cursor no longer fits the index (it changed since, or the cursor was edited); drop it to start from the first page")
		return
	}
	s.internalError(c, what, err)
}

// lookupFailed answers for an error of a store lookup: 404 for ErrNotFound,
// 500 otherwise.
func (s *Server) lookupFailed(c *gin.Context, what, id string, err error) {
	if errors.Is(err, klaim.ErrNotFound) {
		notFound(c, fmt.Sprintf("no %s with id %q", what, id))
		return
	}
	s.internalError(c, "look up "+what, err)
}

func (s *Server) statement(c *gin.Context) {
	id := c.Param("id")
	st, err := s.cfg.Store.Statement(c, id)
	if err != nil {
		s.lookupFailed(c, "statement", id, err)
		return
	}
	sendJSON(c, http.StatusOK, wireStatement(*st))
}

func (s *Server) article(c *gin.Context) {
	id := c.Param("id")
	a, err := s.cfg.Store.Article(c, id)
	if err != nil {
		s.lookupFailed(c, "article", id, err)
		return
	}
	sendJSON(c, http.StatusOK, a)
}

// paging reads limit and cursor for a list the server pages itself, or
// answers 400 and reports false.
func paging(c *gin.Context, name string) (cursor, int, bool) {
	q := c.Request.URL.Query()
	limit, err := parseLimit(q.Get("limit"))
	if err != nil {
		badRequest(c, err.Error())
		return cursor{}, 0, false
	}
	cur, err := decodeCursor(q.Get("cursor"), queryKey(name, q))
	if err != nil {
		badRequest(c, err.Error())
		return cursor{}, 0, false
	}
	return cur, limit, true
}

func (s *Server) claims(c *gin.Context) {
	cur, limit, ok := paging(c, "claims")
	if !ok {
		return
	}
	text := strings.TrimSpace(c.Query("q"))
	entity := strings.TrimSpace(c.Query("entity"))
	if text != "" {
		if s.cfg.Index == nil {
			problem(c, http.StatusServiceUnavailable, "Search unavailable", "this server has no search index; list claims without q")
			return
		}
		sq := klaim.SearchQuery{Text: text, Entity: entity, Limit: limit, Cursor: cur.Inner}
		res, err := s.cfg.Index.SearchClaims(c, sq)
		if err != nil {
			s.searchFailed(c, "claim search", err, sq.Cursor != "" && s.claimSearchWorks(c, sq))
			return
		}
		data := make([]ClaimHit, 0, len(res.Hits))
		for _, h := range res.Hits {
			data = append(data, ClaimHit{Claim: h.Claim, Score: h.Score})
		}
		meta := Meta{Total: res.Total}
		if res.NextCursor != "" {
			meta.NextCursor = cursor{Key: cur.Key, Inner: res.NextCursor}.encode()
		}
		sendJSON(c, http.StatusOK, List{Data: data, Meta: meta})
		return
	}
	all, err := s.cfg.Store.Claims(c)
	if err != nil {
		s.internalError(c, "list claims", err)
		return
	}
	if entity != "" {
		if all, err = s.claimsAbout(c, all, entity); err != nil {
			s.internalError(c, "list claims", err)
			return
		}
	}
	// The store promises no order; sort so that cursors page a stable list.
	slices.SortFunc(all, func(a, b klaim.Claim) int {
		return strings.Compare(strings.ToLower(a.Text)+"\x00"+a.ID, strings.ToLower(b.Text)+"\x00"+b.ID)
	})
	data := make([]ClaimHit, 0, len(all))
	for _, cl := range all {
		data = append(data, ClaimHit{Claim: cl})
	}
	page, next := paginate(data, cur, limit)
	sendJSON(c, http.StatusOK, List{Data: page, Meta: Meta{Total: len(data), NextCursor: next}})
}

// claimsAbout keeps the claims that involve the entity named by ref (an ID or
// a name): as a subject or concept of the claim, or as the speaker or subject
// of one of its statements.
func (s *Server) claimsAbout(ctx context.Context, claims []klaim.Claim, ref string) ([]klaim.Claim, error) {
	ids, err := s.entityIDs(ctx, ref)
	if err != nil {
		return nil, err
	}
	keep := make(map[string]bool)
	for _, id := range ids {
		for _, f := range []klaim.StatementFilter{{Speaker: id}, {Subject: id}} {
			sts, err := s.cfg.Store.Statements(ctx, f)
			if err != nil {
				return nil, err
			}
			for _, st := range sts {
				keep[st.Claim.ID] = true
			}
		}
	}
	var out []klaim.Claim
	for _, cl := range claims {
		involved := keep[cl.ID]
		for _, id := range ids {
			involved = involved || slices.Contains(cl.Concepts, id) ||
				slices.ContainsFunc(cl.Subjects, func(r klaim.EntityRef) bool { return r.ID == id })
		}
		if involved {
			out = append(out, cl)
		}
	}
	return out, nil
}

// entityIDs resolves an entity ID or name to the IDs it may mean.
func (s *Server) entityIDs(ctx context.Context, ref string) ([]string, error) {
	if _, err := s.cfg.Store.Entity(ctx, ref); err == nil {
		return []string{ref}, nil
	} else if !errors.Is(err, klaim.ErrNotFound) {
		return nil, err
	}
	es, err := s.cfg.Store.EntitiesByAlias(ctx, ref)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(es))
	for _, e := range es {
		ids = append(ids, e.ID)
	}
	return ids, nil
}

// claimDetail gathers a claim's timeline and who took which stance.
func (s *Server) claimDetail(ctx context.Context, id string) (*ClaimDetail, error) {
	cl, err := s.cfg.Store.Claim(ctx, id)
	if err != nil {
		return nil, err
	}
	sts, err := s.cfg.Store.Statements(ctx, klaim.StatementFilter{Claim: id})
	if err != nil {
		return nil, fmt.Errorf("statements of claim %s: %w", id, err)
	}
	d := &ClaimDetail{
		Claim: *cl, Counts: stanceCounts(sts), Timeline: wireStatements(sts),
		ClaimedBy: []klaim.EntityRef{}, DeniedBy: []klaim.EntityRef{},
		AdmittedBy: []klaim.EntityRef{}, ApologizedBy: []klaim.EntityRef{},
	}
	for _, st := range sts {
		who := klaim.EntityRef{ID: st.Speaker.ID, Name: st.Speaker.Name}
		var list *[]klaim.EntityRef
		switch st.Stance {
		case klaim.StanceClaim:
			list = &d.ClaimedBy
		case klaim.StanceDeny:
			list = &d.DeniedBy
		case klaim.StanceAdmit:
			list = &d.AdmittedBy
		case klaim.StanceApologize:
			list = &d.ApologizedBy
		default:
			continue
		}
		if !slices.Contains(*list, who) {
			*list = append(*list, who)
		}
	}
	return d, nil
}

// stanceCounts counts statements by stance, every stance present.
func stanceCounts(sts []klaim.Statement) map[klaim.Stance]int {
	m := make(map[klaim.Stance]int, len(klaim.Stances))
	for _, st := range klaim.Stances {
		m[st] = 0
	}
	for _, st := range sts {
		m[st.Stance]++
	}
	return m
}

func (s *Server) claim(c *gin.Context) {
	id := c.Param("id")
	d, err := s.claimDetail(c, id)
	if err != nil {
		s.lookupFailed(c, "claim", id, err)
		return
	}
	sendJSON(c, http.StatusOK, d)
}

// findEntities finds entities by name: those whose name or an alias folds to
// the same as q first, then those whose folded name or alias contains it.
func (s *Server) findEntities(ctx context.Context, q string) ([]klaim.Entity, error) {
	all, err := s.cfg.Store.Entities(ctx)
	if err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	if q == "" {
		return all, nil
	}
	exact, err := s.cfg.Store.EntitiesByAlias(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("entities named %q: %w", q, err)
	}
	seen := make(map[string]bool, len(exact))
	for _, e := range exact {
		seen[e.ID] = true
	}
	needle := klaim.NormalizeName(q)
	if needle == "" {
		return exact, nil
	}
	out := exact
	for _, e := range all {
		if seen[e.ID] {
			continue
		}
		names := append([]string{e.Name}, e.Aliases...)
		if slices.ContainsFunc(names, func(n string) bool { return strings.Contains(klaim.NormalizeName(n), needle) }) {
			out = append(out, e)
			seen[e.ID] = true
		}
	}
	return out, nil
}

func (s *Server) entities(c *gin.Context) {
	cur, limit, ok := paging(c, "entities")
	if !ok {
		return
	}
	es, err := s.findEntities(c, strings.TrimSpace(c.Query("q")))
	if err != nil {
		s.internalError(c, "find entities", err)
		return
	}
	if kind := c.Query("kind"); kind != "" {
		es = slices.DeleteFunc(es, func(e klaim.Entity) bool { return string(e.Kind) != kind })
	}
	page, next := paginate(es, cur, limit)
	for i := range page {
		page[i] = wireEntity(page[i])
	}
	sendJSON(c, http.StatusOK, List{Data: page, Meta: Meta{Total: len(es), NextCursor: next}})
}

// errAmbiguous is returned by resolveEntity when a name fits several entities.
type errAmbiguous struct {
	ref        string
	candidates []klaim.Entity
}

func (e *errAmbiguous) Error() string {
	names := make([]string, 0, len(e.candidates))
	for _, c := range e.candidates {
		names = append(names, fmt.Sprintf("%s (%s)", c.Name, c.ID))
	}
	return fmt.Sprintf("%q names several entities: %s; use an id", e.ref, strings.Join(names, ", "))
}

// resolveEntity finds the entity an ID or a name stands for.
func (s *Server) resolveEntity(ctx context.Context, ref string) (*klaim.Entity, error) {
	e, err := s.cfg.Store.Entity(ctx, ref)
	if err == nil || !errors.Is(err, klaim.ErrNotFound) {
		return e, err
	}
	es, err := s.cfg.Store.EntitiesByAlias(ctx, ref)
	switch {
	case err != nil:
		return nil, err
	case len(es) == 0:
		return nil, fmt.Errorf("entity %q: %w", ref, klaim.ErrNotFound)
	case len(es) > 1:
		return nil, &errAmbiguous{ref: ref, candidates: es}
	}
	return &es[0], nil
}

// entityOrProblem resolves the entity ref or answers 404, 400 or 500.
func (s *Server) entityOrProblem(c *gin.Context, param, ref string) *klaim.Entity {
	e, err := s.resolveEntity(c, ref)
	var amb *errAmbiguous
	switch {
	case err == nil:
		return e
	case errors.As(err, &amb):
		badRequest(c, param+": "+amb.Error())
	case errors.Is(err, klaim.ErrNotFound):
		notFound(c, fmt.Sprintf("%s: no entity with id or name %q", param, ref))
	default:
		s.internalError(c, "look up entity", err)
	}
	return nil
}

// entityDetail counts an entity's statements by stance.
func (s *Server) entityDetail(ctx context.Context, e *klaim.Entity) (*EntityDetail, error) {
	spoken, err := s.cfg.Store.Statements(ctx, klaim.StatementFilter{Speaker: e.ID})
	if err != nil {
		return nil, fmt.Errorf("statements of %s: %w", e.ID, err)
	}
	about, err := s.cfg.Store.Statements(ctx, klaim.StatementFilter{Subject: e.ID})
	if err != nil {
		return nil, fmt.Errorf("statements about %s: %w", e.ID, err)
	}
	d := &EntityDetail{Entity: wireEntity(*e), StatementCounts: stanceCounts(spoken), Statements: len(spoken), MentionedIn: len(about)}
	return d, nil
}

func (s *Server) entity(c *gin.Context) {
	e := s.entityOrProblem(c, "id", c.Param("id"))
	if e == nil {
		return
	}
	d, err := s.entityDetail(c, e)
	if err != nil {
		s.internalError(c, "entity statements", err)
		return
	}
	sendJSON(c, http.StatusOK, d)
}

// statementFilter reads the role, stance and lang of an entity's statements.
func statementFilter(q url.Values, entityID string) (klaim.StatementFilter, error) {
	var f klaim.StatementFilter
	switch role := q.Get("role"); role {
	case "", "speaker":
		f.Speaker = entityID
	case "subject":
		f.Subject = entityID
	default:
		return f, fmt.Errorf("role must be speaker or subject, got %q", role)
	}
	if st := q.Get("stance"); st != "" {
		stance, err := klaim.ParseStance(st)
		if err != nil {
			return f, fmt.Errorf("stance: %w", err)
		}
		f.Stance = stance
	}
	lang, err := parseLang(q.Get("lang"))
	f.Lang = lang
	return f, err
}

func (s *Server) entityStatements(c *gin.Context) {
	cur, limit, ok := paging(c, "entity-statements:"+c.Param("id"))
	if !ok {
		return
	}
	e := s.entityOrProblem(c, "id", c.Param("id"))
	if e == nil {
		return
	}
	f, err := statementFilter(c.Request.URL.Query(), e.ID)
	if err != nil {
		badRequest(c, err.Error())
		return
	}
	sts, err := s.cfg.Store.Statements(c, f)
	if err != nil {
		s.internalError(c, "entity statements", err)
		return
	}
	page, next := paginate(wireStatements(sts), cur, limit)
	sendJSON(c, http.StatusOK, List{Data: page, Meta: Meta{Total: len(sts), NextCursor: next}})
}

func (s *Server) entityRelations(c *gin.Context) {
	e := s.entityOrProblem(c, "id", c.Param("id"))
	if e == nil {
		return
	}
	rels, err := s.cfg.Store.Relations(c, e.ID)
	if err != nil {
		s.internalError(c, "entity relations", err)
		return
	}
	if rels == nil {
		rels = []klaim.Relation{}
	}
	sendJSON(c, http.StatusOK, List{Data: rels, Meta: Meta{Total: len(rels)}})
}

// Bounds of max_hops in GET /api/v1/graph/path: path search grows with the
// branching factor to the power of the hops, so it stays small.
const (
	defaultHops = 3
	maxHops     = 6
)

func (s *Server) graphPath(c *gin.Context) {
	fromRef, toRef := strings.TrimSpace(c.Query("from")), strings.TrimSpace(c.Query("to"))
	if fromRef == "" || toRef == "" {
		badRequest(c, "from and to are both required: an entity id or name each")
		return
	}
	hops := defaultHops
	if h := c.Query("max_hops"); h != "" {
		n, err := strconv.Atoi(h)
		if err != nil || n < 1 || n > maxHops {
			badRequest(c, fmt.Sprintf("max_hops must be a whole number from 1 to %d, got %q", maxHops, h))
			return
		}
		hops = n
	}
	from := s.entityOrProblem(c, "from", fromRef)
	if from == nil {
		return
	}
	to := s.entityOrProblem(c, "to", toRef)
	if to == nil {
		return
	}
	paths, err := s.cfg.Store.Paths(c, from.ID, to.ID, hops)
	if err != nil {
		s.internalError(c, "path search", err)
		return
	}
	data := make([]Path, 0, len(paths))
	for _, p := range paths {
		data = append(data, Path{Hops: len(p), Edges: p})
	}
	sendJSON(c, http.StatusOK, List{Data: data, Meta: Meta{Total: len(data)}})
}

func (s *Server) exportClaimReview(c *gin.Context) {
	claims, err := s.cfg.Store.Claims(c)
	if err != nil {
		s.internalError(c, "export claims", err)
		return
	}
	sts, err := s.cfg.Store.Statements(c, klaim.StatementFilter{})
	if err != nil {
		s.internalError(c, "export statements", err)
		return
	}
	slices.SortFunc(claims, func(a, b klaim.Claim) int { return strings.Compare(a.ID, b.ID) })
	reviews := klaim.ClaimReviews(claims, sts)
	if reviews == nil {
		reviews = []klaim.ClaimReview{}
	}
	sendBody(c, http.StatusOK, "application/ld+json; charset=utf-8", "no-cache", reviews)
}

func (s *Server) healthz(c *gin.Context) {
	st, err := s.cfg.Store.Stats(c)
	if err != nil {
		s.log.Error("health check", "err", err)
		problem(c, http.StatusServiceUnavailable, "Unhealthy", "the store does not answer")
		return
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, gin.H{"status": "ok", "stats": st})
}

// wireStatement gives a statement the contract's shape: rebuts is a list,
// never null, whatever the store left it as.
func wireStatement(st klaim.Statement) klaim.Statement {
	if st.Rebuts == nil {
		st.Rebuts = []string{}
	}
	return st
}

// wireStatements applies wireStatement to each statement; nil becomes empty.
func wireStatements(sts []klaim.Statement) []klaim.Statement {
	out := make([]klaim.Statement, len(sts))
	for i, st := range sts {
		out[i] = wireStatement(st)
	}
	return out
}

// wireEntity gives an entity the contract's shape: aliases and relations are
// lists, never null.
func wireEntity(e klaim.Entity) klaim.Entity {
	if e.Aliases == nil {
		e.Aliases = []string{}
	}
	if e.Relations == nil {
		e.Relations = []klaim.Relation{}
	}
	return e
}
