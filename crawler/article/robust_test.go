package article

import (
	"fmt"
	"strings"
	"testing"
)

// TestHostileInput feeds pages built to hurt: deep nesting, a huge flat
// page, no body, unclosed tags, binary noise. Extract must return (text or
// an error) without panicking; the benchmarks show the cost stays linear.
func TestHostileInput(t *testing.T) {
	para := "<p>" + longText + "</p>"
	tests := []struct {
		name, page string
		wantText   bool
	}{
		{"deep divs", strings.Repeat("<div>", 10000) + para + strings.Repeat("</div>", 10000), true},
		{"deep unclosed spans", "<body>" + strings.Repeat("<span>", 10000) + longText, true},
		{"deep mixed unclosed", "<body>" + strings.Repeat("<div><b><i>", 3000) + para, true},
		{"huge flat", "<body>" + strings.Repeat(para, 20000) + "</body>", true},
		{"no body", "<html><head><title>x</title></head></html>", false},
		{"text only", longText, true},
		{"binary", "\x00\x01\x02\xff\xfe<<>>\x00", false},
		{"unterminated comment", "<body><p>" + longText + "<!-- never closed", true},
		{"huge attribute", `<body><div class="` + strings.Repeat("a", 1<<20) + `">` + para + `</div></body>`, true},
		{"broken json-ld", `<script type="application/ld+json">{"@type": "NewsArticle", "author": [[[[[[[[[[[[[[</script><body>` + para, true},
	}
	for _, tt := range tests {
		a, err := ExtractAt([]byte(tt.page), "https://example.com/x", "", testRef)
		if tt.wantText && (err != nil || !strings.Contains(a.Text, "Netflix membantah")) {
			t.Errorf("%s: err %v, want the paragraph extracted", tt.name, err)
		}
		if !tt.wantText && err == nil {
			t.Errorf("%s: got text %.60q, want an error", tt.name, a.Text)
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add([]byte(kompasLike))
	f.Add([]byte("<html><body><div><p>" + longText + "</p></div></body></html>"))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"ClaimReview","reviewRating":{}}]}</script>`))
	f.Add([]byte("<p>Penulis: Arief<br>Rabu, 19 Desember 2018 10:05 WIB"))
	f.Fuzz(func(t *testing.T, page []byte) {
		if len(page) > 1<<16 {
			return
		}
		a, err := ExtractAt(page, "https://example.com/x", "", testRef)
		if err != nil {
			return
		}
		if strings.TrimSpace(a.Text) == "" {
			t.Fatal("no error but empty text")
		}
		if a.Published.After(testRef) || a.Modified.After(testRef) {
			t.Fatalf("future date: %v %v", a.Published, a.Modified)
		}
	})
}

// BenchmarkHostile shows that the cost of hostile pages grows linearly:
// MB/s stays about the same when the input grows fourfold.
//
//	go test ./crawler/article -run '^$' -bench Hostile -benchtime 5x
func BenchmarkHostile(b *testing.B) {
	para := "<p>" + longText + "</p>"
	shapes := []struct {
		name string
		page func(n int) string
	}{
		{"deep-divs", func(n int) string { return strings.Repeat("<div>", n) + para + strings.Repeat("</div>", n) }},
		{"deep-unclosed", func(n int) string { return "<body>" + strings.Repeat(`<div class="date"><b>`, n) + para }},
		{"flat-paragraphs", func(n int) string { return "<body>" + strings.Repeat(para, n/10) }},
		{"title-separators", func(n int) string { return "<title>" + strings.Repeat("a | ", n) + "</title>" + para }},
	}
	for _, s := range shapes {
		for _, n := range []int{10000, 40000} {
			page := []byte(s.page(n))
			b.Run(fmt.Sprintf("%s-%d", s.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(page)))
				for b.Loop() {
					ExtractAt(page, "https://example.com/x", "", testRef)
				}
			})
		}
	}
}

// TestConcurrentExtract runs Extract from several goroutines: the crawler
// extracts pages in parallel, so the package must keep no shared state
// (run with -race to check).
func TestConcurrentExtract(t *testing.T) {
	want, err := ExtractAt([]byte(kompasLike), "https://tekno.kompas.com/x", "", testRef)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			a, err := ExtractAt([]byte(kompasLike), "https://tekno.kompas.com/x", "", testRef)
			if err == nil && a.Text != want.Text {
				err = fmt.Errorf("concurrent Extract gave different text")
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
