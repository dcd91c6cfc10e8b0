package crawler

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// testSite is an HTTP server for the acceptance test: it counts requests
// per path (with query) and records, per request, the fake time it came.
type testSite struct {
	t      *testing.T
	srv    *httptest.Server
	clock  *fakeClock
	mu     sync.Mutex
	counts map[string]int
	times  []stamp
	routes map[string]http.HandlerFunc
}

type stamp struct {
	path string
	at   time.Time
}

func newTestSite(t *testing.T, clock *fakeClock) *testSite {
	s := &testSite{t: t, clock: clock, counts: map[string]int{}, routes: map[string]http.HandlerFunc{}}
	s.srv = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	s.srv.Start()
	t.Cleanup(s.srv.Close)
	return s
}

func (s *testSite) serve(w http.ResponseWriter, r *http.Request) {
	key := r.URL.Path
	if r.URL.RawQuery != "" {
		key += "?" + r.URL.RawQuery
	}
	s.mu.Lock()
	s.counts[key]++
	s.times = append(s.times, stamp{key, s.clock.Now()})
	h := s.routes[key]
	s.mu.Unlock()
	if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, "klaim/") {
		s.t.Errorf("%s: User-Agent %q", key, ua)
	}
	if h == nil {
		http.NotFound(w, r)
		return
	}
	h(w, r)
}

func (s *testSite) handle(path string, h http.HandlerFunc) { s.routes[path] = h }

func (s *testSite) page(path, ct, body string) {
	s.handle(path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ct)
		fmt.Fprint(w, strings.ReplaceAll(body, "{{base}}", s.srv.URL))
	})
}

func (s *testSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[path]
}

func (s *testSite) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts = map[string]int{}
	s.times = nil
}

func articleHTML(title, extra string) string {
	return "<!DOCTYPE html><html><head><title>" + title + "</title>" +
		"</head><body><article><h1>" + title + "</h1><p>Isi berita " + title + ".</p></article>" + extra + "</body></html>"
}

// buildNewsSite serves robots.txt, a sitemap index with a news sitemap and a
// gzipped sitemap, an RSS feed (with ETag), redirects, a redirect loop, a
// 429 with Retry-After, a slow page, a 50 MB page, a gzip bomb, a
// windows-1252 page, a multi-page article, a canonical alias and pages
// robots.txt disallows.
func buildNewsSite(t *testing.T, clock *fakeClock) *testSite {
	s := newTestSite(t, clock)
	const html = "text/html; charset=utf-8"
	s.page("/robots.txt", "text/plain", `User-agent: *
Disallow: /

User-agent: klaim
Disallow: /secret
Crawl-delay: 3
`)
	conditional := func(path, ct, etag, body string) {
		s.handle(path, func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Last-Modified", "Fri, 28 Feb 2026 10:00:00 GMT")
			w.Header().Set("Content-Type", ct)
			fmt.Fprint(w, strings.ReplaceAll(body, "{{base}}", s.srv.URL))
		})
	}
	conditional("/sitemap_index.xml", "application/xml", `"idx1"`, `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{{base}}/sitemap-news.xml</loc></sitemap>
<sitemap><loc>{{base}}/sitemap-more.xml.gz</loc></sitemap>
</sitemapindex>`)
	conditional("/sitemap-news.xml", "application/xml", `"news1"`, `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{{base}}/news/a</loc><news:news><news:title>A</news:title></news:news></url>
<url><loc>{{base}}/news/moved</loc></url>
<url><loc>{{base}}/news/loop1</loc></url>
<url><loc>{{base}}/news/slow</loc></url>
<url><loc>{{base}}/secret/plan</loc></url>
</urlset>`)
	more := gzipBytes(t, []byte(strings.ReplaceAll(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{{base}}/news/big</loc></url>
<url><loc>{{base}}/news/bomb</loc></url>
<url><loc>{{base}}/news/cp1252</loc></url>
<url><loc>{{base}}/news/a?utm_source=sitemap</loc></url>
</urlset>`, "{{base}}", s.srv.URL)))
	s.handle("/sitemap-more.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-gzip")
		w.Write(more)
	})
	conditional("/feed.xml", "application/rss+xml", `"feed1"`, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Berita</title>
<item><title>Limited</title><link>{{base}}/news/limited</link></item>
<item><title>A</title><link>{{base}}/news/a#comments</link></item>
<item><title>Start</title><link>{{base}}/start</link></item>
</channel></rss>`)
	s.page("/news/a", html, articleHTML("A", ""))
	limited := 0
	s.handle("/news/limited", func(w http.ResponseWriter, r *http.Request) {
		limited++
		if limited == 1 {
			w.Header().Set("Retry-After", "7")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Header().Set("Content-Type", html)
		fmt.Fprint(w, articleHTML("Limited", ""))
	})
	s.page("/start", html, articleHTML("Start", `
<a href="/news/multi">Multi</a> <a href="/news/alias?utm_medium=x">Alias</a> <a href="/news/canon">Canon</a>
<a href="http://offsite.invalid/x">Off site</a> <a href="/secret/x">Secret</a> <a href="mailto:r@x.id">Mail</a>`))
	s.page("/news/multi", html, articleHTML("Multi halaman 1", `
<a href="/news/multi?page=2">2</a> <a href="/news/multi?page=all">Tampilkan semua</a>`))
	s.page("/news/multi?page=all", html, articleHTML("Multi", `<link rel="canonical" href="{{base}}/news/multi">
<a href="/news/multi?page=2">2</a>`))
	s.page("/news/multi?page=2", html, articleHTML("Multi halaman 2", ""))
	s.page("/news/alias", html, articleHTML("Canon", `<link rel="canonical" href="/news/canon">`))
	s.page("/news/canon", html, articleHTML("Canon", ""))
	s.handle("/news/cp1252", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write([]byte("<html><head><title>Caf\xe9</title></head><body><p>\x93Kutipan\x94 di caf\xe9.</p><a href=\"/news/caf\xe9\">caf\xe9</a></body></html>"))
	})
	s.page("/news/café", html, articleHTML("Café", ""))
	s.handle("/news/slow", func(w http.ResponseWriter, r *http.Request) {
		select { // until the crawler gives up
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	s.handle("/news/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", html)
		chunk := bytes.Repeat([]byte("a"), 1<<20)
		for range 50 {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	bomb := gzipBytes(t, make([]byte, 16<<20))
	s.handle("/news/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", html)
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb)
	})
	s.handle("/news/loop1", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/news/loop2", http.StatusFound) })
	s.handle("/news/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/news/loop1", http.StatusFound) })
	s.handle("/news/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/moved-final", http.StatusMovedPermanently)
	})
	s.page("/news/moved-final", html, articleHTML("Moved", ""))
	s.page("/secret/plan", html, articleHTML("Secret", ""))
	s.page("/secret/x", html, articleHTML("Secret", ""))
	return s
}

func TestCrawlNewsSite(t *testing.T) {
	clock := newFakeClock()
	site := buildNewsSite(t, clock)
	ing := &fakeIngester{}
	dir := t.TempDir()
	cfg := Config{
		DataDir:      dir,
		Depth:        1,
		AllowPrivate: true,
		Clock:        clock,
		Timeout:      2 * time.Second, // the slow page waits it out; reading 50 MB under -race must not
	}
	c, err := New(cfg, ing)
	if err != nil {
		t.Fatal(err)
	}
	seeds := []string{site.srv.URL + "/sitemap_index.xml", site.srv.URL + "/feed.xml"}
	sum, err := c.Run(context.Background(), seeds)
	if err != nil {
		t.Fatal(err)
	}

	wantCounts := map[string]int{
		"/robots.txt": 1, "/sitemap_index.xml": 1, "/sitemap-news.xml": 1, "/sitemap-more.xml.gz": 1, "/feed.xml": 1,
		"/news/a": 1, "/news/limited": 2, "/start": 1,
		"/news/multi": 1, "/news/multi?page=all": 1, "/news/multi?page=2": 0,
		"/news/alias": 1, "/news/canon": 0,
		"/news/cp1252": 1, "/news/café": 1,
		"/news/slow": 1, "/news/big": 1, "/news/bomb": 1,
		"/news/loop1": 1, "/news/loop2": 1, "/news/moved": 1, "/news/moved-final": 1,
		"/secret/plan": 0, "/secret/x": 0,
	}
	for path, want := range wantCounts {
		if got := site.count(path); got != want {
			t.Errorf("%s requested %d times, want %d", path, got, want)
		}
	}
	site.mu.Lock()
	for path := range site.counts {
		if _, ok := wantCounts[path]; !ok {
			t.Errorf("unexpected request for %s", path)
		}
	}
	times := slices.Clone(site.times)
	site.mu.Unlock()

	// Politeness, on the fake clock: Crawl-delay 3s for the klaim group
	// between any two requests, and the 7s Retry-After of the 429.
	var lastLimited time.Time
	for i, st := range times {
		if i > 0 {
			if gap := st.at.Sub(times[i-1].at); gap < 3*time.Second {
				t.Errorf("%s came %v after %s, want ≥ 3s", st.path, gap, times[i-1].path)
			}
		}
		if st.path == "/news/limited" {
			if !lastLimited.IsZero() {
				if gap := st.at.Sub(lastLimited); gap < 7*time.Second {
					t.Errorf("429 retried after %v, want ≥ 7s (Retry-After)", gap)
				}
			}
			lastLimited = st.at
		}
	}

	base := site.srv.URL
	wantIngested := []string{
		base + "/news/a", base + "/news/limited", base + "/start", base + "/news/multi",
		base + "/news/canon", base + "/news/cp1252", base + "/news/caf%C3%A9", base + "/news/moved-final",
	}
	gotIngested := ing.urls()
	sort.Strings(gotIngested)
	sort.Strings(wantIngested)
	if !slices.Equal(gotIngested, wantIngested) {
		t.Errorf("ingested:\n got %q\nwant %q", gotIngested, wantIngested)
	}
	for _, src := range ing.sources {
		if src.URL == base+"/news/cp1252" {
			if !bytes.Contains(src.HTML, []byte("caf\xe9")) || !strings.Contains(src.ContentType, "windows-1252") {
				t.Errorf("cp1252 page not passed raw with its Content-Type: %q %q", src.ContentType, src.HTML)
			}
		}
		if src.URL == base+"/news/multi" && !bytes.Contains(src.HTML, []byte("<title>Multi</title>")) {
			t.Errorf("multi-page article ingested from a fragment: %s", src.HTML)
		}
	}

	wantFailures := map[string]string{
		base + "/news/slow":  "timeout after 2s",
		base + "/news/big":   "body exceeds 10 MB",
		base + "/news/bomb":  "decompressed body exceeds 10 MB",
		base + "/news/loop1": "redirect loop at " + base + "/news/loop1",
	}
	gotFailures := map[string]string{}
	for _, f := range sum.Failures {
		gotFailures[f.URL] = f.Reason
	}
	for u, want := range wantFailures {
		if got, ok := gotFailures[u]; !ok || !strings.HasPrefix(got, want) {
			t.Errorf("failure of %s = %q, want %q", u, got, want)
		}
	}
	if len(sum.Failures) != len(wantFailures) || sum.Failed != len(wantFailures) {
		t.Errorf("failures = %d %+v, want %d", sum.Failed, sum.Failures, len(wantFailures))
	}
	if sum.Ingested != len(wantIngested) {
		t.Errorf("Ingested = %d, want %d", sum.Ingested, len(wantIngested))
	}
	// Fetched: the index, 2 sitemaps, the feed and 9 pages answered 2xx.
	if sum.Fetched != 13 {
		t.Errorf("Fetched = %d, want 13", sum.Fetched)
	}
	t.Logf("first run: %+v", sum)
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	// A re-crawl an hour later: pages are within their revisit window, the
	// feed and sitemaps past theirs, fetched with a conditional GET.
	clock.Advance(time.Hour)
	site.reset()
	c, err = New(cfg, ing)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	before := len(ing.urls())
	sum, err = c.Run(context.Background(), seeds)
	if err != nil {
		t.Fatal(err)
	}
	site.mu.Lock()
	got := map[string]int{}
	for k, v := range site.counts {
		got[k] = v
	}
	site.mu.Unlock()
	want := map[string]int{"/robots.txt": 1, "/sitemap_index.xml": 1, "/feed.xml": 1, "/sitemap-news.xml": 1, "/sitemap-more.xml.gz": 1}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("re-crawl requests = %v, want %v", got, want)
	}
	if n := len(ing.urls()); n != before {
		t.Errorf("re-crawl ingested %d more", n-before)
	}
	// The index, the news sitemap and the feed answer 304; the gzipped
	// sitemap has no validators and is fetched again, to no effect.
	if sum.Skipped != 3 || sum.Fetched != 1 {
		t.Errorf("re-crawl summary %+v, want 3 skipped (304), 1 fetched", sum)
	}
}

func TestCrawlDelayCapped(t *testing.T) {
	clock := newFakeClock()
	site := newTestSite(t, clock)
	site.page("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 100\n")
	var links strings.Builder
	for i := range 5 {
		p := fmt.Sprintf("/p%d", i)
		fmt.Fprintf(&links, `<a href="%s">%d</a>`, p, i)
		site.page(p, "text/html", articleHTML(p, ""))
	}
	site.page("/", "text/html", articleHTML("home", links.String()))
	c, err := New(Config{DataDir: t.TempDir(), Depth: 1, AllowPrivate: true, Clock: clock,
		Delay: 2 * time.Second, MaxCrawlDelay: 5 * time.Second}, &fakeIngester{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sum, err := c.Run(context.Background(), []string{site.srv.URL + "/"})
	if err != nil || sum.Ingested != 6 {
		t.Fatalf("Run = %+v, %v", sum, err)
	}
	for i := 1; i < len(site.times); i++ {
		if gap := site.times[i].at.Sub(site.times[i-1].at); gap != 5*time.Second {
			t.Errorf("gap before %s = %v, want exactly 5s (Crawl-delay 100s capped)", site.times[i].path, gap)
		}
	}
}

func TestMaxPagesAndRobotsUnavailable(t *testing.T) {
	clock := newFakeClock()
	site := newTestSite(t, clock)
	robotsDown := true
	site.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		if robotsDown {
			w.Header().Set("Retry-After", "60")
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		http.NotFound(w, r)
	})
	var links strings.Builder
	for i := range 6 {
		p := fmt.Sprintf("/p%d", i)
		fmt.Fprintf(&links, `<a href="%s">%d</a>`, p, i)
		site.page(p, "text/html", articleHTML(p, ""))
	}
	site.page("/", "text/html", articleHTML("home", links.String()))
	dir := t.TempDir()
	cfg := Config{DataDir: dir, Depth: 1, AllowPrivate: true, Clock: clock, MaxPages: 3}
	ing := &fakeIngester{}

	// robots.txt answers 503: the host is paused (nothing else fetched),
	// asked again after Retry-After, and left for a later run.
	c, err := New(cfg, ing)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := c.Run(context.Background(), []string{site.srv.URL + "/"})
	c.Close()
	if err != nil {
		t.Fatal(err)
	}
	if n := site.count("/robots.txt"); n != robotsFailuresBeforeGiveUp || site.count("/") != 0 {
		t.Errorf("robots.txt asked %d times, / %d times; want %d and 0", n, site.count("/"), robotsFailuresBeforeGiveUp)
	}
	for i := 1; i < len(site.times); i++ {
		if gap := site.times[i].at.Sub(site.times[i-1].at); gap < time.Minute {
			t.Errorf("robots.txt asked again after %v, want ≥ 60s", gap)
		}
	}
	if sum.Failed != 1 || !strings.Contains(sum.Failures[0].Reason, "robots.txt unavailable (HTTP 503)") {
		t.Errorf("summary %+v", sum)
	}

	// Robots back (404: allow all): MaxPages 3 per run, the rest stays queued.
	robotsDown = false
	for run, want := range []int{3, 3, 1} {
		c, err := New(cfg, ing)
		if err != nil {
			t.Fatal(err)
		}
		sum, err := c.Run(context.Background(), nil)
		c.Close()
		if err != nil || sum.Fetched != want {
			t.Errorf("run %d: %+v, %v; want %d fetched", run, sum, err, want)
		}
	}
	if got := len(ing.urls()); got != 7 {
		t.Errorf("ingested %d pages, want 7: %q", got, ing.urls())
	}
	for i := range 6 {
		if n := site.count(fmt.Sprintf("/p%d", i)); n != 1 {
			t.Errorf("/p%d fetched %d times", i, n)
		}
	}
}

func TestRedirects(t *testing.T) {
	clock := newFakeClock()
	one := newTestSite(t, clock)
	two := newTestSite(t, clock)
	for i := range 12 {
		one.handle(fmt.Sprintf("/chain/%d", i), func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, fmt.Sprintf("/chain/%d", i+1), http.StatusFound)
		})
	}
	one.handle("/x", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, two.srv.URL+"/y", http.StatusMovedPermanently)
	})
	two.handle("/y", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, one.srv.URL+"/x", http.StatusFound) })
	one.handle("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, two.srv.URL+"/final?utm_source=redirect", http.StatusPermanentRedirect)
	})
	two.page("/final", "text/html", articleHTML("Final", ""))
	// A chain hopping between the two origins: each hop is queued anew,
	// and the count carries over.
	for i := range 12 {
		from, to := one, two
		if i%2 == 1 {
			from, to = two, one
		}
		from.handle(fmt.Sprintf("/hop/%d", i), func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, fmt.Sprintf("%s/hop/%d", to.srv.URL, i+1), http.StatusFound)
		})
	}
	ing := &fakeIngester{}
	c, err := New(Config{DataDir: t.TempDir(), AllowPrivate: true, Clock: clock}, ing)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sum, err := c.Run(context.Background(), []string{one.srv.URL + "/chain/0", one.srv.URL + "/x", one.srv.URL + "/moved", one.srv.URL + "/hop/0"})
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string]string{}
	for _, f := range sum.Failures {
		reasons[f.URL] = f.Reason
	}
	want := map[string]string{
		one.srv.URL + "/chain/0": "more than 10 redirects",
		two.srv.URL + "/y":       "redirect loop via " + one.srv.URL + "/x",
		one.srv.URL + "/hop/10":  "more than 10 redirects",
	}
	if fmt.Sprint(reasons) != fmt.Sprint(want) {
		t.Errorf("failures %q, want %q", reasons, want)
	}
	if n := one.count("/chain/10"); n != 1 || one.count("/chain/11") != 0 {
		t.Errorf("chain followed to /chain/10 %d times, /chain/11 %d times", n, one.count("/chain/11"))
	}
	if got := ing.urls(); len(got) != 1 || got[0] != two.srv.URL+"/final" {
		t.Errorf("ingested %q", got)
	}
	if one.count("/x") != 1 || two.count("/y") != 1 {
		t.Errorf("loop: /x %d, /y %d requests", one.count("/x"), two.count("/y"))
	}
}

func TestProgress(t *testing.T) {
	clock := newFakeClock()
	site := newTestSite(t, clock)
	site.page("/", "text/html", articleHTML("home", ""))
	var out strings.Builder
	c, err := New(Config{DataDir: t.TempDir(), AllowPrivate: true, Clock: clock, Progress: &out}, &fakeIngester{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Run(context.Background(), []string{site.srv.URL + "/"}); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.HasPrefix(got, "crawl: fetched 1, ingested 1, queued 0, failed 0, skipped 0, ") || !strings.HasSuffix(got, " pages/s\n") {
		t.Errorf("progress %q", got)
	}
}

func TestFetcher(t *testing.T) {
	clock := newFakeClock()
	site := newTestSite(t, clock)
	site.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private\n")
	site.page("/ok", "text/html; charset=iso-8859-1", "<p>caf\xe9</p>")
	site.handle("/r", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusFound) })
	f := NewFetcher(Config{AllowPrivate: true, Clock: clock})
	ctx := context.Background()
	for _, p := range []string{"/ok", "/r"} {
		body, ct, err := f.FetchPage(ctx, site.srv.URL+p)
		if err != nil || string(body) != "<p>caf\xe9</p>" || ct != "text/html; charset=iso-8859-1" {
			t.Errorf("FetchPage(%s) = %q, %q, %v", p, body, ct, err)
		}
	}
	if _, _, err := f.FetchPage(ctx, site.srv.URL+"/private/x"); err == nil || !strings.Contains(err.Error(), "disallowed by robots.txt") {
		t.Errorf("disallowed page: %v", err)
	}
	if _, _, err := f.FetchPage(ctx, site.srv.URL+"/missing"); err == nil || !strings.Contains(err.Error(), "HTTP 404") {
		t.Errorf("missing page: %v", err)
	}
	if _, _, err := f.FetchPage(ctx, "ftp://example.id/x"); err == nil {
		t.Error("ftp URL fetched")
	}
	if n := site.count("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want 1 (cached)", n)
	}
	clock.Advance(robotsTTL + time.Minute) // the cached copy is now too old
	if _, _, err := f.FetchPage(ctx, site.srv.URL+"/ok"); err != nil {
		t.Fatal(err)
	}
	if n := site.count("/robots.txt"); n != 2 {
		t.Errorf("robots.txt fetched %d times after a day, want 2", n)
	}
}

func TestIncludeExcludeDepth(t *testing.T) {
	clock := newFakeClock()
	site := newTestSite(t, clock)
	site.page("/", "text/html", articleHTML("home", `<a href="/news/1">1</a> <a href="/news/2">2</a>
<a href="/about">about</a> <a href="/news/3?x=1">3</a> <a href="/news/4" rel="nofollow">4</a>`))
	site.page("/news/1", "text/html", articleHTML("1", `<a href="/news/deep">deeper</a>`))
	site.page("/news/3?x=1", "text/html", articleHTML("3", `<meta name="robots" content="noindex,nofollow"><a href="/news/5">5</a>`))
	for _, depth := range []int{1, 2} {
		site.reset()
		ing := &fakeIngester{}
		c, err := New(Config{
			DataDir: t.TempDir(), AllowPrivate: true, Clock: clock, Depth: depth,
			Include: []*regexp.Regexp{regexp.MustCompile(`/news/`)},
			Exclude: []*regexp.Regexp{regexp.MustCompile(`/news/2$`)},
		}, ing)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Run(context.Background(), []string{site.srv.URL + "/"}); err != nil {
			t.Fatal(err)
		}
		c.Close()
		want := []string{"/", "/news/1", "/news/3?x=1", "/robots.txt"}
		if depth == 2 {
			want = []string{"/", "/news/1", "/news/3?x=1", "/news/deep", "/robots.txt"}
		}
		site.mu.Lock()
		var got []string
		for p := range site.counts {
			got = append(got, p)
		}
		site.mu.Unlock()
		sort.Strings(got)
		if !slices.Equal(got, want) {
			t.Errorf("depth %d: requested %q, want %q", depth, got, want)
		}
		for _, u := range ing.urls() {
			if strings.HasSuffix(u, "/news/3?x=1") {
				t.Errorf("noindex page ingested")
			}
		}
	}
}

func TestCanonicalToFrontPageIgnored(t *testing.T) {
	clock := newFakeClock()
	site := newTestSite(t, clock)
	for _, p := range []string{"/news/1", "/news/2"} {
		site.page(p, "text/html", articleHTML(p, `<link rel="canonical" href="/">`))
	}
	ing := &fakeIngester{}
	c, err := New(Config{DataDir: t.TempDir(), AllowPrivate: true, Clock: clock}, ing)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Run(context.Background(), []string{site.srv.URL + "/news/1", site.srv.URL + "/news/2"}); err != nil {
		t.Fatal(err)
	}
	got := ing.urls()
	sort.Strings(got)
	if want := []string{site.srv.URL + "/news/1", site.srv.URL + "/news/2"}; !slices.Equal(got, want) {
		t.Errorf("ingested %q, want %q", got, want)
	}
}
