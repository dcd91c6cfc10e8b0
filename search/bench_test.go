package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/klaim/klaim"
)

// Words of the synthetic corpus.
var (
	benchID = strings.Fields("membantah mengakui menyangkal pesan pribadi pengguna data perusahaan pemerintah " +
		"mengatakan laporan pemilu gugatan pengadilan keamanan iklan mitra pihak ketiga informasi menteri " +
		"kebijakan permintaan maaf menjual membagikan akses aplikasi layanan jaringan berita")
	benchEN = strings.Fields("denied admitted claimed private messages users data company government said " +
		"report election lawsuit court security advertising partners third party information minister " +
		"policy apology sold shared access application service network news")
	benchNames = []string{"Netflix", "Facebook", "Google", "Kominfo", "Joko Widodo", "Mark Zuckerberg",
		"Spotify", "Telkomsel", "Gojek", "Tokopedia", "The New York Times", "Tempo"}
	benchConcepts = []string{"c:private_message", "c:access", "c:personal_data", "c:share", "c:election", "c:court"}
)

// syntheticDocs returns n articles of per statements each, half Indonesian,
// half English, over 12 speakers, 40 shared claims and five years.
func syntheticDocs(n, per int) []*klaim.Document {
	r := rand.New(rand.NewPCG(1, 2))
	ents := make([]klaim.Entity, len(benchNames))
	for i, name := range benchNames {
		ents[i] = entity(name, klaim.KindOrganization)
	}
	claims := make([]klaim.Claim, 40)
	for i := range claims {
		claims[i] = klaim.Claim{
			ID:       klaim.ClaimID(fmt.Sprint("bench", i)),
			Text:     sentence(r, benchEN, 8),
			Lang:     "en",
			Concepts: []string{benchConcepts[i%len(benchConcepts)], ents[i%len(ents)].ID},
			Subjects: []klaim.EntityRef{ents[i%len(ents)].Ref()},
		}
	}
	docs := make([]*klaim.Document, n)
	for i := range docs {
		lang, words := "id", benchID
		if i%2 == 1 {
			lang, words = "en", benchEN
		}
		sents := make([]string, per)
		for j := range sents {
			sents[j] = sentence(r, words, 20)
		}
		pub := time.Date(2018+i%5, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC)
		d := newDoc(fmt.Sprintf("https://example.com/%d", i), fmt.Sprintf("site%d.example", i%7), lang,
			sentence(r, words, 6), pub.Format(time.DateOnly), sents, ents, nil)
		used := map[string]bool{}
		for j, s := range sents {
			c := claims[r.IntN(len(claims))]
			if !used[c.ID] {
				used[c.ID] = true
				d.Claims = append(d.Claims, c)
			}
			// Repeated sentences share a span: make each statement's own.
			start := strings.Index(d.Article.Text, s)
			span := [2]int{start, start + len(s)}
			stance := klaim.Stances[(i+j)%len(klaim.Stances)]
			sp := ents[r.IntN(len(ents))]
			d.Statements = append(d.Statements, klaim.Statement{
				ID: klaim.StatementID(d.Article.ID, [2]int{j, span[1]}), Article: d.Article.Ref(),
				Speaker: klaim.SpeakerRef{ID: sp.ID, Name: sp.Name, Kind: sp.Kind},
				Stance:  stance, Claim: c.Ref(), Quote: s, Sentence: s, Span: span, Rebuts: []string{},
			})
		}
		docs[i] = d
	}
	return docs
}

func sentence(r *rand.Rand, words []string, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = words[r.IntN(len(words))]
	}
	return strings.Join(w, " ")
}

// BenchmarkIndexDocument indexes articles of 10 statements each; the
// statements/s metric is the throughput.
func BenchmarkIndexDocument(b *testing.B) {
	docs := syntheticDocs(500, 10)
	for _, where := range []string{"memory", "disk"} {
		b.Run(where, func(b *testing.B) {
			var x *Index
			var err error
			if where == "memory" {
				x, err = OpenMemory()
			} else {
				x, err = Open(b.TempDir())
			}
			if err != nil {
				b.Fatal(err)
			}
			defer x.Close()
			ctx := context.Background()
			n := 0
			cpu := cpuTime()
			for i := 0; b.Loop(); i++ {
				d := docs[i%len(docs)]
				if err := x.IndexDocument(ctx, d); err != nil {
					b.Fatal(err)
				}
				n += len(d.Statements)
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "statements/s")
			b.ReportMetric(float64(n)/(cpuTime()-cpu).Seconds(), "statements/cpu-s")
		})
	}
}

// BenchmarkIndexDocuments indexes the same articles in batches of 50
// (500 statements) with IndexDocuments.
func BenchmarkIndexDocuments(b *testing.B) {
	docs := syntheticDocs(500, 10)
	x, err := Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	ctx := context.Background()
	n := 0
	cpu := cpuTime()
	for i := 0; b.Loop(); i++ {
		start := (i * 50) % len(docs)
		batch := docs[start : start+50]
		if err := x.IndexDocuments(ctx, batch); err != nil {
			b.Fatal(err)
		}
		for _, d := range batch {
			n += len(d.Statements)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "statements/s")
	b.ReportMetric(float64(n)/(cpuTime()-cpu).Seconds(), "statements/cpu-s")
}

// BenchmarkSearch runs queries against 3000 synthetic statements.
func BenchmarkSearch(b *testing.B) {
	x, err := OpenMemory()
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	ctx := context.Background()
	if err := x.IndexDocuments(ctx, syntheticDocs(300, 10)); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		q    klaim.SearchQuery
	}{
		{"id word", klaim.SearchQuery{Text: "bantahan"}},
		{"en phrase", klaim.SearchQuery{Text: "private messages"}},
		{"cross language", klaim.SearchQuery{Text: "pesan pribadi", Lang: "en"}},
		{"text and filters", klaim.SearchQuery{Text: "data pengguna", Stance: klaim.StanceDeny, Speaker: "Facebook",
			From: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)}},
		{"filters only", klaim.SearchQuery{Lang: "id", Entity: "Kominfo"}},
		{"all newest first", klaim.SearchQuery{}},
	} {
		b.Run(c.name, func(b *testing.B) {
			cpu := cpuTime()
			total := 0
			for b.Loop() {
				res, err := x.Search(ctx, c.q)
				if err != nil {
					b.Fatal(err)
				}
				if res.Total == 0 {
					b.Fatal("no hits")
				}
				total = res.Total
			}
			b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(total), "hits")
		})
	}
	b.Run("claims", func(b *testing.B) {
		cpu := cpuTime()
		for b.Loop() {
			if _, err := x.SearchClaims(ctx, klaim.SearchQuery{Text: "private messages"}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	})
}
