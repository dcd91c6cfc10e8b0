package crawler

import (
	"fmt"
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
