package claims

import (
	"context"
	"testing"

	"github.com/klaim/klaim"
)

// FuzzExtract feeds arbitrary text to the extractor: it must not panic and
// must return a valid document whose spans lie inside the text.
func FuzzExtract(f *testing.F) {
	seeds := []string{
		`"Itu tidak benar," kata Budi Santoso, Rabu, 19 Desember 2018.`,
		"Netflix membantah laporan New York Times bahwa mereka dapat membaca pesan pribadi.\n\n“Kami tidak pernah,” tegas dia.",
		`Meta's communications director Andy Stone said: "That's false." He added it was not true.`,
		"“unbalanced ‘quote « here",
		"Kami baru-baru ini menemukan bahwa data digunakan.\n\nKami minta maaf.",
		"U.S. Dr. Jl. No. 5 (10/10/2019) -nya -- ’s 's",
		"\xff\xfe\x00 kata",
	}
	for _, s := range seeds {
		f.Add(s, "id")
		f.Add(s, "en")
	}
	x, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		u := "file:///fuzz.txt"
		a := &klaim.Article{ID: klaim.ArticleID(u), URL: u, Title: "Meta membantah", Lang: lang, Text: text}
		doc, err := x.Extract(context.Background(), a, nil)
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		if err := doc.Validate(); err != nil {
			t.Fatal(err)
		}
		for _, s := range doc.Statements {
			if s.Span[0] < 0 || s.Span[1] > len(text) || s.Span[0] > s.Span[1] {
				t.Fatalf("span %v outside %d bytes", s.Span, len(text))
			}
		}
	})
}
