package web

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
	"github.com/klaim/klaim"
)

//go:embed templates static
var assets embed.FS

// page renders the HTML pages and serves their static files.
type page struct {
	tmpl   *template.Template
	static map[string]staticFile
	// version fingerprints the static files; pages link them with ?v=version
	// so browsers may cache them for long and still see a new release.
	version string
}

// staticFile is one embedded file, ready to serve.
type staticFile struct {
	body        []byte
	contentType string
	etag        string
}

// stanceLabels are the stance badges' words, English · Indonesian.
var stanceLabels = map[klaim.Stance]string{
	klaim.StanceClaim:     "claims · mengklaim",
	klaim.StanceDeny:      "denies · membantah",
	klaim.StanceAdmit:     "admits · mengakui",
	klaim.StanceApologize: "apologizes · minta maaf",
}

// relationLabels word the relation types, English · Indonesian.
var relationLabels = map[klaim.RelationType]string{
	klaim.RelWorksFor: "works for · bekerja di",
	klaim.RelParentOf: "parent of · induk dari",
}

// langLabels name the languages of the language facet, English · Indonesian.
var langLabels = map[string]string{"id": "Indonesian · Indonesia", "en": "English · Inggris"}

// facetLabels title the facets, English · Indonesian.
var facetLabels = map[string]string{
	"stance":  "Stance · Sikap",
	"lang":    "Language · Bahasa",
	"speaker": "Speaker · Pembicara",
	"site":    "Site · Situs",
	"year":    "Year · Tahun",
}

// facetOrder is the order facets are shown in.
var facetOrder = []string{"stance", "lang", "year", "speaker", "site"}

func newPage() (*page, error) {
	p := &page{static: make(map[string]staticFile)}
	h := sha256.New()
	entries, err := fs.ReadDir(assets, "static")
	if err != nil {
		return nil, fmt.Errorf("read static files: %w", err)
	}
	for _, e := range entries {
		b, err := assets.ReadFile("static/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("read static file %s: %w", e.Name(), err)
		}
		sum := sha256.Sum256(b)
		h.Write(sum[:])
		ct := mime.TypeByExtension(path.Ext(e.Name()))
		if ct == "" {
			ct = "application/octet-stream"
		}
		p.static[e.Name()] = staticFile{body: b, contentType: ct, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
	}
	p.version = hex.EncodeToString(h.Sum(nil)[:6])
	p.tmpl, err = template.New("page").Funcs(template.FuncMap{
		"stanceLabel": func(s klaim.Stance) string {
			if l, ok := stanceLabels[s]; ok {
				return l
			}
			return string(s)
		},
		"stances": func() []klaim.Stance { return klaim.Stances },
		"relationLabel": func(t klaim.RelationType) string {
			return cmp.Or(relationLabels[t], strings.ReplaceAll(string(t), "_", " "))
		},
		"webURL":  webURL,
		"version": func() string { return p.version },
	}).ParseFS(assets, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}
	return p, nil
}

// webURL returns u when it is an http or https URL, and "" otherwise, so a
// file:// source (or worse) never becomes a link.
func webURL(u string) string {
	pu, err := url.Parse(u)
	if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") {
		return ""
	}
	return u
}

// render executes a template into a buffer first, so a template error gives a
// clean 500 rather than half a page.
func (s *Server) render(c *gin.Context, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.page.tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		s.internalError(c, "render "+name, err)
		return
	}
	h := c.Writer.Header()
	// The page loads only its own script and stylesheet; a policy that says
	// so stops any markup that slipped through from running.
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if status == http.StatusOK {
		sendBytes(c, status, "text/html; charset=utf-8", "no-cache", buf.Bytes())
		return
	}
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

// searchView is what the search page shows.
type searchView struct {
	Q, Lang, Stance, From, To, Speaker, Entity string

	Searched bool   // a search was asked for
	Error    string // why the search could not run
	Hits     []Hit
	Total    int
	Facets   []facetView
	NextURL  string
	Stats    *klaim.Stats
	Examples []string
}

// facetView is one facet with links that narrow the search to each bucket.
type facetView struct {
	Name, Label string
	Buckets     []bucketView
}

// bucketView is one value of a facet.
type bucketView struct {
	Label  string
	Count  int
	URL    string // "" when the facet cannot be used as a filter
	Active bool
}

// searchParams are the query parameters the search page understands.
var searchParams = []string{"q", "lang", "stance", "from", "to", "speaker", "entity"}

func (s *Server) pageSearch(c *gin.Context) {
	q := c.Request.URL.Query()
	v := searchView{
		Q: q.Get("q"), Lang: q.Get("lang"), Stance: q.Get("stance"), From: q.Get("from"),
		To: q.Get("to"), Speaker: q.Get("speaker"), Entity: q.Get("entity"),
		Examples: []string{"pesan pribadi", "Netflix", "private messages", "membantah"},
	}
	v.Searched = slices.ContainsFunc(searchParams, func(p string) bool { return q.Get(p) != "" })
	status := http.StatusOK
	switch {
	case !v.Searched:
		if st, err := s.cfg.Store.Stats(c); err == nil {
			v.Stats = &st
		}
	case s.cfg.Index == nil:
		v.Error, status = "This server has no search index. · Server ini tidak punya indeks pencarian.", http.StatusServiceUnavailable
	default:
		sq, cur, err := parseSearch(q)
		if err != nil {
			v.Error, status = err.Error(), http.StatusBadRequest
			break
		}
		res, err := s.cfg.Index.Search(c, sq)
		if err != nil {
			s.log.Error("search page", "err", err)
			v.Error, status = "The search failed; please try again. · Pencarian gagal; coba lagi.", http.StatusInternalServerError
			break
		}
		v.Hits, v.Total = hits(res), res.Total
		v.Facets = facetViews(q, res.Facets)
		if res.NextCursor != "" {
			next := cloneValues(q)
			next.Set("cursor", cursor{Key: cur.Key, Inner: res.NextCursor}.encode())
			v.NextURL = "/?" + next.Encode()
		}
	}
	s.render(c, status, "search.html", v)
}

// facetViews turns facet counts into links that add the bucket as a filter
// to the current query (and drop the cursor: a new filter is a new query).
func facetViews(q url.Values, facets map[string][]klaim.FacetCount) []facetView {
	var out []facetView
	for _, name := range facetOrder {
		counts := facets[name]
		if len(counts) == 0 {
			continue
		}
		fv := facetView{Name: name, Label: facetLabels[name]}
		for _, fc := range counts {
			if fc.Value == "" {
				continue // e.g. the site of local files: nothing to show or filter on
			}
			b := bucketView{Label: fc.Value, Count: fc.Count}
			switch name {
			case "stance":
				b.Label = cmp.Or(stanceLabels[klaim.Stance(fc.Value)], fc.Value)
			case "lang":
				b.Label = cmp.Or(langLabels[fc.Value], fc.Value)
			}
			next := cloneValues(q)
			next.Del("cursor")
			switch name {
			case "stance", "lang", "speaker", "site":
				b.Active = q.Get(name) == fc.Value
				next.Set(name, fc.Value)
				b.URL = "/?" + next.Encode()
			case "year":
				if len(fc.Value) == 4 {
					from, to := fc.Value+"-01-01", fc.Value+"-12-31"
					b.Active = q.Get("from") == from && q.Get("to") == to
					next.Set("from", from)
					next.Set("to", to)
					b.URL = "/?" + next.Encode()
				}
			}
			fv.Buckets = append(fv.Buckets, b)
		}
		out = append(out, fv)
	}
	return out
}

// cloneValues copies the search parameters of q, dropping empty ones.
func cloneValues(q url.Values) url.Values {
	out := make(url.Values)
	for _, p := range append(slices.Clone(searchParams), "limit", "cursor") {
		if v := q.Get(p); v != "" {
			out.Set(p, v)
		}
	}
	return out
}

// notFoundPage renders the "not found" page for a claim or entity.
func (s *Server) notFoundPage(c *gin.Context, what, id string) {
	s.render(c, http.StatusNotFound, "notfound.html", map[string]string{"What": what, "ID": id})
}

func (s *Server) pageClaim(c *gin.Context) {
	id := c.Param("id")
	d, err := s.claimDetail(c, id)
	switch {
	case errors.Is(err, klaim.ErrNotFound):
		s.notFoundPage(c, "claim · klaim", id)
	case err != nil:
		s.internalError(c, "claim page", err)
	default:
		s.render(c, http.StatusOK, "claim.html", d)
	}
}

// entityView is what the entity page shows.
type entityView struct {
	*EntityDetail
	Spoken []klaim.Statement // the entity's statements, oldest first (at most pageStatements)
	About  []klaim.Statement // statements about it
}

// pageStatements bounds the statements an entity page lists.
const pageStatements = 100

func (s *Server) pageEntity(c *gin.Context) {
	ref := c.Param("id")
	e, err := s.resolveEntity(c, ref)
	var amb *errAmbiguous
	switch {
	case errors.Is(err, klaim.ErrNotFound), errors.As(err, &amb):
		s.notFoundPage(c, "entity · entitas", ref)
		return
	case err != nil:
		s.internalError(c, "entity page", err)
		return
	}
	d, err := s.entityDetail(c, e)
	if err != nil {
		s.internalError(c, "entity page", err)
		return
	}
	v := entityView{EntityDetail: d}
	if v.Spoken, err = s.cfg.Store.Statements(c, klaim.StatementFilter{Speaker: e.ID, Limit: pageStatements}); err == nil {
		v.About, err = s.cfg.Store.Statements(c, klaim.StatementFilter{Subject: e.ID, Limit: pageStatements})
	}
	if err != nil {
		s.internalError(c, "entity page", err)
		return
	}
	s.render(c, http.StatusOK, "entity.html", v)
}

// articleView is an article's text with one statement's evidence marked.
type articleView struct {
	*klaim.Article
	Statement *klaim.Statement
	// Before, Evidence and After split the text around the statement's span;
	// without a statement the whole text is Before.
	Before, Evidence, After string
	Paragraphs              []string
}

func (s *Server) pageArticle(c *gin.Context) {
	id := c.Param("id")
	a, err := s.cfg.Store.Article(c, id)
	switch {
	case errors.Is(err, klaim.ErrNotFound):
		s.notFoundPage(c, "article · artikel", id)
		return
	case err != nil:
		s.internalError(c, "article page", err)
		return
	}
	v := articleView{Article: a}
	if stID := c.Query("st"); stID != "" {
		st, err := s.cfg.Store.Statement(c, stID)
		if err == nil && st.Article.ID == a.ID {
			v.Statement = st
		}
	}
	v.Before, v.Evidence, v.After = splitSpan(a.Text, v.Statement)
	s.render(c, http.StatusOK, "article.html", v)
}

// splitSpan cuts text around a statement's evidence span. A span that does
// not fit the text, or cuts a character in two, marks nothing.
func splitSpan(text string, st *klaim.Statement) (before, evidence, after string) {
	if st == nil {
		return text, "", ""
	}
	from, to := st.Span[0], st.Span[1]
	if from < 0 || to < from || to > len(text) || !utf8.ValidString(text[:from]) || !utf8.ValidString(text[from:to]) {
		return text, "", ""
	}
	return text[:from], text[from:to], text[to:]
}

func (s *Server) pageStatic(c *gin.Context) {
	f, ok := s.page.static[c.Param("file")]
	if !ok {
		notFound(c, fmt.Sprintf("no static file %q", c.Param("file")))
		return
	}
	c.Header("X-Content-Type-Options", "nosniff")
	cache := "public, max-age=300"
	if c.Query("v") == s.page.version {
		cache = "public, max-age=31536000, immutable"
	}
	c.Header("Cache-Control", cache)
	c.Header("ETag", f.etag)
	if etagMatch(c.GetHeader("If-None-Match"), f.etag) {
		c.Status(http.StatusNotModified)
		c.Writer.WriteHeaderNow()
		return
	}
	c.Data(http.StatusOK, f.contentType, f.body)
}

// openAPI serves the embedded OpenAPI document.
func (s *Server) openAPI(c *gin.Context) {
	sendBytes(c, http.StatusOK, "application/json; charset=utf-8", "public, max-age=3600", openAPIDoc)
}
