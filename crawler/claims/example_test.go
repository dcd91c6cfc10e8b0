package claims_test

import (
	"context"
	"fmt"
	"time"

	"github.com/klaim/klaim"
	"github.com/klaim/klaim/crawler/claims"
)

func Example() {
	x, err := claims.New()
	if err != nil {
		panic(err)
	}
	u := "file:///example.txt"
	a := &klaim.Article{
		ID: klaim.ArticleID(u), URL: u, Lang: "id",
		Title:     "Netflix Bantah Bisa Akses Pesan Pribadi Pengguna Facebook",
		Published: time.Date(2018, 12, 19, 0, 0, 0, 0, time.UTC),
		Text: "Netflix membantah laporan New York Times bahwa mereka dapat membaca pesan pribadi pengguna Facebook.\n\n" +
			"\"Kami tidak pernah mengakses pesan pribadi pengguna,\" kata Corporate Communication Manager Netflix, Kooswardini Wulandari, Rabu, 19 Desember 2018.",
	}
	doc, err := x.Extract(context.Background(), a, nil) // no store: claim IDs from the concepts
	if err != nil {
		panic(err)
	}
	for _, s := range doc.Statements {
		fmt.Printf("%s (%s) %s, said %s, rebuts %d\n", s.Speaker.Name, s.Speaker.Kind, s.Stance, s.SaidAt, len(s.Rebuts))
	}
	fmt.Println(doc.Statements[0].Claim.ID == doc.Statements[2].Claim.ID)
	// Output:
	// The New York Times (media) claim, said 2018-12-19, rebuts 0
	// Netflix (organization) deny, said 2018-12-19, rebuts 1
	// Kooswardini Wulandari (person) deny, said 2018-12-19, rebuts 1
	// true
}
