package article

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// The speed benchmarks run over the shared benchmark pages, gunzip
// included, and report pages/s. Run them in the same process so that the
// numbers compare:
//
//	go test ./crawler/article -run '^$' -bench 'Pages' -benchtime 3x

func ungz(b *testing.B, gz []byte) []byte {
	r, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		b.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		b.Fatal(err)
	}
	return out
}

func benchPages(b *testing.B, f func(raw []byte, url string)) {
	pages := loadBench(b)
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, p := range pages {
			f(ungz(b, p.gz), p.url)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkPagesExtract is this package's Extract.
func BenchmarkPagesExtract(b *testing.B) {
	benchPages(b, func(raw []byte, u string) { Extract(raw, u, "") })
}

// BenchmarkPagesTrafilatura is go-trafilatura v1.12.2 with default options.
func BenchmarkPagesTrafilatura(b *testing.B) {
	benchPages(b, func(raw []byte, u string) {
		trafilatura.Extract(bytes.NewReader(raw), trafilatura.Options{})
	})
}

// BenchmarkPagesParseOnly is x/net/html parsing alone: the floor.
func BenchmarkPagesParseOnly(b *testing.B) {
	benchPages(b, func(raw []byte, u string) { html.Parse(bytes.NewReader(raw)) })
}
