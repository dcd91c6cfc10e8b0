// Package web serves klaim over HTTP: the JSON REST API under /api/v1 that
// scripts and notebooks of fact-checkers use, and a small search page for
// people at /. It depends only on the interfaces of package klaim (Store,
// Index, Ingester), so any storage and index drivers can sit behind it.
package web

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/klaim/klaim"
	"github.com/prometheus/client_golang/prometheus"
)

// Config is what a Server needs. Store is required; without Index the search
// endpoints answer 503, and without Ingester POST /api/v1/articles does.
type Config struct {
	Store    klaim.Store
	Index    klaim.Index
	Ingester klaim.Ingester
	// APIKey, when set, must accompany POST /api/v1/articles as
	// "Authorization: Bearer KEY" or "X-API-Key: KEY".
	APIKey string
	// Logger receives one line per request and the errors behind 5xx
	// answers; nil discards them.
	Logger *slog.Logger
}

// Server is the klaim HTTP handler: API, web page, health and metrics.
type Server struct {
	cfg     Config
	log     *slog.Logger
	engine  *gin.Engine
	metrics *metrics
	page    *page
}

// maxBodyBytes bounds the body of POST /api/v1/articles: a news page is well
// under a megabyte, so 10 MB leaves room for heavy markup without letting one
// request exhaust memory.
const maxBodyBytes = 10 << 20

func init() {
	// Release mode keeps gin from printing its route table and warnings to
	// stdout, which belongs to the data klaim prints.
	gin.SetMode(gin.ReleaseMode)
}

// New builds the server for cfg. It fails when cfg has no Store.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("web: config has no Store")
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	pg, err := newPage()
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	s := &Server{cfg: cfg, log: log, metrics: newMetrics(), page: pg}
	s.engine = s.routes()
	return s, nil
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.engine.ServeHTTP(w, r)
}

// Registry returns the Prometheus registry behind GET /metrics, so a caller
// can add its own collectors (crawl progress, store size) to the same page.
func (s *Server) Registry() *prometheus.Registry { return s.metrics.registry }

// routes registers every route. openapi.json must list each /api/v1 route
// registered here; a test checks it.
func (s *Server) routes() *gin.Engine {
	e := gin.New()
	e.HandleMethodNotAllowed = true
	e.RedirectTrailingSlash = true
	e.RedirectFixedPath = false
	e.ContextWithFallback = true // handlers pass c to the store, so it must carry the request's context
	e.Use(s.observe, s.recover, s.cors)
	e.NoRoute(func(c *gin.Context) {
		problem(c, http.StatusNotFound, "No such route", fmt.Sprintf("%s %s is not a klaim endpoint; see /api/v1/openapi.json", c.Request.Method, c.Request.URL.Path))
	})
	e.NoMethod(func(c *gin.Context) {
		problem(c, http.StatusMethodNotAllowed, "Method not allowed", fmt.Sprintf("%s is not allowed on %s", c.Request.Method, c.Request.URL.Path))
	})

	// Every GET route answers HEAD too (monitors and link checkers use it);
	// net/http drops the body of a HEAD answer.
	get := func(r gin.IRoutes, path string, h gin.HandlerFunc) {
		r.GET(path, h)
		r.HEAD(path, h)
	}
	get(e, "/", s.pageSearch)
	get(e, "/claim/:id", s.pageClaim)
	get(e, "/entity/:id", s.pageEntity)
	get(e, "/article/:id", s.pageArticle)
	get(e, "/static/:file", s.pageStatic)
	get(e, "/healthz", s.healthz)
	get(e, "/metrics", s.serveMetrics)

	api := e.Group("/api/v1")
	get(api, "/search", s.search)
	get(api, "/statements/:id", s.statement)
	get(api, "/claims", s.claims)
	get(api, "/claims/:id", s.claim)
	get(api, "/entities", s.entities)
	get(api, "/entities/:id", s.entity)
	get(api, "/entities/:id/statements", s.entityStatements)
	get(api, "/entities/:id/relations", s.entityRelations)
	get(api, "/graph/path", s.graphPath)
	get(api, "/articles/:id", s.article)
	api.POST("/articles", s.ingest)
	get(api, "/export/claimreview", s.exportClaimReview)
	get(api, "/openapi.json", s.openAPI)
	return e
}

// observe logs each request and counts it in the metrics, by route pattern
// (not raw path, which would give every ID its own series).
func (s *Server) observe(c *gin.Context) {
	start := time.Now()
	c.Next()
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	status := c.Writer.Status()
	elapsed := time.Since(start)
	s.metrics.observe(c.Request.Method, route, status, elapsed)
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	s.log.Log(c.Request.Context(), level, "http request",
		"method", c.Request.Method, "path", c.Request.URL.Path, "route", route,
		"status", status, "duration", elapsed, "bytes", c.Writer.Size())
}

// recover turns a panic in a handler into a 500 problem. The panic value and
// stack go to the log, never to the client.
func (s *Server) recover(c *gin.Context) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		if v == http.ErrAbortHandler {
			panic(v)
		}
		s.log.Error("panic serving request", "method", c.Request.Method, "path", c.Request.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
		if c.Writer.Written() {
			c.Abort()
			return
		}
		problem(c, http.StatusInternalServerError, "Internal server error", "the server hit an unexpected error; it has been logged")
	}()
	c.Next()
}

// cors lets pages on other origins (fact-checkers' notebooks) read the GET
// API. Writes stay same-origin: POST needs the API key, and the key should
// not live in somebody else's page.
func (s *Server) cors(c *gin.Context) {
	h := c.Writer.Header()
	switch c.Request.Method {
	case http.MethodGet, http.MethodHead:
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Access-Control-Expose-Headers", "ETag, Link")
	case http.MethodOptions:
		if c.GetHeader("Origin") == "" || c.GetHeader("Access-Control-Request-Method") == "" {
			break
		}
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
		h.Set("Access-Control-Allow-Headers", "Accept, If-None-Match, Content-Type")
		h.Set("Access-Control-Max-Age", "86400")
		c.AbortWithStatus(http.StatusNoContent)
		return
	}
	c.Next()
}
