package article_test

import (
	"fmt"
	"log"
	"time"

	"github.com/klaim/klaim/crawler/article"
)

func ExampleExtract() {
	page := `<html lang="id"><head>
<title>Netflix Bantah Akses Pesan Pribadi - Kompas.com</title>
<meta property="og:site_name" content="Kompas.com">
<meta property="article:published_time" content="2018-12-19T10:05:00+07:00">
<meta name="author" content="Reska K. Nistanto">
</head><body>
<nav><a href="/">Home</a> <a href="/tekno">Tekno</a></nav>
<div class="read__content">
<p>Netflix membantah laporan yang menyebut perusahaan itu bisa membaca pesan pribadi pengguna Facebook.</p>
<p>Baca juga: <a href="/x">Facebook Beri Akses Pesan ke Netflix</a></p>
<p>"Kami tidak pernah mengakses pesan pribadi teman-teman di Facebook," kata Kooswardini Wulandari.</p>
</div>
<footer>© 2019 Kompas Cyber Media</footer>
</body></html>`
	a, err := article.Extract([]byte(page), "https://tekno.kompas.com/read/1", "text/html; charset=utf-8")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Title)
	fmt.Println(a.Site.Host, "|", a.Site.Name, "|", a.Lang, "|", a.Authors)
	fmt.Println(a.Published.Format(time.RFC3339))
	fmt.Println(a.Text)
	// Output:
	// Netflix Bantah Akses Pesan Pribadi
	// tekno.kompas.com | Kompas.com | id | [Reska K. Nistanto]
	// 2018-12-19T10:05:00+07:00
	// Netflix membantah laporan yang menyebut perusahaan itu bisa membaca pesan pribadi pengguna Facebook.
	//
	// "Kami tidak pernah mengakses pesan pribadi teman-teman di Facebook," kata Kooswardini Wulandari.
}

func ExampleParseDate() {
	ref := time.Date(2019, 1, 10, 12, 0, 0, 0, time.UTC)
	for _, s := range []string{"Rabu, 19 Desember 2018 10:05 WIB", "2 jam lalu", "Dec. 19, 2018 at 10:05 a.m. ET"} {
		t, ok := article.ParseDate(s, ref)
		fmt.Println(t.Format(time.RFC3339), ok)
	}
	// Output:
	// 2018-12-19T10:05:00+07:00 true
	// 2019-01-10T10:00:00Z true
	// 2018-12-19T10:05:00-05:00 true
}
