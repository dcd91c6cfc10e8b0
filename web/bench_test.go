package web

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/klaim/klaim"
)

// cannedIndex answers every search with the same page, so the benchmarks
// below measure the server (routing, validation, JSON, ETag, templates,
// metrics), not an index.
type cannedIndex struct {
	fakeIndex
	res *klaim.SearchResult
}

func (c *cannedIndex) Search(context.Context, klaim.SearchQuery) (*klaim.SearchResult, error) {
	return c.res, nil
}

// benchServer serves a store of 200 statements and a canned page of 20 hits
// with facets, the default page size.
func benchServer(b *testing.B) *Server {
	b.Helper()
	store := newFakeStore(append(fixtureDocs(), bulkDoc(200))...)
	full, err := (&fakeIndex{store: store}).Search(context.Background(), klaim.SearchQuery{Text: "bulk", Limit: 20})
	if err != nil || len(full.Hits) != 20 {
		b.Fatalf("canned page: %v, %d hits", err, len(full.Hits))
	}
	srv, err := New(Config{Store: store, Index: &cannedIndex{res: full}})
	if err != nil {
		b.Fatal(err)
	}
	return srv
}

func benchmarkGet(b *testing.B, target string) {
	srv := benchServer(b)
	req := httptest.NewRequest("GET", target, nil)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("%s: %d", target, rec.Code)
		}
	}
}

// BenchmarkSearchAPI is one GET /api/v1/search answering 20 hits with facets.
func BenchmarkSearchAPI(b *testing.B) {
	benchmarkGet(b, "/api/v1/search?q=bulk&stance=claim&from=2019-01-01")
}

// BenchmarkSearchPage is the same search rendered as HTML without JavaScript.
func BenchmarkSearchPage(b *testing.B) { benchmarkGet(b, "/?q=bulk&stance=claim&from=2019-01-01") }

// BenchmarkClaimTimeline is GET /api/v1/claims/{id} for a claim with 200
// statements (the fake store's scan included).
func BenchmarkClaimTimeline(b *testing.B) { benchmarkGet(b, "/api/v1/claims/cl_bulk") }

// BenchmarkHealthz is the cheapest route: routing, metrics and a small JSON body.
func BenchmarkHealthz(b *testing.B) { benchmarkGet(b, "/healthz") }
