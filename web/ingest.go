package web

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/klaim/klaim"
)

// authorized reports whether the request carries the configured API key. With
// no key configured every request is.
func (s *Server) authorized(r *http.Request) bool {
	if s.cfg.APIKey == "" {
		return true
	}
	key := r.Header.Get("X-API-Key")
	if auth := r.Header.Get("Authorization"); key == "" && auth != "" {
		scheme, token, ok := strings.Cut(auth, " ")
		if ok && strings.EqualFold(scheme, "Bearer") {
			key = strings.TrimSpace(token)
		}
	}
	return subtle.ConstantTimeCompare([]byte(key), []byte(s.cfg.APIKey)) == 1
}

// source checks an ingest request and turns it into a klaim.Source.
func (req *IngestRequest) source() (klaim.Source, error) {
	req.URL = strings.TrimSpace(req.URL)
	if req.URL != "" {
		u, err := url.Parse(req.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return klaim.Source{}, fmt.Errorf("url must be an absolute http or https URL, got %q", req.URL)
		}
	}
	switch {
	case req.HTML != "" && req.Text != "":
		return klaim.Source{}, errors.New("send either html or text, not both")
	case req.HTML != "":
		if req.URL == "" {
			return klaim.Source{}, errors.New("html needs the url it came from, to identify the article")
		}
		return klaim.Source{URL: req.URL, HTML: []byte(req.HTML), ContentType: "text/html; charset=utf-8"}, nil
	case req.Text != "":
		if strings.TrimSpace(req.Title) == "" {
			return klaim.Source{}, errors.New("text needs a title")
		}
		return klaim.Source{URL: req.URL, Title: req.Title, Text: req.Text}, nil
	case req.Title != "":
		return klaim.Source{}, errors.New("title needs the article's text")
	case req.URL != "":
		return klaim.Source{URL: req.URL}, nil
	}
	return klaim.Source{}, errors.New(`send {"url"}, {"html","url"} or {"title","text"}`)
}

func (s *Server) ingest(c *gin.Context) {
	if !s.authorized(c.Request) {
		c.Header("WWW-Authenticate", `Bearer realm="klaim"`)
		problem(c, http.StatusUnauthorized, "Unauthorized", `this server needs an API key to ingest: send "Authorization: Bearer KEY" or "X-API-Key: KEY"`)
		return
	}
	if s.cfg.Ingester == nil {
		problem(c, http.StatusServiceUnavailable, "Ingest unavailable", "this server is read-only: it has no ingester")
		return
	}
	// Only JSON: a form or text/plain body is what another site's page can
	// make a browser send without a CORS preflight, so accepting it would let
	// any page feed articles to a klaim on localhost that has no API key.
	if ct := c.GetHeader("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			problem(c, http.StatusUnsupportedMediaType, "Unsupported media type",
				fmt.Sprintf("send the article as application/json (curl: -H 'Content-Type: application/json'), not %q", ct))
			return
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, maxBodyBytes))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		problem(c, http.StatusRequestEntityTooLarge, "Request too large", fmt.Sprintf("the body exceeds %d MB", maxBodyBytes>>20))
		return
	case err != nil:
		badRequest(c, "could not read the body: "+err.Error())
		return
	}
	var req IngestRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		badRequest(c, "the body is not a JSON ingest request: "+err.Error())
		return
	}
	if dec.More() {
		badRequest(c, "the body holds more than one JSON value")
		return
	}
	src, err := req.source()
	if err != nil {
		badRequest(c, err.Error())
		return
	}
	res, err := s.cfg.Ingester.Ingest(c, src)
	if err != nil {
		// The ingester does not say whether the source or klaim is at fault,
		// so the client gets the message (it names the source) and the log
		// keeps it too.
		s.log.Warn("ingest", "url", src.URL, "title", src.Title, "err", err)
		problem(c, http.StatusUnprocessableEntity, "Could not ingest the article", err.Error())
		return
	}
	if res.Article.ID != "" {
		c.Header("Location", "/api/v1/articles/"+url.PathEscape(res.Article.ID))
	}
	sendBody(c, http.StatusCreated, "application/json; charset=utf-8", "no-store", res)
}
