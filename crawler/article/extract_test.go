package article

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/klaim/klaim"
)

// longText is a paragraph long enough to score as article text.
const longText = "Netflix membantah bahwa perusahaannya bisa mengakses pesan pribadi pengguna Facebook, " +
	"sebagaimana dilaporkan oleh New York Times pada pekan lalu, kata juru bicara perusahaan itu di Jakarta."

var testRef = time.Date(2019, 1, 10, 12, 0, 0, 0, time.UTC)

// kompasLike is an Indonesian news page with the usual furniture around
// the article: navigation, share bar, "Baca juga" links, video embeds,
// advertisement labels, tags, comment prompt and footer.
const kompasLike = `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<title>Netflix Bantah Bisa Akses Pesan Pribadi Pengguna Facebook - Kompas.com</title>
<meta property="og:site_name" content="Kompas.com">
<meta property="og:title" content="Netflix Bantah Bisa Akses Pesan Pribadi Pengguna Facebook - Kompas.com">
<link rel="canonical" href="https://tekno.kompas.com/read/2018/12/19/10050037/netflix-bantah">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Kompas.com","url":"https://www.kompas.com"},
 {"@type":"NewsArticle","headline":"Netflix Bantah Bisa Akses Pesan Pribadi Pengguna Facebook",
  "datePublished":"2018-12-19T10:05:00+07:00","dateModified":"2018-12-19T11:30:00+07:00",
  "author":[{"@type":"Person","name":"Reska K. Nistanto"},{"@type":"Person","name":"Kompas.com"}],
  "publisher":{"@type":"Organization","name":"Kompas.com"}}]}
</script>
</head>
<body>
<header class="header"><nav class="menu"><a href="/">Home</a> <a href="/tekno">Tekno</a> <a href="/news">News</a></nav></header>
<div class="container">
 <div class="col-bs10-7">
  <h1 class="read__title">Netflix Bantah Bisa Akses Pesan Pribadi Pengguna Facebook</h1>
  <div class="read__time">Kompas.com - 19/12/2018, 10:05 WIB</div>
  <div class="social-share"><a href="#">Bagikan</a> <a href="#">Facebook</a> <a href="#">Twitter</a></div>
  <div class="read__content">
   <p><strong>JAKARTA, KOMPAS.com</strong> - Netflix membantah laporan New York Times yang menyebut perusahaan itu bisa membaca pesan pribadi pengguna Facebook, termasuk pesan yang dikirim lewat Messenger.</p>
   <p>"Kami tidak pernah mengakses pesan pribadi teman-teman di Facebook, atau meminta kemampuan untuk melakukannya," kata Kooswardini Wulandari, Communications Manager Netflix Asia Tenggara, dalam keterangan tertulis, Rabu (19/12/2018).</p>
   <p><strong>Baca juga: <a href="/read/2018/12/18/facebook">Facebook Beri Akses Pesan Pribadi ke Netflix dan Spotify</a></strong></p>
   <p>Menurut dia, fitur yang dimaksud hanya memungkinkan pengguna merekomendasikan tayangan kepada teman lewat Messenger, dan fitur itu sudah dihentikan pada 2015. (Baca: Facebook Bantah Jual Data)</p>
   <div class="photo"><img src="x.jpg"><p>Foto: Dok. Netflix</p></div>
   <div class="ads">ADVERTISEMENT</div>
   <p>[Gambas:Video CNN]</p>
   <p>Facebook sendiri menyatakan tidak memberikan akses pesan pribadi kepada perusahaan lain tanpa izin pengguna, seperti dilaporkan laman resmi perusahaan itu.</p>
   <p>Simak Video Pilihan di Bawah Ini:</p>
   <p>Artikel ini telah tayang di Kompas.com dengan judul "Netflix Bantah".</p>
   <p>(rdp/rdp)</p>
   <p>Penulis: Reska K. Nistanto<br>Editor: Reza Wahyudi</p>
  </div>
  <div class="tag"><a href="/tag/netflix">Netflix</a> <a href="/tag/facebook">Facebook</a></div>
  <div class="comment-box">Tulis komentar Anda di sini</div>
 </div>
 <aside class="sidebar"><h3>Terpopuler</h3><ul><li><a href="/a">Berita lain yang sangat populer hari ini di Kompas</a></li><li><a href="/b">Berita lain lagi</a></li></ul></aside>
</div>
<footer>© 2019 Kompas Cyber Media. All rights reserved.</footer>
</body></html>`

func TestExtractIndonesianPage(t *testing.T) {
	a, err := ExtractAt([]byte(kompasLike), "https://tekno.kompas.com/read/2018/12/19/10050037/netflix-bantah?page=all", "text/html", testRef)
	if err != nil {
		t.Fatal(err)
	}
	wantText := strings.Join([]string{
		"JAKARTA, KOMPAS.com - Netflix membantah laporan New York Times yang menyebut perusahaan itu bisa membaca pesan pribadi pengguna Facebook, termasuk pesan yang dikirim lewat Messenger.",
		`"Kami tidak pernah mengakses pesan pribadi teman-teman di Facebook, atau meminta kemampuan untuk melakukannya," kata Kooswardini Wulandari, Communications Manager Netflix Asia Tenggara, dalam keterangan tertulis, Rabu (19/12/2018).`,
		"Menurut dia, fitur yang dimaksud hanya memungkinkan pengguna merekomendasikan tayangan kepada teman lewat Messenger, dan fitur itu sudah dihentikan pada 2015.",
		"Facebook sendiri menyatakan tidak memberikan akses pesan pribadi kepada perusahaan lain tanpa izin pengguna, seperti dilaporkan laman resmi perusahaan itu.",
	}, "\n\n")
	if a.Text != wantText {
		t.Errorf("Text =\n%s\n\nwant\n%s", a.Text, wantText)
	}
	checks := []struct {
		field     string
		got, want any
	}{
		{"Title", a.Title, "Netflix Bantah Bisa Akses Pesan Pribadi Pengguna Facebook"},
		{"Lang", a.Lang, "id"},
		{"Site", a.Site, klaim.Site{Host: "tekno.kompas.com", Name: "Kompas.com"}},
		{"CanonicalURL", a.CanonicalURL, "https://tekno.kompas.com/read/2018/12/19/10050037/netflix-bantah"},
		{"ID", a.ID, klaim.ArticleID("https://tekno.kompas.com/read/2018/12/19/10050037/netflix-bantah")},
		{"URL", a.URL, "https://tekno.kompas.com/read/2018/12/19/10050037/netflix-bantah?page=all"},
		{"Authors", a.Authors, []string{"Reska K. Nistanto"}},
		{"Published", a.Published.Format(time.RFC3339), "2018-12-19T10:05:00+07:00"},
		{"Modified", a.Modified.Format(time.RFC3339), "2018-12-19T11:30:00+07:00"},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.field, c.got, c.want)
		}
	}
}

func TestExtractFileURLID(t *testing.T) {
	u := "file:///data/articles/001.html"
	a, err := ExtractAt([]byte(kompasLike), u, "", testRef)
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != klaim.ArticleID(u) {
		t.Errorf("ID = %s, want the ID of the file URL %s", a.ID, klaim.ArticleID(u))
	}
	if a.Site.Host != "tekno.kompas.com" {
		t.Errorf("Site.Host = %q, want it from the canonical URL", a.Site.Host)
	}
	b, _ := ExtractAt([]byte(kompasLike), u, "", testRef)
	if a.ID != b.ID || a.Text != b.Text {
		t.Error("extracting the same file twice gave different results")
	}
}

func TestExtractCharset(t *testing.T) {
	// "Café ‘Olé’ — naïve" in windows-1252.
	w1252 := "Caf\xe9 \x91Ol\xe9\x92 \x97 na\xefve, " + strings.Repeat("the quick brown fox jumps over the lazy dog, ", 4)
	want := "Café ‘Olé’ — naïve, "
	tests := []struct {
		name, page, contentType string
	}{
		{"header", "<html><body><p>" + w1252 + "</p></body></html>", "text/html; charset=windows-1252"},
		{"header latin1", "<html><body><p>" + w1252 + "</p></body></html>", "text/html; charset=ISO-8859-1"},
		{"meta charset", `<html><head><meta charset="iso-8859-1"></head><body><p>` + w1252 + "</p></body></html>", ""},
		{"meta http-equiv late", `<html><head>` + strings.Repeat("<script>var x = 1;</script>", 60) + `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>` + w1252 + "</p></body></html>", ""},
		{"sniffed", "<html><body><p>" + w1252 + "</p></body></html>", ""},
		{"utf-8", "<html><body><p>Café ‘Olé’ — naïve, " + strings.Repeat("the quick brown fox jumps over the lazy dog, ", 4) + "</p></body></html>", ""},
	}
	for _, tt := range tests {
		a, err := ExtractAt([]byte(tt.page), "https://example.com/x", tt.contentType, testRef)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !strings.HasPrefix(a.Text, want) {
			t.Errorf("%s: Text = %q, want prefix %q", tt.name, a.Text, want)
		}
	}
}

func TestExtractNoText(t *testing.T) {
	for _, page := range []string{
		"",
		"<html><head><title>Empty</title></head><body></body></html>",
		"<html><body><nav><a href='/'>Home</a></nav><script>var a = 'lots of script text here that is not an article';</script></body></html>",
	} {
		_, err := ExtractAt([]byte(page), "https://example.com/", "", testRef)
		if !errors.Is(err, ErrNoText) {
			t.Errorf("Extract(%.40q) error = %v, want ErrNoText", page, err)
		}
	}
}

func TestExtractJSONLDBodyFallback(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","articleBody":"First paragraph of the story.\nSecond paragraph of the story."}</script></head><body><div id="app"></div></body></html>`
	a, err := ExtractAt([]byte(page), "https://example.com/x", "", testRef)
	if err != nil {
		t.Fatal(err)
	}
	if want := "First paragraph of the story.\n\nSecond paragraph of the story."; a.Text != want {
		t.Errorf("Text = %q, want %q", a.Text, want)
	}
}

func TestAuthors(t *testing.T) {
	site := klaim.Site{Host: "viva.co.id", Name: "VIVA"}
	tests := []struct {
		name, head, body string
		want             []string
	}{
		{"json-ld object", `<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Arief"}}</script>`, "", []string{"Arief"}},
		{"json-ld array", `<script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"Lia Eustachewich"},{"name":"Yaron Steinbuch"}]}</script>`, "", []string{"Lia Eustachewich", "Yaron Steinbuch"}},
		{"json-ld string", `<script type="application/ld+json">{"@type":"Article","author":"Reza Wahyudi"}</script>`, "", []string{"Reza Wahyudi"}},
		{"json-ld site name rejected", `<script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"VIVA"}}</script>`, `<p class="byline">Penulis: Dinia Adrianjara</p>`, []string{"Dinia Adrianjara"}},
		{"meta author", `<meta name="author" content="Tom Krisher">`, "", []string{"Tom Krisher"}},
		{"meta author url rejected", `<meta property="article:author" content="https://www.facebook.com/someone">`, `<span class="author">By Jill Disis, CNN Business</span>`, []string{"Jill Disis"}},
		{"byline by and", "", `<div class="byline">By Zeke Miller and Jill Colvin</div>`, []string{"Zeke Miller", "Jill Colvin"}},
		{"byline all caps role", "", `<div class="byline">By TOM KRISHER, AP Auto Writer</div>`, []string{"Tom Krisher"}},
		{"penulis editor", "", `<p>Penulis: Reska K. Nistanto | Editor: Reza Wahyudi</p>`, []string{"Reska K. Nistanto", "Reza Wahyudi"}},
		{"reporter", "", `<div>Reporter: Arief</div>`, []string{"Arief"}},
		{"redaksi rejected", `<meta name="author" content="Redaksi">`, "", nil},
		{"admin rejected", `<meta name="author" content="admin">`, "", nil},
		{"rel author", "", `<a rel="author" href="/u/1">Ed Cara</a>`, []string{"Ed Cara"}},
		{"json-ld organization author", `<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Organization","name":"detikcom"},{"@type":"Person","name":"Arief Ikhsanudin"}]}</script>`, "", []string{"Arief Ikhsanudin"}},
		{"credentials", `<script type="application/ld+json">{"@type":"BlogPosting","author":"Ilana Muhlstein, MS, RDN"}</script>`, "", []string{"Ilana Muhlstein"}},
	}
	for _, tt := range tests {
		page := `<html><head><meta property="og:site_name" content="VIVA">` + tt.head + `</head><body>` + tt.body + `<article><p>` + longText + `</p></article></body></html>`
		a, err := ExtractAt([]byte(page), "https://"+site.Host+"/berita/1", "", testRef)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !reflect.DeepEqual(a.Authors, tt.want) {
			t.Errorf("%s: Authors = %q, want %q", tt.name, a.Authors, tt.want)
		}
	}
}

func TestTitle(t *testing.T) {
	tests := []struct {
		head, h1, host, want string
	}{
		{`<title>Netflix Bantah Akses Pesan - Kompas.com</title>`, "", "kompas.com", "Netflix Bantah Akses Pesan"},
		{`<meta property="og:site_name" content="VIVA"><title>Netflix Bantah Akses Pesan | VIVA</title>`, "", "viva.co.id", "Netflix Bantah Akses Pesan"},
		{`<meta property="og:title" content="Home Depot sales miss, shares plunge"><title>Home Depot | Fox Business</title>`, "", "foxbusiness.com", "Home Depot sales miss, shares plunge"},
		{`<title>Detik News : Jokowi Resmikan Tol</title>`, "", "news.detik.com", "Jokowi Resmikan Tol"},
		{`<title>Jokowi Resmikan Tol - Berita Harian</title>`, "Jokowi Resmikan Tol", "example.com", "Jokowi Resmikan Tol"},
		{`<title>Q&amp;A: what - and why</title>`, "", "example.com", "Q&A: what - and why"},
	}
	for _, tt := range tests {
		page := `<html><head>` + tt.head + `</head><body><h1>` + tt.h1 + `</h1><p>` + longText + `</p></body></html>`
		a, err := ExtractAt([]byte(page), "https://"+tt.host+"/x", "", testRef)
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != tt.want {
			t.Errorf("title from %s = %q, want %q", tt.head, a.Title, tt.want)
		}
	}
}

func TestLanguage(t *testing.T) {
	en := "The company said on Wednesday that it had never accessed the private messages of its users, and that the feature was shut down in 2015."
	tests := []struct {
		html, meta, text, want string
	}{
		{`lang="id-ID"`, "", longText, "id"},
		{`lang="en-US"`, "", longText, "id"}, // theme default, Indonesian text
		{"", `<meta property="og:locale" content="id_ID">`, longText, "id"},
		{"", `<meta http-equiv="content-language" content="en">`, en, "en"},
		{`lang="de"`, "", en, "en"},
		{`lang="pt-BR"`, "", "Uma palinha das brincadeiras musicais do grupo Serelepe, que ensina as crianças a cantar.", "pt"},
		{"", "", en, "en"},
	}
	for _, tt := range tests {
		page := `<html ` + tt.html + `><head>` + tt.meta + `</head><body><p>` + tt.text + `</p></body></html>`
		a, err := ExtractAt([]byte(page), "https://example.com/x", "", testRef)
		if err != nil {
			t.Fatal(err)
		}
		if a.Lang != tt.want {
			t.Errorf("lang for %s%s = %q, want %q", tt.html, tt.meta, a.Lang, tt.want)
		}
	}
}

func TestVerdicts(t *testing.T) {
	page := `<html lang="id"><head><script type="application/ld+json">
{"@context":"https://schema.org","@type":"ClaimReview",
 "datePublished":"2018-12-20","url":"https://turnbackhoax.id/2018/12/20/salah-netflix-baca-pesan/",
 "claimReviewed":"Netflix bisa membaca pesan pribadi pengguna Facebook",
 "author":{"@type":"Organization","name":"TurnBackHoax"},
 "reviewRating":{"@type":"Rating","ratingValue":1,"bestRating":5,"worstRating":1,"alternateName":"Salah"},
 "itemReviewed":{"@type":"Claim","author":{"@type":"Person","name":"Akun Facebook Budi"},"datePublished":"2018-12-18"}}
</script>
<script type="application/ld+json">[{"@type":"ClaimReview","claimReviewed":"Facebook sold messages","reviewRating":{"@type":"Rating","alternateName":"False"},"author":{"name":"AFP Fact Check"}}]</script>
</head><body><article><p>` + longText + `</p></article></body></html>`
	a, err := ExtractAt([]byte(page), "https://turnbackhoax.id/2018/12/20/salah-netflix-baca-pesan/", "", testRef)
	if err != nil {
		t.Fatal(err)
	}
	want := []klaim.Verdict{
		{ClaimReviewed: "Netflix bisa membaca pesan pribadi pengguna Facebook", Rating: "Salah", Author: "TurnBackHoax",
			ClaimAuthor: "Akun Facebook Budi", URL: "https://turnbackhoax.id/2018/12/20/salah-netflix-baca-pesan/", Date: "2018-12-20"},
		{ClaimReviewed: "Facebook sold messages", Rating: "False", Author: "AFP Fact Check"},
	}
	if !reflect.DeepEqual(a.Verdicts, want) {
		t.Errorf("Verdicts = %+v\nwant %+v", a.Verdicts, want)
	}
}

func TestFromText(t *testing.T) {
	tests := []struct {
		name, in          string
		title, text, lang string
		err               string
	}{
		{"basic", "\n\nNetflix Bantah Akses Pesan\n\nNetflix membantah bahwa perusahaannya bisa mengakses pesan pribadi.\n\nMenurut dia, hal itu tidak benar.\n",
			"Netflix Bantah Akses Pesan", "Netflix membantah bahwa perusahaannya bisa mengakses pesan pribadi.\n\nMenurut dia, hal itu tidak benar.", "id", ""},
		{"hard wrapped", "Title\r\nThe company said that it\r\nhad not read the messages.\r\n\r\nIt was not true.", "Title", "The company said that it had not read the messages.\n\nIt was not true.", "en", ""},
		{"one line per paragraph", "Title\nThe company said that it had not read the messages.\nIt was not true, he said.", "Title", "The company said that it had not read the messages.\n\nIt was not true, he said.", "en", ""},
		{"latin1", "Caf\xe9\nThe caf\xe9 was closed on Sunday and the owner said that it would reopen.", "Café", "The café was closed on Sunday and the owner said that it would reopen.", "en", ""},
		{"empty", "  \n\t\n", "", "", "", "empty file"},
		{"title only", "Just a title\n", "", "", "", "no body"},
		{"nul", "PK\x03\x04\x00\x00binary", "", "", "", "NUL"},
		{"invalid utf-8", "\x89PNG\r\n\x1a\n\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f\x10\x11\x12\xff\xfe", "", "", "", "invalid UTF-8"},
	}
	for _, tt := range tests {
		a, err := FromText("file:///tmp/"+tt.name+".txt", []byte(tt.in))
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want one mentioning %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if a.Title != tt.title || a.Text != tt.text || a.Lang != tt.lang {
			t.Errorf("%s: got title %q text %q lang %q; want %q %q %q", tt.name, a.Title, a.Text, a.Lang, tt.title, tt.text, tt.lang)
		}
		if a.ID != klaim.ArticleID("file:///tmp/"+tt.name+".txt") || a.URL != "file:///tmp/"+tt.name+".txt" {
			t.Errorf("%s: ID/URL not from the file name", tt.name)
		}
	}
}

func TestExtractJSONLDBodyHTML(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"<p>First paragraph of the story.</p><p>Second &amp; last paragraph.</p>"}</script></head><body><div id="app"></div></body></html>`
	a, err := ExtractAt([]byte(page), "https://example.com/x", "", testRef)
	if err != nil {
		t.Fatal(err)
	}
	if want := "First paragraph of the story.\n\nSecond & last paragraph."; a.Text != want {
		t.Errorf("Text = %q, want %q", a.Text, want)
	}
}

func TestExtractJSONLDBodyWhenDOMMissesIt(t *testing.T) {
	story := strings.Repeat("The minister denied on Tuesday that the ministry had leaked the data of voters to a private company. ", 6)
	other := strings.Repeat("Our newsroom has served readers across the archipelago since 1965 with independent reporting. ", 6)
	page := `<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"` + story + `"}</script></head>` +
		`<body><div class="about"><p>` + other + `</p></div></body></html>`
	a, err := ExtractAt([]byte(page), "https://example.com/x", "", testRef)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Text, "The minister denied") {
		t.Errorf("Text = %.80q…, want the JSON-LD articleBody", a.Text)
	}
}

// detikLike writes paragraphs as text separated by <br><br> inside one
// box, with inline ads and a "Baca juga" table in the middle.
const detikLike = `<html lang="id"><head><title>Polisi Tangkap Penyebar Hoax Gempa | detikNews</title>
<meta name="author" content="Arief Ikhsanudin">
<meta name="publishdate" content="2018/12/19 10:05:00">
<meta property="og:site_name" content="detiknews">
</head><body>
<div class="detail">
<div class="detail__header"><h1 class="detail__title">Polisi Tangkap Penyebar Hoax Gempa</h1>
<div class="detail__author">Arief Ikhsanudin - detikNews</div>
<div class="detail__date">Rabu, 19 Des 2018 10:05 WIB</div></div>
<div class="detail__body-text itp_bodycontent">
<strong>Jakarta</strong> - Polisi menangkap seorang pria yang diduga menyebarkan kabar bohong soal gempa susulan di media sosial. Pria itu ditangkap di rumahnya pada Selasa malam.<br><br>
"Pelaku sudah kami amankan dan sedang diperiksa penyidik," kata Kabid Humas Polda Metro Jaya Kombes Argo Yuwono kepada wartawan, Rabu (19/12/2018).<br><br>
<table class="linksisip"><tr><td><div class="lihatjg"><strong>Baca juga:</strong> <a href="/x">Hoax Gempa Beredar, BMKG Minta Warga Tenang</a></div></td></tr></table>
<div class="parallaxindetail"><div class="ads">ADVERTISEMENT</div><p>SCROLL TO CONTINUE WITH CONTENT</p></div>
Argo mengatakan pelaku menyebarkan pesan berantai yang menyebut akan terjadi gempa besar dalam waktu dekat. Pesan itu, menurut dia, tidak berdasar.<br><br>
Simak Video "Polisi Tangkap Penyebar Hoax"<br>[Gambas:Video 20detik]<br><br>
(rdp/rdp)
</div>
<div class="detail__body-tag"><a href="/tag/hoax">hoax</a> <a href="/tag/gempa">gempa</a></div>
</div>
<div class="newsfeed"><h2>Berita Terkait</h2><article><h3><a href="/y">Judul berita lain yang panjang sekali untuk mengisi</a></h3></article></div>
</body></html>`

func TestExtractBrParagraphs(t *testing.T) {
	// The same page inside a wrapper whose class sounds like furniture.
	wrapped := strings.Replace(strings.Replace(detikLike, "<body>", `<body><div class="container has-sidebar header-sticky">`, 1), "</body>", "</div></body>", 1)
	for _, page := range []string{detikLike, wrapped} {
		testBrPage(t, page)
	}
}

func testBrPage(t *testing.T, page string) {
	a, err := ExtractAt([]byte(page), "https://news.detik.com/berita/d-4349999/polisi", "", testRef)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"Jakarta - Polisi menangkap seorang pria yang diduga menyebarkan kabar bohong soal gempa susulan di media sosial. Pria itu ditangkap di rumahnya pada Selasa malam.",
		`"Pelaku sudah kami amankan dan sedang diperiksa penyidik," kata Kabid Humas Polda Metro Jaya Kombes Argo Yuwono kepada wartawan, Rabu (19/12/2018).`,
		"Argo mengatakan pelaku menyebarkan pesan berantai yang menyebut akan terjadi gempa besar dalam waktu dekat. Pesan itu, menurut dia, tidak berdasar.",
	}, "\n\n")
	if a.Text != want {
		t.Errorf("Text =\n%s\n\nwant\n%s", a.Text, want)
	}
	if a.Title != "Polisi Tangkap Penyebar Hoax Gempa" {
		t.Errorf("Title = %q", a.Title)
	}
	if got := a.Published.Format(time.RFC3339); got != "2018-12-19T10:05:00+07:00" {
		t.Errorf("Published = %s, want 2018-12-19T10:05:00+07:00 (no zone given: WIB for an Indonesian page)", got)
	}
	if !reflect.DeepEqual(a.Authors, []string{"Arief Ikhsanudin"}) || a.Lang != "id" || a.Site.Name != "detiknews" {
		t.Errorf("Authors %q Lang %q Site %+v", a.Authors, a.Lang, a.Site)
	}
}

func TestExtractSafetyNet(t *testing.T) {
	// A comma-heavy teaser outscores an article whose paragraphs each sit
	// in a wrapper of their own; the safety net brings the article back.
	teaser := `<div class="teaser"><p>Jakarta, Bandung, Surabaya, Medan, Makassar, Semarang, Palembang, Denpasar, Manado, Padang, Malang, Solo, Bogor, Depok, Bekasi, Tangerang, Cirebon, Kupang, Ambon, Jayapura, Sorong.</p></div>`
	var article strings.Builder
	for i := range 5 {
		fmt.Fprintf(&article, `<div><div><div><p>Paragraph %d of the report says that the ministry had not leaked the data of voters to any private company before the election and that the audit found no breach of the rules at all in the last year</p></div></div></div>`, i+1)
	}
	page := `<html><body>` + teaser + article.String() + `</body></html>`
	a, err := ExtractAt([]byte(page), "https://example.com/x", "", testRef)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if !strings.Contains(a.Text, fmt.Sprintf("Paragraph %d of the report", i+1)) {
			t.Errorf("paragraph %d missing from %.200q", i+1, a.Text)
		}
	}
}

// TestTextFormat checks the text format the claims extractor relies on on
// every benchmark page and on the test pages: paragraphs separated by
// exactly one blank line, no markup, no stray white space.
func TestTextFormat(t *testing.T) {
	check := func(name, text string) {
		if strings.Contains(text, "\n\n\n") || strings.HasPrefix(text, "\n") || strings.HasSuffix(text, "\n") {
			t.Errorf("%s: bad paragraph breaks", name)
		}
		for _, p := range strings.Split(text, "\n\n") {
			if p == "" || p != strings.TrimSpace(p) || strings.Contains(p, "\n") || strings.Contains(p, "  ") || strings.Contains(p, "\t") {
				t.Errorf("%s: badly formed paragraph %q", name, p)
				return
			}
		}
	}
	for name, page := range map[string]string{"kompas": kompasLike, "detik": detikLike} {
		a, err := ExtractAt([]byte(page), "https://example.com/x", "", testRef)
		if err != nil {
			t.Fatal(err)
		}
		check(name, a.Text)
	}
	if dir := benchDir(); dir != "" {
		for _, pg := range loadBench(t) {
			if a, err := Extract(gunzip(t, pg.gz), pg.url, ""); err == nil {
				check(pg.key[:12], a.Text)
			}
		}
	}
}
