package crawler

import (
	"bytes"
	"encoding/xml"
	"io"
	"mime"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"
)

// Kind is what a fetched document turned out to be.
type Kind string

// The kinds of document the crawler tells apart, by content.
const (
	KindPage         Kind = "page"          // an HTML page, handed to the ingester
	KindFeed         Kind = "feed"          // RSS, Atom or JSON Feed
	KindSitemap      Kind = "sitemap"       // <urlset>, news sitemaps included
	KindSitemapIndex Kind = "sitemap-index" // <sitemapindex>
	KindOther        Kind = "other"         // anything else (PDF, image …)
)

// maxSitemapEntries is the sitemap protocol's own limit per file.
const maxSitemapEntries = 50000

// DetectKind tells what a document is from its bytes, falling back on its
// Content-Type only when the bytes say nothing: a feed served as text/html
// or a sitemap served as text/plain is still recognised.
func DetectKind(body []byte, contentType string) Kind {
	head := bytes.TrimLeft(body, "\ufeff \t\r\n")
	if len(head) > 0 && head[0] == '{' {
		if bytes.Contains(head[:min(len(head), 512)], []byte("jsonfeed.org")) {
			return KindFeed
		}
		return KindOther
	}
	if bytes.HasPrefix(head, []byte("<")) {
		if k, ok := xmlRootKind(head); ok {
			return k
		}
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		return KindPage
	case mt == "" || mt == "text/plain" || mt == "application/octet-stream":
		if looksHTML(head) {
			return KindPage
		}
	}
	return KindOther
}

// xmlRootKind reads tokens up to the root element and names it. It stops
// at the first element, so it is cheap on large documents.
func xmlRootKind(b []byte) (Kind, bool) {
	d := xml.NewDecoder(bytes.NewReader(b[:min(len(b), 64<<10)]))
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	for range 64 {
		tok, err := d.RawToken()
		if err != nil {
			return "", false
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch strings.ToLower(se.Name.Local) {
		case "urlset":
			return KindSitemap, true
		case "sitemapindex":
			return KindSitemapIndex, true
		case "rss", "feed", "rdf":
			return KindFeed, true
		case "html":
			return KindPage, true
		}
		return "", false
	}
	return "", false
}

func looksHTML(head []byte) bool {
	h := strings.ToLower(string(head[:min(len(head), 512)]))
	return strings.HasPrefix(h, "<!doctype html") || strings.Contains(h, "<html") ||
		strings.Contains(h, "<head") || strings.Contains(h, "<body")
}

// parseSitemap returns the <loc> of every <url> (a urlset) or <sitemap>
// (a sitemap index), at most maxSitemapEntries.
func parseSitemap(body []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	var locs []string
	depth := 0
	inEntry := false
	for len(locs) < maxSitemapEntries {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return locs, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			name := strings.ToLower(t.Name.Local)
			// Only the <loc> directly inside a top-level <url>/<sitemap>
			// counts: image and video sitemaps nest <image:loc> too.
			if depth == 2 && (name == "url" || name == "sitemap") {
				inEntry = true
			}
			if inEntry && depth == 3 && name == "loc" {
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return locs, err
				}
				depth--
				if s = strings.TrimSpace(s); s != "" {
					locs = append(locs, s)
				}
			}
		case xml.EndElement:
			if depth == 2 {
				inEntry = false
			}
			depth--
		}
	}
	return locs, nil
}

// parseFeed returns the item links of an RSS, Atom or JSON feed.
func parseFeed(body []byte) ([]string, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	var links []string
	for _, it := range f.Items {
		switch {
		case it.Link != "":
			links = append(links, it.Link)
		case len(it.Links) > 0:
			links = append(links, it.Links[0])
		case strings.HasPrefix(it.GUID, "http"):
			links = append(links, it.GUID)
		}
	}
	return links, nil
}

// decodeHTML converts page bytes to UTF-8: the Content-Type charset first,
// then a BOM or <meta charset>, then sniffing.
func decodeHTML(body []byte, contentType string) []byte {
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" || enc == nil {
		return body
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return body
	}
	return out
}

// anchor is one <a href> of a page.
type anchor struct {
	URL      *url.URL
	Text     string
	NoFollow bool
}

// pageLinks is what link discovery needs from an HTML page.
type pageLinks struct {
	Canonical *url.URL // rel=canonical, nil if none
	Anchors   []anchor
	NoIndex   bool // <meta name=robots content=noindex>
	NoFollow  bool // <meta name=robots content=nofollow>
}

// parseLinks parses a UTF-8 HTML page and collects its links, resolved
// against <base href> or the page URL and normalised. A crawl spends its time
// waiting out host delays, not parsing, so this takes the clarity of
// selectors (goquery) over a hand-run tokenizer.
func parseLinks(page *url.URL, body []byte) pageLinks {
	var pl pageLinks
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return pl // x/net/html parses anything; only a reader error lands here
	}
	base := page
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if u, ok := resolve(page, href); ok {
			base = u
		}
	}
	doc.Find("link[rel]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if !hasToken(s.AttrOr("rel", ""), "canonical") {
			return true
		}
		if u, ok := resolve(base, s.AttrOr("href", "")); ok {
			pl.Canonical = u
			return false
		}
		return true
	})
	doc.Find("meta[name]").Each(func(_ int, s *goquery.Selection) {
		if !strings.EqualFold(s.AttrOr("name", ""), "robots") {
			return
		}
		c := strings.ToLower(s.AttrOr("content", ""))
		pl.NoIndex = pl.NoIndex || strings.Contains(c, "noindex") || strings.Contains(c, "none")
		pl.NoFollow = pl.NoFollow || strings.Contains(c, "nofollow") || strings.Contains(c, "none")
	})
	doc.Find("a[href], area[href]").Each(func(_ int, s *goquery.Selection) {
		u, ok := resolve(base, s.AttrOr("href", ""))
		if !ok {
			return
		}
		text := s.Text()
		if len(text) > 400 {
			text = text[:400] // anchor text serves to spot "show all" links; a long one is a card
		}
		pl.Anchors = append(pl.Anchors, anchor{URL: u, Text: strings.Join(strings.Fields(text), " "),
			NoFollow: hasToken(s.AttrOr("rel", ""), "nofollow")})
	})
	return pl
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(strings.ToLower(list)) {
		if f == tok {
			return true
		}
	}
	return false
}
