package web

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/klaim/klaim"
)

// Problem is an RFC 9457 problem document, the body of every error answer.
type Problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
}

// problemType names the problem types: one per status, documented in openapi.json.
func problemType(status int) string {
	return "https://klaim.dev/problems/" + strings.ReplaceAll(strings.ToLower(http.StatusText(status)), " ", "-")
}

// problem answers with a problem document and stops the handler chain.
func problem(c *gin.Context, status int, title, detail string) {
	body, err := json.Marshal(Problem{Type: problemType(status), Title: title, Status: status, Detail: detail})
	if err != nil {
		// A Problem of strings and an int always marshals.
		panic(err)
	}
	c.Header("Cache-Control", "no-store")
	c.Data(status, "application/problem+json", body)
	c.Abort()
}

// badRequest answers 400 with a detail that says what to fix.
func badRequest(c *gin.Context, detail string) {
	problem(c, http.StatusBadRequest, "Bad request", detail)
}

// notFound answers 404 for a resource that does not exist.
func notFound(c *gin.Context, detail string) {
	problem(c, http.StatusNotFound, "Not found", detail)
}

// internalError logs err and answers 500 without revealing it.
func (s *Server) internalError(c *gin.Context, what string, err error) {
	s.log.Error(what, "path", c.Request.URL.Path, "err", err)
	problem(c, http.StatusInternalServerError, "Internal server error", what+" failed; the error has been logged")
}

// List is the envelope of every list answer.
type List struct {
	Data any  `json:"data"`
	Meta Meta `json:"meta"`
}

// Meta describes a page of a list.
type Meta struct {
	Total      int    `json:"total"`
	NextCursor string `json:"next_cursor,omitempty"`
	// Facets counts the matches by stance, lang, speaker, site and year (search only).
	Facets map[string][]klaim.FacetCount `json:"facets,omitempty"`
}

// sendJSON answers 200 with v as JSON, with a strong ETag of the body so a
// client polling the same query gets 304 without the body. Data changes when
// articles are ingested, so caches must revalidate ("no-cache"), which the
// ETag makes cheap.
func sendJSON(c *gin.Context, status int, v any) {
	sendBody(c, status, "application/json; charset=utf-8", "no-cache", v)
}

// sendBody marshals v and answers with the given type and cache policy.
func sendBody(c *gin.Context, status int, contentType, cacheControl string, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		problem(c, http.StatusInternalServerError, "Internal server error", "could not encode the answer")
		return
	}
	sendBytes(c, status, contentType, cacheControl, body)
}

// sendBytes answers with body, honouring If-None-Match on GET and HEAD.
func sendBytes(c *gin.Context, status int, contentType, cacheControl string, body []byte) {
	if status == http.StatusOK {
		sum := sha256.Sum256(body)
		etag := `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`
		c.Header("ETag", etag)
		c.Header("Cache-Control", cacheControl)
		if m := c.Request.Method; (m == http.MethodGet || m == http.MethodHead) && etagMatch(c.GetHeader("If-None-Match"), etag) {
			c.Status(http.StatusNotModified)
			c.Writer.WriteHeaderNow()
			return
		}
	}
	c.Data(status, contentType, body)
}

// etagMatch reports whether an If-None-Match header lists etag (or is "*").
func etagMatch(header, etag string) bool {
	for t := range strings.SplitSeq(header, ",") {
		t = strings.TrimSpace(t)
		t = strings.TrimPrefix(t, "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}
