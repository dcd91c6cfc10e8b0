package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"testing"
	"time"
)

func BenchmarkNormalizeURL(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := NormalizeURL("HTTPS://Nasional.Kompas.com:443/read/2024/03/05/10000001/judul?utm_source=fb&page=all&b=2&a=1#x"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseLinks measures link discovery on a news page (decoding,
// tokenising, resolving and normalising every link).
func BenchmarkParseLinks(b *testing.B) {
	body, err := os.ReadFile("testdata/multipage_kompas.html")
	if err != nil {
		b.Fatal(err)
	}
	page, _ := url.Parse("https://nasional.kompas.com/read/2024/03/05/10000001/menteri-bantah-isu-kenaikan-harga-bbm")
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		parseLinks(page, decodeHTML(body, "text/html; charset=utf-8"))
	}
}

// BenchmarkFrontierEnqueue measures queueing new URLs: one at a time (one
// fsynced bbolt transaction each, as a redirect target is) and as the 1000
// entries of a sitemap (one transaction); ns/op is per URL.
func BenchmarkFrontierEnqueue(b *testing.B) {
	for _, batch := range []int{1, 1000} {
		b.Run(fmt.Sprint("batch=", batch), func(b *testing.B) {
			f, err := openFrontier(b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			defer f.Close()
			now := time.Now()
			window := func(record) time.Duration { return time.Hour }
			b.ResetTimer()
			for i := 0; i < b.N; i += batch {
				us := make([]string, batch)
				for j := range us {
					us[j] = fmt.Sprintf("https://example.id/news/%d", i+j)
				}
				if _, _, err := f.enqueue(us, record{}, now, window, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCrawl measures the crawler's own cost per page (frontier
// transactions, link discovery, scheduling) on a loopback site under a
// fake clock, so the politeness delays cost nothing: one op is one page
// fetched, parsed and handed to a no-op ingester.
func BenchmarkCrawl(b *testing.B) {
	const pages = 200
	clock := newFakeClock()
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for i := range pages {
			fmt.Fprintf(w, "<url><loc>%s/news/%d</loc></url>", srv.URL, i)
		}
		fmt.Fprint(w, `</urlset>`)
	})
	body, err := os.ReadFile("testdata/single_page.html")
	if err != nil {
		b.Fatal(err)
	}
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(body)
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()
	b.ResetTimer()
	for done := 0; done < b.N; done += pages {
		b.StopTimer()
		c, err := New(Config{DataDir: b.TempDir(), AllowPrivate: true, Clock: clock, Depth: 0}, &fakeIngester{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := c.Run(context.Background(), []string{srv.URL + "/sitemap.xml"})
		if err != nil || sum.Ingested != pages {
			b.Fatal(sum, err)
		}
		b.StopTimer()
		c.Close()
		b.StartTimer()
	}
}
