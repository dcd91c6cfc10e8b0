package graph_test

import (
	"context"
	"fmt"
	"log"

	"github.com/klaim/klaim"
	"github.com/klaim/klaim/graph"
)

// A document is written once and read back by claim, with the contradiction
// between the two speakers computed from their stances.
func Example() {
	ctx := context.Background()
	s, err := graph.Open(ctx, "", "memstore://")
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	a := klaim.Article{ID: klaim.ArticleID("https://example.org/news/1"), URL: "https://example.org/news/1",
		Title: "Minister denies", Lang: "en", Text: "The MP said the minister lied. The minister denied it."}
	mp := klaim.Entity{ID: klaim.EntityID("Jane Doe"), Name: "Jane Doe", Kind: klaim.KindPerson, Aliases: []string{"MP Doe"}}
	minister := klaim.Entity{ID: klaim.EntityID("John Roe"), Name: "John Roe", Kind: klaim.KindPerson}
	claim := klaim.Claim{ID: klaim.ClaimID("c:lie|" + minister.ID), Text: "The minister lied", Concepts: []string{"c:lie", minister.ID}}
	say := func(who klaim.Entity, stance klaim.Stance, span [2]int, date string) klaim.Statement {
		return klaim.Statement{ID: klaim.StatementID(a.ID, span), Article: a.Ref(), Stance: stance, Span: span, SaidAt: date,
			Speaker: klaim.SpeakerRef{ID: who.ID, Name: who.Name, Kind: who.Kind}, Claim: claim.Ref()}
	}
	doc := &klaim.Document{
		Article:    a,
		Entities:   []klaim.Entity{mp, minister},
		Claims:     []klaim.Claim{claim},
		Statements: []klaim.Statement{say(mp, klaim.StanceClaim, [2]int{0, 30}, "2024-05-01"), say(minister, klaim.StanceDeny, [2]int{31, 54}, "2024-05-02")},
	}
	if err := s.PutDocument(ctx, doc); err != nil {
		log.Fatal(err)
	}

	sts, err := s.Statements(ctx, klaim.StatementFilter{Claim: claim.ID})
	if err != nil {
		log.Fatal(err)
	}
	for _, st := range sts {
		fmt.Printf("%s %s %q, rebutting %d statement(s)\n", st.Speaker.Name, st.Stance, st.Claim.Text, len(st.Rebuts))
	}
	ents, _ := s.EntitiesByAlias(ctx, "mp  DOE")
	fmt.Println(ents[0].Name)
	// Output:
	// Jane Doe claim "The minister lied", rebutting 0 statement(s)
	// John Roe deny "The minister lied", rebutting 1 statement(s)
	// Jane Doe
}
