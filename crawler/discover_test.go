package crawler

import (
	"bytes"
	"net/url"
	"os"
	"slices"
	"testing"
)

const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Berita</title>
<item><title>Satu</title><link>https://example.id/news/1</link></item>
<item><title>Dua</title><link>https://example.id/news/2?utm_source=rss</link></item>
</channel></rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
<entry><title>One</title><link href="https://example.com/a"/><id>urn:1</id></entry>
</feed>`

const newsSitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
 <url>
  <loc>https://example.id/read/1</loc>
  <news:news><news:publication><news:name>Contoh</news:name><news:language>id</news:language></news:publication>
  <news:title>Judul</news:title></news:news>
  <image:image><image:loc>https://example.id/img/1.jpg</image:loc></image:image>
 </url>
 <url><loc> https://example.id/read/2 </loc></url>
</urlset>`

const sitemapIndex = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
 <sitemap><loc>https://example.id/sitemap-news.xml</loc></sitemap>
 <sitemap><loc>https://example.id/sitemap-2024.xml.gz</loc></sitemap>
</sitemapindex>`

func TestDetectKind(t *testing.T) {
	tests := []struct {
		name, body, ct string
		want           Kind
	}{
		{"rss", rssFeed, "application/rss+xml", KindFeed},
		{"rss served as html", rssFeed, "text/html", KindFeed},
		{"atom", atomFeed, "application/xml", KindFeed},
		{"rdf", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>`, "", KindFeed},
		{"json feed", `{"version":"https://jsonfeed.org/version/1.1","items":[]}`, "application/json", KindFeed},
		{"news sitemap", newsSitemap, "text/xml", KindSitemap},
		{"sitemap as text/plain", newsSitemap, "text/plain", KindSitemap},
		{"sitemap index", sitemapIndex, "application/xml", KindSitemapIndex},
		{"html", "<!DOCTYPE html><html><body>x</body></html>", "text/html; charset=utf-8", KindPage},
		{"xhtml", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"></html>`, "application/xhtml+xml", KindPage},
		{"html without type", "<html><head></head></html>", "", KindPage},
		{"bom and spaces", "\ufeff\n  " + rssFeed[len(`<?xml version="1.0" encoding="UTF-8"?>`):], "", KindFeed},
		{"pdf", "%PDF-1.4 ...", "application/pdf", KindOther},
		{"json", `{"a":1}`, "application/json", KindOther},
	}
	for _, tt := range tests {
		if got := DetectKind([]byte(tt.body), tt.ct); got != tt.want {
			t.Errorf("%s: DetectKind = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestParseSitemap(t *testing.T) {
	got, err := parseSitemap([]byte(newsSitemap))
	if want := []string{"https://example.id/read/1", "https://example.id/read/2"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("urlset: %q, %v; want %q", got, err, want)
	}
	got, err = parseSitemap([]byte(sitemapIndex))
	if want := []string{"https://example.id/sitemap-news.xml", "https://example.id/sitemap-2024.xml.gz"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("index: %q, %v; want %q", got, err, want)
	}
	latin1 := []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><urlset><url><loc>https://example.id/caf\xe9</loc></url></urlset>")
	got, err = parseSitemap(latin1)
	if want := []string{"https://example.id/café"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("latin1: %q, %v; want %q", got, err, want)
	}
}

func TestParseFeed(t *testing.T) {
	got, err := parseFeed([]byte(rssFeed))
	if want := []string{"https://example.id/news/1", "https://example.id/news/2?utm_source=rss"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("rss: %q, %v; want %q", got, err, want)
	}
	latin1 := []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>x</title><item><title>caf\xe9</title><link>https://example.id/caf\xe9</link></item></channel></rss>")
	got, err = parseFeed(latin1)
	if want := []string{"https://example.id/café"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("latin1 rss: %q, %v; want %q", got, err, want)
	}
	got, err = parseFeed([]byte(atomFeed))
	if want := []string{"https://example.com/a"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("atom: %q, %v; want %q", got, err, want)
	}
}

func TestDecodeHTML(t *testing.T) {
	cp1252 := []byte("<html><head></head><body><a href=\"/caf\xe9\">caf\xe9 \x93kutip\x94</a></body></html>")
	tests := []struct {
		name string
		body []byte
		ct   string
		want string
	}{
		{"header charset", cp1252, "text/html; charset=windows-1252", "/café"},
		{"meta charset", append([]byte(`<meta charset="windows-1252">`), cp1252...), "text/html", "/café"},
		{"utf-8 untouched", []byte(`<a href="/café">x</a>`), "text/html; charset=utf-8", "/café"},
	}
	for _, tt := range tests {
		got := decodeHTML(tt.body, tt.ct)
		if !bytes.Contains(got, []byte(tt.want)) {
			t.Errorf("%s: decodeHTML = %q, want it to contain %q", tt.name, got, tt.want)
		}
	}
	if got := decodeHTML(cp1252, "text/html; charset=windows-1252"); !bytes.Contains(got, []byte("“kutip”")) {
		t.Errorf("windows-1252 quotes not decoded: %q", got)
	}
}

func TestParseLinks(t *testing.T) {
	page, _ := url.Parse("https://example.id/read/1")
	body := []byte(`<html><head><base href="https://example.id/base/">
<link rel="canonical" href="/read/1-canonical?utm_source=x">
<meta name="robots" content="noindex, follow"></head><body>
<a href="a">A</a> <a href="/b#x" rel="nofollow ugc">B <b>bold</b></a>
<a href="mailto:x@y.z">mail</a><a href="https://other.example/c">C</a>
<area href="/d"><a href="/e">unclosed`)
	pl := parseLinks(page, body)
	if pl.Canonical == nil || pl.Canonical.String() != "https://example.id/read/1-canonical" {
		t.Errorf("canonical = %v", pl.Canonical)
	}
	if !pl.NoIndex || pl.NoFollow {
		t.Errorf("noindex, nofollow = %v, %v; want true, false", pl.NoIndex, pl.NoFollow)
	}
	var got []string
	for _, a := range pl.Anchors {
		got = append(got, a.URL.String()+"|"+a.Text+"|"+map[bool]string{true: "nofollow", false: ""}[a.NoFollow])
	}
	want := []string{
		"https://example.id/base/a|A|",
		"https://example.id/b|B bold|nofollow",
		"https://other.example/c|C|",
		"https://example.id/d||",
		"https://example.id/e|unclosed|",
	}
	if !slices.Equal(got, want) {
		t.Errorf("anchors:\n got %q\nwant %q", got, want)
	}
}

func TestShowAllLink(t *testing.T) {
	tests := []struct {
		file, page, want string
	}{
		{"multipage_kompas.html", "https://nasional.kompas.com/read/2024/03/05/10000001/menteri-bantah-isu-kenaikan-harga-bbm",
			"https://nasional.kompas.com/read/2024/03/05/10000001/menteri-bantah-isu-kenaikan-harga-bbm?page=all"},
		{"multipage_kompas.html", "https://nasional.kompas.com/read/2024/03/05/10000001/menteri-bantah-isu-kenaikan-harga-bbm?page=all", ""},
		{"multipage_text.html", "https://news.example.id/berita/d-7000001/polisi-ungkap-kasus",
			"https://news.example.id/berita/d-7000001/polisi-ungkap-kasus/all"},
		{"single_page.html", "https://example.com/news/minister-denies", ""},
	}
	for _, tt := range tests {
		body, err := os.ReadFile("testdata/" + tt.file)
		if err != nil {
			t.Fatal(err)
		}
		page, _ := url.Parse(tt.page)
		got := showAllLink(page, parseLinks(page, body).Anchors)
		if (got == nil && tt.want != "") || (got != nil && got.String() != tt.want) {
			t.Errorf("%s at %s: showAllLink = %v, want %q", tt.file, tt.page, got, tt.want)
		}
	}
}

func TestIsPageOf(t *testing.T) {
	tests := []struct {
		page, link string
		want       bool
	}{
		{"https://a.id/read/1/judul", "https://a.id/read/1/judul?page=2", true},
		{"https://a.id/read/1/judul?page=2", "https://a.id/read/1/judul?page=3", true},
		{"https://a.id/read/1/judul", "https://a.id/read/1/judul/2", true},
		{"https://a.id/read/1/judul/2", "https://a.id/read/1/judul/3", true},
		{"https://a.id/read/1/judul", "https://a.id/read/1/judul?page=all", false},
		{"https://a.id/read/1/judul", "https://a.id/read/1/lain?page=2", false},
		{"https://a.id/news", "https://a.id/news/2", false},
		{"https://a.id/read/1/judul", "https://b.id/read/1/judul?page=2", false},
	}
	for _, tt := range tests {
		p, _ := url.Parse(tt.page)
		l, _ := url.Parse(tt.link)
		if got := isPageOf(p, l); got != tt.want {
			t.Errorf("isPageOf(%s, %s) = %v, want %v", tt.page, tt.link, got, tt.want)
		}
	}
}

func FuzzDetectKind(f *testing.F) {
	for _, s := range []string{rssFeed, atomFeed, newsSitemap, sitemapIndex, "<html>", `{"version":"https://jsonfeed.org/version/1"}`, "\x1f\x8b"} {
		f.Add([]byte(s), "text/xml")
	}
	f.Fuzz(func(t *testing.T, body []byte, ct string) {
		switch DetectKind(body, ct) {
		case KindSitemap, KindSitemapIndex:
			if locs, _ := parseSitemap(body); len(locs) > maxSitemapEntries {
				t.Fatalf("%d entries", len(locs))
			}
		case KindFeed:
			parseFeed(body)
		case KindPage:
			page, _ := url.Parse("https://example.id/a")
			parseLinks(page, decodeHTML(body, ct))
		case KindOther:
		default:
			t.Fatal("unknown kind")
		}
	})
}
