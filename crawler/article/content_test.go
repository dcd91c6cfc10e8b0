package article

import (
	"strings"
	"testing"
)

func TestFurnitureParagraphs(t *testing.T) {
	drop := []string{
		"Baca juga: Facebook Beri Akses Pesan Pribadi ke Netflix",
		"BACA JUGA : Jokowi Resmikan Tol",
		"Lihat juga: Video Banjir Jakarta",
		"Simak Video \"Netflix Bantah Akses Pesan\"",
		"[Gambas:Video CNN]",
		"ADVERTISEMENT",
		"Advertisement",
		"SCROLL TO CONTINUE WITH CONTENT",
		"Foto: Dok. Netflix",
		"(Foto: ANTARA FOTO/Akbar Nugroho Gumay)",
		"Image copyright Getty Images",
		"Penulis: Reska K. Nistanto",
		"Editor: Reza Wahyudi",
		"Tags: Netflix, Facebook",
		"Artikel ini telah tayang di Kompas.com dengan judul \"Netflix Bantah\"",
		"(rdp/rdp)",
		"Share this article",
		"Bagikan artikel ini",
		"Tulis komentar",
		"Leave a comment",
		"Comments (12)",
		"Komentar",
		"Related Articles:",
		"Subscribe now",
		"By Justine Coleman - 11/18/19 11:04 PM EST",
		"Updated at 1:23 p.m.",
		"Nov. 20, 2019 6:02 AM EST",
		"Rabu, 19 Desember 2018 10:05 WIB",
		"Have a tip? Amy may be reached at amy@example.com.",
		"Copyright © 2019 Kompas Cyber Media",
		"[button link=\"http://example.com\"]Send us your review[/button]",
		"Dapatkan update berita pilihan setiap hari dari Kompas.com.",
	}
	keep := []string{
		"Bacaan doa itu dipimpin oleh ulama setempat sebelum acara dimulai, kata panitia.",
		"Simaklah penjelasan menteri berikut ini, katanya.",
		"By the end of the year, the company said, it would stop the feature.",
		"Menurut dia, fitur itu sudah dihentikan pada 2015.",
		"21-14",
		"The match ended 3-1 on May 5, 2019, after extra time, and fans stormed the pitch.",
		"Editorial boards across the country criticised the decision on Monday.",
		"Foto-foto itu beredar di media sosial sejak Senin.",
		"Komentar itu disampaikan Jokowi di Istana Merdeka, Jakarta.",
		"Comments from the minister drew criticism on Tuesday.",
		"Bagikan bantuan itu secara merata, kata gubernur.",
		"Subscribers will pay more from January, the company said.",
		"Copyright law protects the authors, the judge said.",
		"Related research has found similar effects in mice.",
	}
	for _, s := range drop {
		if got := filterParagraphs([]paragraph{{text: s}}, nil, nil); len(got) != 0 {
			t.Errorf("kept furniture %q as %q", s, got)
		}
	}
	for _, s := range keep {
		if got := filterParagraphs([]paragraph{{text: s}}, nil, nil); len(got) != 1 || got[0] != s {
			t.Errorf("dropped or changed text %q: %q", s, got)
		}
	}
	// Inline furniture is cut out of the paragraph.
	got := filterParagraphs([]paragraph{{text: "Netflix membantah laporan itu. (Baca: Facebook Bantah Jual Data) Kata dia, fitur itu sudah dihentikan. [Gambas:Video CNN]"}}, nil, nil)
	if want := "Netflix membantah laporan itu. Kata dia, fitur itu sudah dihentikan."; strings.Join(got, "") != want {
		t.Errorf("inline furniture: got %q, want %q", got, want)
	}
	if got := filterParagraphs([]paragraph{{text: "Pesan itu, menurut dia, tidak berdasar. (rdp/aud)"}}, nil, nil); strings.Join(got, "") != "Pesan itu, menurut dia, tidak berdasar." {
		t.Errorf("editor code: got %q", got)
	}
	// The author's blurb is not article text; a sentence about someone
	// else that starts the same way is.
	if got := filterParagraphs([]paragraph{{text: "Eric Song is IGN's deal curator and spends 25% of his pay on stuff he posts."}}, nil, []string{"Eric Song"}); len(got) != 0 {
		t.Errorf("kept the author blurb %q", got)
	}
	if got := filterParagraphs([]paragraph{{text: "Eric Adams is the mayor of New York, the spokesman said."}}, nil, []string{"Eric Song"}); len(got) != 1 {
		t.Errorf("dropped a sentence about someone else: %q", got)
	}
	// A link-only paragraph is navigation; the page title repeated is the headline.
	if got := filterParagraphs([]paragraph{{text: "Berita Terkait Lainnya Hari Ini", linkLen: 31}, {text: "Netflix Bantah Akses Pesan Pribadi"}}, []string{"Netflix Bantah Akses Pesan Pribadi"}, nil); len(got) != 0 {
		t.Errorf("kept %q", got)
	}
}

func TestHiddenBoxes(t *testing.T) {
	page := `<html><body><div class="content">
<p>` + longText + `<span class="hidden">http://example.com/logo.jpeg 1200 676 jdadmin</span></p>
<div class="sr-only">Skip to main content</div>
<div class="d-none d-md-block">Desktop-only promo banner text that nobody reads</div>
<div class="article-body hidden"><p>The rest of the story, revealed by a read-more button, is still part of the article text.</p></div>
</div></body></html>`
	a, err := ExtractAt([]byte(page), "https://example.com/x", "", testRef)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"jdadmin", "Skip to main", "promo banner"} {
		if strings.Contains(a.Text, bad) {
			t.Errorf("hidden text %q extracted: %q", bad, a.Text)
		}
	}
	if !strings.Contains(a.Text, "The rest of the story") {
		t.Errorf("content box marked hidden was dropped: %q", a.Text)
	}
}
