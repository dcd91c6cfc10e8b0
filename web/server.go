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

	e.GET("/", s.pageSearch)
	e.GET("/claim/:id", s.pageClaim)
	e.GET("/entity/:id", s.pageEntity)
	e.GET("/static/:file", s.pageStatic)
	e.GET("/healthz", s.healthz)
	e.GET("/metrics", s.serveMetrics)

	api := e.Group("/api/v1")
	api.GET("/search", s.search)
	api.GET("/statements/:id", s.statement)
	api.GET("/claims", s.claims)
	api.GET("/claims/:id", s.claim)
	api.GET("/entities", s.entities)
	api.GET("/entities/:id", s.entity)
	api.GET("/entities/:id/statements", s.entityStatements)
	api.GET("/entities/:id/relations", s.entityRelations)
	api.GET("/graph/path", s.graphPath)
	api.GET("/articles/:id", s.article)
	api.POST("/articles", s.ingest)
	api.GET("/export/claimreview", s.exportClaimReview)
	api.GET("/openapi.json", s.openAPI)
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
