package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/klaim/klaim"
)

const resumePages = 12

// resumeSite serves a sitemap of resumePages pages. It counts requests and
// complete answers per path; while block is set, the request for that path
// hangs until the client goes away, and is not counted as answered.
type resumeSite struct {
	srv      *httptest.Server
	mu       sync.Mutex
	requests map[string]int
	served   map[string]int
	block    string
	blocked  chan struct{}
}

func newResumeSite(t *testing.T) *resumeSite {
	s := &resumeSite{requests: map[string]int{}, served: map[string]int{}, blocked: make(chan struct{}, 1)}
	s.srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests[r.URL.Path]++
		block := s.block == r.URL.Path
		s.mu.Unlock()
		if block {
			s.blocked <- struct{}{}
			<-r.Context().Done()
			return
		}
		switch {
		case r.URL.Path == "/sitemap.xml":
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprint(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
			for i := range resumePages {
				fmt.Fprintf(w, "<url><loc>%s/p%d</loc></url>", s.srv.URL, i)
			}
			fmt.Fprint(w, `</urlset>`)
		case strings.HasPrefix(r.URL.Path, "/p"):
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, articleHTML(r.URL.Path, ""))
		default:
			http.NotFound(w, r)
			return
		}
		s.mu.Lock()
		s.served[r.URL.Path]++
		s.mu.Unlock()
	}))
	s.srv.Start()
	t.Cleanup(s.srv.Close)
	return s
}

// logIngester appends each ingested URL to a file, synced, so what a
// killed process ingested survives it.
type logIngester struct {
	mu   sync.Mutex
	path string
}

func (l *logIngester) Ingest(_ context.Context, src klaim.Source) (*klaim.IngestResult, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	f, err := os.OpenFile(l.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if _, err := fmt.Fprintln(f, src.URL); err != nil {
		return nil, err
	}
	return &klaim.IngestResult{}, f.Sync()
}

func resumeConfig(dir string) Config {
	return Config{DataDir: dir, AllowPrivate: true, Clock: newFakeClock(), Depth: 1}
}

// TestResumeChild is the crawl TestResumeAfterKill runs in a subprocess
// and kills.
func TestResumeChild(t *testing.T) {
	if os.Getenv("KLAIM_CRAWL_CHILD") == "" {
		t.Skip("run by TestResumeAfterKill")
	}
	c, err := New(resumeConfig(os.Getenv("KLAIM_CRAWL_DIR")), &logIngester{path: os.Getenv("KLAIM_CRAWL_LOG")})
	if err != nil {
		t.Fatal(err)
	}
	c.Run(context.Background(), []string{os.Getenv("KLAIM_CRAWL_SEED")})
	t.Fatal("the crawl ended; it should have been killed")
}

// TestResumeAfterKill runs a crawl in a subprocess, SIGKILLs it while the
// sixth page is in flight, and crawls again with the same DataDir: every
// page is answered exactly once, the one in flight is asked again, and
// every page is ingested exactly once.
func TestResumeAfterKill(t *testing.T) {
	if os.Getenv("KLAIM_CRAWL_CHILD") != "" {
		t.Skip("in the child")
	}
	site := newResumeSite(t)
	site.mu.Lock()
	site.block = "/p5"
	site.mu.Unlock()
	dir := t.TempDir()
	logPath := filepath.Join(t.TempDir(), "ingested.log")
	seed := site.srv.URL + "/sitemap.xml"

	cmd := exec.Command(os.Args[0], "-test.run=^TestResumeChild$")
	cmd.Env = append(os.Environ(), "KLAIM_CRAWL_CHILD=1", "KLAIM_CRAWL_DIR="+dir,
		"KLAIM_CRAWL_LOG="+logPath, "KLAIM_CRAWL_SEED="+seed)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-site.blocked:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the child never reached /p5:\n%s", out.String())
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: no clean shutdown
		t.Fatal(err)
	}
	cmd.Wait()
	before := readLines(t, logPath)
	if len(before) != 5 {
		t.Errorf("the child ingested %d pages before the kill, want 5: %q", len(before), before)
	}

	site.mu.Lock()
	site.block = ""
	site.mu.Unlock()
	c, err := New(resumeConfig(dir), &logIngester{path: logPath})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sum, err := c.Run(context.Background(), []string{seed})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Fetched != resumePages-5 || sum.Failed != 0 {
		t.Errorf("resumed run: %+v, want %d fetched", sum, resumePages-5)
	}
	site.mu.Lock()
	defer site.mu.Unlock()
	for i := range resumePages {
		p := fmt.Sprintf("/p%d", i)
		if site.served[p] != 1 {
			t.Errorf("%s answered %d times, want 1", p, site.served[p])
		}
		want := 1
		if p == "/p5" {
			want = 2 // in flight at the kill, retried once
		}
		if site.requests[p] != want {
			t.Errorf("%s requested %d times, want %d", p, site.requests[p], want)
		}
	}
	if site.served["/sitemap.xml"] != 1 {
		t.Errorf("sitemap answered %d times", site.served["/sitemap.xml"])
	}
	all := readLines(t, logPath)
	slices.Sort(all)
	if len(all) != resumePages || len(slices.Compact(slices.Clone(all))) != resumePages {
		t.Errorf("ingested %d pages (%d distinct), want %d once each: %q", len(all), len(slices.Compact(slices.Clone(all))), resumePages, all)
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return strings.Fields(string(b))
}

// TestResumeAfterCancel stops a crawl by cancelling its context in the
// middle of an ingest and runs it again: nothing lost, nothing twice.
func TestResumeAfterCancel(t *testing.T) {
	site := newResumeSite(t)
	dir := t.TempDir()
	seed := site.srv.URL + "/sitemap.xml"
	ctx, cancel := context.WithCancel(context.Background())
	ing := &fakeIngester{}
	n := 0
	ing.err = func(klaim.Source) error {
		if n++; n == 4 {
			cancel()
			return context.Canceled
		}
		return nil
	}
	c, err := New(resumeConfig(dir), ing)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Run(ctx, []string{seed}); err != context.Canceled {
		t.Fatalf("Run = %v, want context.Canceled", err)
	}
	c.Close()
	ing.err = nil
	c, err = New(resumeConfig(dir), ing)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Run(context.Background(), []string{seed}); err != nil {
		t.Fatal(err)
	}
	got := ing.urls()
	slices.Sort(got)
	if len(got) != resumePages || len(slices.Compact(slices.Clone(got))) != resumePages {
		t.Errorf("ingested %q, want %d pages once each", got, resumePages)
	}
}
