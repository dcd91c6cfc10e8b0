package article

import (
	"bytes"
	"compress/gzip"
	"io"
	"syscall"
	"testing"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// The speed benchmarks run over the shared benchmark pages, gunzip
// included, and report pages/s. Run them in the same process so that the
// numbers compare:
//
//	go test ./crawler/article -run '^$' -bench 'Pages' -benchtime 3x

// cpuTime is the user+system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

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
	cpu0 := cpuTime()
	for b.Loop() {
		for _, p := range pages {
			f(ungz(b, p.gz), p.url)
			n++
		}
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
	// On a machine shared with other jobs wall time mostly measures the
	// neighbours; CPU time consumed by this process is the steadier figure.
	if cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "pages/cpu-s")
	}
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
