package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/gin-gonic/gin"
	"github.com/klaim/klaim"
)

func TestNewNeedsStore(t *testing.T) {
	if _, err := New(Config{}); err == nil {
		t.Fatal("New without a Store succeeded")
	}
}

func TestIngest(t *testing.T) {
	tooBig := `{"title":"big","text":"` + strings.Repeat("a", maxBodyBytes) + `"}`
	tests := []struct {
		name, key, body string
		header          []string
		status          int
		detail          string
	}{
		{name: "no key configured", body: `{"title":"T","text":"Body."}`, status: 201},
		{name: "key missing", key: "s3cret", body: `{"title":"T","text":"Body."}`, status: 401, detail: "API key"},
		{name: "key wrong", key: "s3cret", body: `{"title":"T","text":"Body."}`, header: []string{"Authorization", "Bearer nope"}, status: 401},
		{name: "key as bearer", key: "s3cret", body: `{"title":"T","text":"Body."}`, header: []string{"Authorization", "Bearer s3cret"}, status: 201},
		{name: "key as header", key: "s3cret", body: `{"url":"https://news.test/a"}`, header: []string{"X-API-Key", "s3cret"}, status: 201},
		{name: "key in wrong scheme", key: "s3cret", body: `{"url":"https://news.test/a"}`, header: []string{"Authorization", "Basic s3cret"}, status: 401},
		{name: "html with url", body: `{"html":"<html><title>x</title></html>","url":"https://news.test/b"}`, status: 201},
		{name: "bad json", body: `{"url":`, status: 400, detail: "JSON"},
		{name: "two values", body: `{"url":"https://news.test/a"} {}`, status: 400, detail: "more than one"},
		{name: "unknown field", body: `{"link":"https://news.test/a"}`, status: 400, detail: "link"},
		{name: "empty", body: `{}`, status: 400, detail: `send {\"url\"}`},
		{name: "html without url", body: `{"html":"<p>x</p>"}`, status: 400, detail: "url"},
		{name: "text without title", body: `{"text":"Body."}`, status: 400, detail: "title"},
		{name: "title without text", body: `{"title":"T"}`, status: 400, detail: "text"},
		{name: "html and text", body: `{"html":"<p>x</p>","text":"x","url":"https://news.test/a"}`, status: 400, detail: "either"},
		{name: "url not http", body: `{"url":"file:///etc/passwd"}`, status: 400, detail: "http"},
		{name: "not json", body: `url=x`, header: []string{"Content-Type", "application/x-www-form-urlencoded"}, status: 415},
		{name: "too large", body: tooBig, status: 413, detail: "10 MB"},
		{name: "ingester fails", body: `{"url":"https://fail.test/x"}`, status: 422, detail: "connection refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, tt.key)
			h := append([]string{"Content-Type", "application/json"}, tt.header...)
			rec := do(t, f.srv, "POST", "/api/v1/articles", strings.NewReader(tt.body), h...)
			hdr := http.Header{}
			for i := 0; i+1 < len(h); i += 2 {
				hdr.Set(h[i], h[i+1])
			}
			conformsToSpec(t, "POST", "/api/v1/articles", []byte(tt.body), hdr, rec)
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if !strings.Contains(rec.Body.String(), tt.detail) {
				t.Errorf("body lacks %q: %s", tt.detail, rec.Body)
			}
			if tt.status == 401 && rec.Header().Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
			if tt.status != 201 {
				if got := rec.Header().Get("Content-Type"); got != "application/problem+json" {
					t.Errorf("Content-Type = %q", got)
				}
				return
			}
			var res klaim.IngestResult
			decode(t, rec, &res)
			if res.Article.ID == "" || rec.Header().Get("Location") != "/api/v1/articles/"+res.Article.ID {
				t.Errorf("result %+v, Location %q", res, rec.Header().Get("Location"))
			}
			if _, err := f.store.Article(context.Background(), res.Article.ID); err != nil {
				t.Errorf("ingested article not stored: %v", err)
			}
		})
	}

	t.Run("source passed through and replaced", func(t *testing.T) {
		f := newFixture(t, "")
		body := `{"title":"Judul","text":"Isi berita.","url":"https://news.test/c"}`
		for i, wantReplaced := range []bool{false, true} {
			rec := do(t, f.srv, "POST", "/api/v1/articles", strings.NewReader(body))
			var res klaim.IngestResult
			decode(t, rec, &res)
			if rec.Code != 201 || res.Replaced != wantReplaced {
				t.Errorf("ingest %d: %d replaced=%v, want 201 replaced=%v", i, rec.Code, res.Replaced, wantReplaced)
			}
		}
		got := f.ing.got[0]
		if got.Title != "Judul" || got.Text != "Isi berita." || got.URL != "https://news.test/c" || got.HTML != nil {
			t.Errorf("source = %+v", got)
		}
	})

	t.Run("read-only server", func(t *testing.T) {
		srv, err := New(Config{Store: newFakeStore()})
		if err != nil {
			t.Fatal(err)
		}
		if rec := do(t, srv, "POST", "/api/v1/articles", strings.NewReader(`{"url":"https://news.test/a"}`)); rec.Code != 503 {
			t.Errorf("status = %d, want 503", rec.Code)
		}
		if rec := do(t, srv, "GET", "/api/v1/search?q=x", nil); rec.Code != 503 {
			t.Errorf("search without index: %d, want 503", rec.Code)
		}
	})
}

// ginPath turns gin's ":id" parameters into OpenAPI's "{id}".
var ginParam = regexp.MustCompile(`[:*]([A-Za-z_]+)`)

func TestOpenAPI(t *testing.T) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(openAPIDoc)
	if err != nil {
		t.Fatalf("load openapi.json: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not valid OpenAPI 3: %v", err)
	}
	f := newFixture(t, "")
	routes := f.srv.engine.Routes()
	if len(routes) < 15 {
		t.Fatalf("only %d routes registered", len(routes))
	}
	documented := 0
	for _, r := range routes {
		if r.Method == http.MethodHead {
			// HTTP defines HEAD by GET; the test below checks every HEAD has its GET.
			if !slices.ContainsFunc(routes, func(g gin.RouteInfo) bool { return g.Method == http.MethodGet && g.Path == r.Path }) {
				t.Errorf("HEAD %s without GET", r.Path)
			}
			continue
		}
		p := ginParam.ReplaceAllString(r.Path, "{$1}")
		item := doc.Paths.Value(p)
		if item == nil {
			t.Errorf("route %s %s is not in openapi.json (as %s)", r.Method, r.Path, p)
			continue
		}
		if item.GetOperation(r.Method) == nil {
			t.Errorf("openapi.json has %s but not its %s operation", p, r.Method)
			continue
		}
		documented++
	}
	// And the other way: nothing documented that is not served.
	for p, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			rec := do(t, f.srv, method, strings.ReplaceAll(strings.ReplaceAll(p, "{id}", "x"), "{file}", "x"), nil)
			if rec.Code == http.StatusMethodNotAllowed || (rec.Code == 404 && strings.Contains(rec.Body.String(), "not a klaim endpoint")) {
				t.Errorf("openapi.json documents %s %s, which the server does not route", method, p)
			}
		}
	}
	t.Logf("%d routes, all documented", documented)
}

func TestMetrics(t *testing.T) {
	f := newFixture(t, "")
	for range 3 {
		do(t, f.srv, "GET", "/api/v1/statements/st_nope", nil)
	}
	do(t, f.srv, "GET", "/api/v1/claims", nil)
	do(t, f.srv, "GET", "/no/such/thing", nil)
	do(t, f.srv, "BREW", "/api/v1/claims", nil)
	rec := do(t, f.srv, "GET", "/metrics", nil)
	if rec.Code != 200 {
		t.Fatalf("metrics: %d", rec.Code)
	}
	body := rec.Body.String()
	for _, want := range []string{
		`klaim_http_requests_total{method="GET",route="/api/v1/statements/:id",status="404"} 3`,
		`klaim_http_requests_total{method="GET",route="/api/v1/claims",status="200"} 1`,
		`klaim_http_requests_total{method="GET",route="unmatched",status="404"} 1`,
		`klaim_http_requests_total{method="other",route="unmatched",status="405"} 1`,
		`klaim_http_request_duration_seconds_count{method="GET",route="/api/v1/claims",status="200"} 1`,
		`klaim_http_request_duration_seconds_bucket{method="GET",route="/api/v1/claims",status="200",le="+Inf"} 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// panicStore is a store whose Stats panics with a secret in the message.
type panicStore struct{ *fakeStore }

func (panicStore) Stats(context.Context) (klaim.Stats, error) { panic("secret database password") }

func TestFailures(t *testing.T) {
	var logs bytes.Buffer
	srv, err := New(Config{Store: panicStore{newFakeStore()}, Logger: newTestLogger(&logs)})
	if err != nil {
		t.Fatal(err)
	}
	rec := do(t, srv, "GET", "/healthz", nil)
	if rec.Code != 500 || rec.Header().Get("Content-Type") != "application/problem+json" {
		t.Errorf("panic: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	if strings.Contains(rec.Body.String(), "secret") || strings.Contains(rec.Body.String(), "goroutine") {
		t.Errorf("panic leaked to the client: %s", rec.Body)
	}
	if !strings.Contains(logs.String(), "secret database password") {
		t.Errorf("panic not logged: %s", logs.String())
	}

	broken := newFakeStore(fixtureDocs()...)
	broken.err = fmt.Errorf("bolt: disk full at /var/secret")
	srv, err = New(Config{Store: broken, Index: &fakeIndex{store: broken}})
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"/api/v1/claims", "/api/v1/search?q=x", "/api/v1/entities/en_fb", "/api/v1/export/claimreview", "/claim/cl_pm", "/?q=x"} {
		rec := do(t, srv, "GET", target, nil)
		if rec.Code != 500 && rec.Code != 503 {
			t.Errorf("%s with a broken store: %d, want 500", target, rec.Code)
		}
		if strings.Contains(rec.Body.String(), "/var/secret") {
			t.Errorf("%s leaked the store's error: %s", target, rec.Body)
		}
	}
	if rec := do(t, srv, "GET", "/healthz", nil); rec.Code != 503 {
		t.Errorf("healthz with a broken store: %d, want 503", rec.Code)
	}
}

func TestCORSAndCaching(t *testing.T) {
	f := newFixture(t, "key")
	rec := do(t, f.srv, "GET", "/api/v1/claims/cl_pm", nil, "Origin", "https://notebook.test")
	if rec.Header().Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("GET lacks CORS: %v", rec.Header())
	}
	etag := rec.Header().Get("ETag")
	if etag == "" || rec.Header().Get("Cache-Control") != "no-cache" {
		t.Fatalf("GET lacks ETag or Cache-Control: %v", rec.Header())
	}
	rec = do(t, f.srv, "GET", "/api/v1/claims/cl_pm", nil, "If-None-Match", etag)
	if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
		t.Errorf("If-None-Match: %d with %d bytes, want 304 and none", rec.Code, rec.Body.Len())
	}
	if rec = do(t, f.srv, "GET", "/api/v1/claims/cl_data", nil, "If-None-Match", etag); rec.Code != 200 {
		t.Errorf("another resource with the same ETag: %d, want 200", rec.Code)
	}

	rec = do(t, f.srv, "OPTIONS", "/api/v1/search", nil, "Origin", "https://notebook.test", "Access-Control-Request-Method", "GET")
	if rec.Code != http.StatusNoContent || !strings.Contains(rec.Header().Get("Access-Control-Allow-Methods"), "GET") {
		t.Errorf("preflight: %d %v", rec.Code, rec.Header())
	}
	rec = do(t, f.srv, "POST", "/api/v1/articles", strings.NewReader(`{}`), "Origin", "https://notebook.test", "X-API-Key", "key")
	if rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Error("POST allows other origins")
	}
}
