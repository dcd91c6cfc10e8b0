package klaim

import (
	"strings"
	"testing"
)

func TestParseStance(t *testing.T) {
	tests := []struct {
		in      string
		want    Stance
		wantErr bool
	}{
		{"claim", StanceClaim, false},
		{"DENY", StanceDeny, false},
		{"admit", StanceAdmit, false},
		{"apologize", StanceApologize, false},
		{"apologise", "", true},
		{"", "", true},
	}
	for _, tt := range tests {
		got, err := ParseStance(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseStance(%q) = %q, %v; want %q, err=%v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestStanceOpposes(t *testing.T) {
	if !StanceDeny.Opposes(StanceClaim) || !StanceClaim.Opposes(StanceDeny) || !StanceDeny.Opposes(StanceAdmit) {
		t.Error("a denial and a claim must oppose each other")
	}
	if StanceClaim.Opposes(StanceClaim) || StanceApologize.Opposes(StanceClaim) || StanceDeny.Opposes(StanceDeny) {
		t.Error("agreeing stances must not oppose")
	}
}

func TestNormalizeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The New York Times", "the new york times"},
		{"  the  new-york   times ", "the new york times"},
		{"Facebook, Inc.", "facebook inc"},
		{"ＮＥＴＦＬＩＸ", "netflix"},
		{"AT&T", "at&t"},
		{"Kooswardini  Wulandari", "kooswardini wulandari"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalizeName(tt.in); got != tt.want {
			t.Errorf("NormalizeName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIDsAreStableAndDistinct(t *testing.T) {
	if EntityID("Netflix") != EntityID("NETFLIX ") {
		t.Error("entity IDs must fold case and space")
	}
	if EntityID("Netflix") == EntityID("Spotify") {
		t.Error("different names must get different IDs")
	}
	a := ArticleID("file:///x/001.txt")
	if a != ArticleID("file:///x/001.txt") || !strings.HasPrefix(a, "ar_") || len(a) != 19 {
		t.Errorf("ArticleID = %q", a)
	}
	if StatementID(a, [2]int{1, 2}) == StatementID(a, [2]int{1, 3}) {
		t.Error("statement IDs must depend on the span")
	}
}

func TestDocumentValidate(t *testing.T) {
	art := Article{ID: "ar_1", Text: "Netflix membantah laporan itu."}
	ent := Entity{ID: EntityID("Netflix"), Name: "Netflix", Kind: KindOrganization}
	cl := Claim{ID: ClaimID("k"), Text: "p"}
	good := func() *Document {
		return &Document{
			Article:  art,
			Entities: []Entity{ent},
			Claims:   []Claim{cl},
			Statements: []Statement{{ID: "st_1", Article: ArticleRef{ID: "ar_1"}, Speaker: SpeakerRef{ID: ent.ID},
				Stance: StanceDeny, Claim: ClaimRef{ID: cl.ID}, Span: [2]int{0, 7}}},
		}
	}
	if err := good().Validate(); err != nil {
		t.Fatalf("valid document rejected: %v", err)
	}
	breakers := map[string]func(d *Document){
		"no article id":   func(d *Document) { d.Article.ID = "" },
		"unknown speaker": func(d *Document) { d.Statements[0].Speaker.ID = "en_x" },
		"unknown claim":   func(d *Document) { d.Statements[0].Claim.ID = "cl_x" },
		"bad stance":      func(d *Document) { d.Statements[0].Stance = "maybe" },
		"span past text":  func(d *Document) { d.Statements[0].Span = [2]int{0, 999} },
		"other article":   func(d *Document) { d.Statements[0].Article.ID = "ar_2" },
		"dangling relation": func(d *Document) {
			d.Relations = []Relation{{Type: RelWorksFor, From: EntityRef{ID: "en_x"}, To: ent.Ref()}}
		},
	}
	for name, br := range breakers {
		d := good()
		br(d)
		if d.Validate() == nil {
			t.Errorf("%s: Validate accepted a broken document", name)
		}
	}
}
