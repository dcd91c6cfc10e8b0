package klaim_test

import (
	"fmt"

	"github.com/klaim/klaim"
)

// Stable IDs let a re-ingested article replace, not duplicate, what it
// produced before: the same name always yields the same entity ID.
func ExampleEntityID() {
	fmt.Println(klaim.EntityID("The New York Times") == klaim.EntityID("the new-york  times"))
	fmt.Println(klaim.EntityID("Netflix"))
	// Output:
	// true
	// en_13ed070478ef62c3
}

func ExampleStance_Opposes() {
	fmt.Println(klaim.StanceDeny.Opposes(klaim.StanceClaim))
	fmt.Println(klaim.StanceAdmit.Opposes(klaim.StanceClaim))
	// Output:
	// true
	// false
}
