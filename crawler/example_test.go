package crawler_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/klaim/klaim"
	"github.com/klaim/klaim/crawler"
)

// printIngester stands for klaim's ingest pipeline: it notes each page.
type printIngester struct {
	mu   sync.Mutex
	urls []string
}

func (p *printIngester) Ingest(_ context.Context, src klaim.Source) (*klaim.IngestResult, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.urls = append(p.urls, src.URL[strings.LastIndex(src.URL, "/"):])
	return &klaim.IngestResult{}, nil
}

// instantClock makes the example run without waiting out the delays.
type instantClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *instantClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *instantClock) Sleep(_ context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	return nil
}

// A crawl from an RSS feed: robots.txt is honoured, feed entries are
// fetched and handed to the ingester, tracking parameters are dropped.
func Example() {
	site := http.NewServeMux()
	site.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /premium/\n")
	})
	site.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		base := "http://" + r.Host
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Berita</title>
<item><link>%[1]s/news/satu?utm_source=rss</link></item>
<item><link>%[1]s/news/dua</link></item>
<item><link>%[1]s/premium/tiga</link></item></channel></rss>`, base)
	})
	site.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<html><body><p>Isi berita.</p></body></html>")
	})
	srv := httptest.NewServer(site)
	defer srv.Close()

	dir, err := os.MkdirTemp("", "klaim-crawl")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	ing := &printIngester{}
	c, err := crawler.New(crawler.Config{
		DataDir:      dir,
		Depth:        1,
		AllowPrivate: true, // the example server is on loopback
		Clock:        &instantClock{now: time.Now()},
	}, ing)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	sum, err := c.Run(context.Background(), []string{srv.URL + "/rss"})
	if err != nil {
		log.Fatal(err)
	}
	sort.Strings(ing.urls)
	fmt.Println(ing.urls)
	fmt.Printf("fetched %d, ingested %d, skipped %d, failed %d\n", sum.Fetched, sum.Ingested, sum.Skipped, sum.Failed)
	// Output:
	// [/dua /satu]
	// fetched 3, ingested 2, skipped 1, failed 0
}

func ExampleNormalizeURL() {
	u, err := crawler.NormalizeURL("HTTPS://Nasional.Kompas.com:443/read/2024/03/05/1/judul?utm_source=fb&page=all&fbclid=x#komentar")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(u)
	// Output: https://nasional.kompas.com/read/2024/03/05/1/judul?page=all
}

func ExampleDedup() {
	dir, err := os.MkdirTemp("", "klaim-dedup")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	d, err := crawler.OpenDedup(dir)
	if err != nil {
		log.Fatal(err)
	}
	defer d.Close()
	story := strings.Repeat("Menteri membantah kabar kenaikan harga bahan bakar minyak bersubsidi bulan depan. ", 6)
	fmt.Println(d.Check("ar_kompas", "JAKARTA, KOMPAS.com - "+story))
	fmt.Println(d.Check("ar_antara", "Jakarta (ANTARA) - "+story+"Pewarta: Redaksi."))
	fmt.Println(d.Check("ar_copy", "jakarta kompas com   "+strings.ToUpper(story)))
	// Output:
	//  false <nil>
	// ar_kompas true <nil>
	// ar_kompas false <nil>
}
