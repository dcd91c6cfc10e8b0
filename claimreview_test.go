package klaim

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestClaimReviews(t *testing.T) {
	netflix := EntityRef{ID: "en_netflix", Name: "Netflix"}
	claim := Claim{ID: "cl_pm", Text: "Netflix can read Facebook users' private messages"}
	other := Claim{ID: "cl_other", Text: "Only claimed, never reviewed"}
	st := func(id string, stance Stance, speaker, kind, date, url string) Statement {
		return Statement{
			ID: id, Stance: stance, Claim: claim.Ref(), SaidAt: date, Quote: "quote " + id,
			Speaker: SpeakerRef{ID: "en_" + speaker, Name: speaker, Kind: EntityKind(kind)},
			Article: ArticleRef{ID: "ar_" + id, URL: url, Title: "title " + id, Lang: "id", Published: date},
		}
	}
	nyt := st("st_1", StanceClaim, "The New York Times", "media", "2018-12-18", "https://nytimes.com/a")
	deny := st("st_2", StanceDeny, "Kooswardini Wulandari", "person", "2018-12-19", "https://viva.co.id/b")
	deny.Speaker.Role, deny.Speaker.Org = "spokesperson", &netflix
	admit := st("st_3", StanceAdmit, "Facebook", "organization", "2018-12-20", "https://fb.com/c")
	again := st("st_4", StanceClaim, "The New York Times", "media", "2018-12-21", "https://nytimes.com/a")
	lone := st("st_5", StanceClaim, "Someone", "person", "2019-01-01", "https://x.test/d")
	lone.Claim = other.Ref()

	// Given out of order, to check the reviews sort statements by date.
	got := ClaimReviews([]Claim{claim, other}, []Statement{admit, again, lone, deny, nyt})
	if len(got) != 1 {
		t.Fatalf("got %d reviews, want 1 (the claim with no denial has none): %+v", len(got), got)
	}
	r := got[0]
	checks := []struct{ name, got, want string }{
		{"@context", r.Context, "https://schema.org"},
		{"@type", r.Type, "ClaimReview"},
		{"claimReviewed", r.ClaimReviewed, claim.Text},
		{"author", r.Author.Name, "Kooswardini Wulandari"},
		{"author type", r.Author.Type, "Person"},
		{"author job", r.Author.JobTitle, "spokesperson"},
		{"author employer", r.Author.WorksFor.Name, "Netflix"},
		{"url", r.URL, "https://viva.co.id/b"},
		{"datePublished", r.DatePublished, "2018-12-19"},
		{"rating", r.ReviewRating.AlternateName, "Denied by Kooswardini Wulandari; Admitted by Facebook"},
		{"claimant", r.ItemReviewed.Author.Name, "The New York Times"},
		{"claimant type", r.ItemReviewed.Author.Type, "NewsMediaOrganization"},
		{"claim date", r.ItemReviewed.DatePublished, "2018-12-18"},
		{"reviewBody", r.ReviewBody, "quote st_2"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if len(r.ItemReviewed.Appearance) != 1 || r.ItemReviewed.Appearance[0].URL != "https://nytimes.com/a" {
		t.Errorf("appearance = %+v, want the one NYT article once", r.ItemReviewed.Appearance)
	}
	if len(r.Reviews) != 2 || r.Reviews[0].Statement != "st_2" || r.Reviews[1].Statement != "st_3" {
		t.Errorf("reviewers = %+v, want st_2 then st_3", r.Reviews)
	}
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"@type":"ClaimReview"`, `"itemReviewed":{"@type":"Claim"`, `"reviewRating":{"@type":"Rating"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON-LD lacks %s: %s", want, b)
		}
	}
}

func TestClaimReviewsAuthorPrefersDenial(t *testing.T) {
	c := Claim{ID: "cl_x", Text: "x"}
	admit := Statement{ID: "st_a", Stance: StanceAdmit, Claim: c.Ref(), SaidAt: "2020-01-01", Speaker: SpeakerRef{Name: "A"}}
	apol := Statement{ID: "st_b", Stance: StanceApologize, Claim: c.Ref(), SaidAt: "2020-01-02", Speaker: SpeakerRef{Name: "B"}}
	deny := Statement{ID: "st_c", Stance: StanceDeny, Claim: c.Ref(), SaidAt: "2020-01-03", Speaker: SpeakerRef{Name: "C"}}
	undatedDeny := Statement{ID: "st_d", Stance: StanceDeny, Claim: c.Ref(), Speaker: SpeakerRef{Name: "D"}}
	tests := []struct {
		name       string
		sts        []Statement
		author     string
		rating     string
		wantReview bool
	}{
		{"admission only", []Statement{admit}, "A", "Admitted by A", true},
		{"denial wins over earlier admission", []Statement{apol, admit, deny}, "C", "Denied by C; Admitted by A; Apology by B", true},
		{"undated denial sorts after dated", []Statement{undatedDeny, deny}, "C", "Denied by C, D", true},
		{"no statements", nil, "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ClaimReviews([]Claim{c}, tt.sts)
			if (len(got) == 1) != tt.wantReview {
				t.Fatalf("got %d reviews, want review=%v", len(got), tt.wantReview)
			}
			if !tt.wantReview {
				return
			}
			if got[0].Author.Name != tt.author || got[0].ReviewRating.AlternateName != tt.rating {
				t.Errorf("author %q rating %q, want %q %q", got[0].Author.Name, got[0].ReviewRating.AlternateName, tt.author, tt.rating)
			}
			if got[0].ItemReviewed.Author != nil {
				t.Errorf("itemReviewed.author = %+v, want none without a claim statement", got[0].ItemReviewed.Author)
			}
		})
	}
}
