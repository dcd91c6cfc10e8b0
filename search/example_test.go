package search_test

import (
	"context"
	"fmt"
	"log"

	"github.com/klaim/klaim"
	"github.com/klaim/klaim/search"
)

// An Indonesian denial is found by an English query: the glossary maps
// "denied" to "membantah" and "private messages" to "pesan pribadi".
func Example() {
	ctx := context.Background()
	idx, err := search.OpenMemory()
	if err != nil {
		log.Fatal(err)
	}
	defer idx.Close()

	netflix := klaim.Entity{ID: klaim.EntityID("Netflix"), Name: "Netflix", Kind: klaim.KindOrganization}
	claim := klaim.Claim{ID: klaim.ClaimID("c:private_message en_netflix"), Lang: "en",
		Text: "Netflix can read Facebook users' private messages", Concepts: []string{"c:private_message"}}
	text := "Netflix membantah bisa mengakses pesan pribadi pengguna Facebook."
	art := klaim.Article{ID: klaim.ArticleID("https://www.viva.co.id/x"), Lang: "id", Text: text,
		Title: "Netflix Bantah Bisa Akses Pesan Pribadi", Site: klaim.Site{Host: "viva.co.id"}}
	span := [2]int{0, len(text)}
	doc := &klaim.Document{
		Article:  art,
		Entities: []klaim.Entity{netflix},
		Claims:   []klaim.Claim{claim},
		Statements: []klaim.Statement{{
			ID: klaim.StatementID(art.ID, span), Article: art.Ref(), Span: span,
			Speaker: klaim.SpeakerRef{ID: netflix.ID, Name: netflix.Name, Kind: netflix.Kind},
			Stance:  klaim.StanceDeny, Claim: claim.Ref(), Quote: text, Sentence: text, Cue: "membantah",
			SaidAt: "2018-12-19",
		}},
	}
	if err := idx.IndexDocument(ctx, doc); err != nil {
		log.Fatal(err)
	}

	res, err := idx.Search(ctx, klaim.SearchQuery{Text: "denied private messages", Lang: "id"})
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range res.Hits {
		fmt.Println(h.Statement.Stance, h.Statement.Speaker.Name+":", h.Statement.Quote)
	}
	fmt.Println("stance facet:", res.Facets["stance"])
	// Output:
	// deny Netflix: Netflix membantah bisa mengakses pesan pribadi pengguna Facebook.
	// stance facet: [{deny 1}]
}
