package klaim

import (
	"cmp"
	"slices"
	"strings"
)

// ClaimReview is a schema.org ClaimReview (https://schema.org/ClaimReview) in
// its JSON-LD form: a claim as reviewed by the speakers who denied, admitted
// or apologised for it. It is the shape fact-checkers and search engines read.
type ClaimReview struct {
	Context       string       `json:"@context"`
	Type          string       `json:"@type"`
	ID            string       `json:"@id,omitempty"` // "klaim:cl_…": the claim it reviews
	ClaimReviewed string       `json:"claimReviewed"`
	URL           string       `json:"url,omitempty"` // the article of the review
	DatePublished string       `json:"datePublished,omitempty"`
	InLanguage    string       `json:"inLanguage,omitempty"`
	Author        LDAgent      `json:"author"`
	ItemReviewed  LDClaim      `json:"itemReviewed"`
	ReviewRating  LDRating     `json:"reviewRating"`
	ReviewBody    string       `json:"reviewBody,omitempty"` // the reviewing quote
	Reviews       []LDReviewer `json:"klaim:reviewers,omitempty"`
}

// LDAgent is a schema.org Person, Organization or other Thing named by a speaker.
type LDAgent struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	// ID is the klaim entity ID, as "klaim:en_…".
	ID string `json:"@id,omitempty"`
	// JobTitle and WorksFor are the speaker's role and employer when known.
	JobTitle string   `json:"jobTitle,omitempty"`
	WorksFor *LDAgent `json:"worksFor,omitempty"`
}

// LDClaim is the schema.org Claim a ClaimReview reviews.
type LDClaim struct {
	Type          string         `json:"@type"`
	Author        *LDAgent       `json:"author,omitempty"` // the first claimant
	DatePublished string         `json:"datePublished,omitempty"`
	Appearance    []LDAppearance `json:"appearance,omitempty"`
}

// LDAppearance is an article in which the claim was made.
type LDAppearance struct {
	Type          string `json:"@type"`
	URL           string `json:"url"`
	Headline      string `json:"headline,omitempty"`
	DatePublished string `json:"datePublished,omitempty"`
}

// LDRating is the verdict of a ClaimReview; klaim states it in words
// ("Denied by Netflix; Admitted by Facebook") rather than on a numeric scale,
// because a denial is a party's word, not a fact-check.
type LDRating struct {
	Type          string `json:"@type"`
	AlternateName string `json:"alternateName"`
}

// LDReviewer is one reviewing statement, kept so the rating can be traced back.
type LDReviewer struct {
	Statement string `json:"statement"` // the statement ID
	Stance    Stance `json:"stance"`
	Speaker   string `json:"speaker"`
	Date      string `json:"date,omitempty"`
	URL       string `json:"url,omitempty"`
}

// ClaimReviews builds one ClaimReview for every claim that at least one
// statement denies, admits or apologises for, in the order of claims. The
// review's author is the first speaker who denied the claim (or, with no
// denial, the first who admitted or apologised); its itemReviewed names the
// first claimant and the articles the claim appeared in; its rating lists
// every reviewing speaker by stance. Statements of claims not in claims are
// ignored.
func ClaimReviews(claims []Claim, statements []Statement) []ClaimReview {
	byClaim := make(map[string][]Statement)
	for _, s := range statements {
		byClaim[s.Claim.ID] = append(byClaim[s.Claim.ID], s)
	}
	var out []ClaimReview
	for _, c := range claims {
		sts := slices.Clone(byClaim[c.ID])
		slices.SortStableFunc(sts, func(a, b Statement) int {
			da, db := statementDate(a), statementDate(b)
			// Undated statements go last: they cannot be placed in the timeline.
			return cmp.Or(cmp.Compare(undated(da), undated(db)), cmp.Compare(da, db), cmp.Compare(a.ID, b.ID))
		})
		if r, ok := claimReview(c, sts); ok {
			out = append(out, r)
		}
	}
	return out
}

// claimReview builds the review of one claim from its statements, oldest
// first, or reports false when none of them reviews it.
func claimReview(c Claim, sts []Statement) (ClaimReview, bool) {
	var author *Statement
	var claimant *Statement
	var reviewers []LDReviewer
	var appearance []LDAppearance
	seenURL := make(map[string]bool)
	// rating groups reviewing speakers by stance, in first-seen order.
	rating := make(map[Stance][]string)
	for i := range sts {
		s := &sts[i]
		switch s.Stance {
		case StanceClaim:
			if claimant == nil {
				claimant = s
			}
			if s.Article.URL != "" && !seenURL[s.Article.URL] {
				seenURL[s.Article.URL] = true
				appearance = append(appearance, LDAppearance{
					Type: "NewsArticle", URL: s.Article.URL,
					Headline: s.Article.Title, DatePublished: s.Article.Published,
				})
			}
		case StanceDeny, StanceAdmit, StanceApologize:
			if author == nil || (author.Stance != StanceDeny && s.Stance == StanceDeny) {
				author = s
			}
			if !slices.Contains(rating[s.Stance], s.Speaker.Name) {
				rating[s.Stance] = append(rating[s.Stance], s.Speaker.Name)
			}
			reviewers = append(reviewers, LDReviewer{
				Statement: s.ID, Stance: s.Stance, Speaker: s.Speaker.Name,
				Date: statementDate(*s), URL: s.Article.URL,
			})
		}
	}
	if author == nil {
		return ClaimReview{}, false
	}
	var parts []string
	for _, st := range []Stance{StanceDeny, StanceAdmit, StanceApologize} {
		if names := rating[st]; len(names) > 0 {
			parts = append(parts, ratingVerb[st]+strings.Join(names, ", "))
		}
	}
	r := ClaimReview{
		Context:       "https://schema.org",
		Type:          "ClaimReview",
		ID:            "klaim:" + c.ID,
		ClaimReviewed: c.Text,
		URL:           author.Article.URL,
		DatePublished: statementDate(*author),
		InLanguage:    author.Article.Lang,
		Author:        speakerAgent(author.Speaker),
		ItemReviewed:  LDClaim{Type: "Claim", Appearance: appearance},
		ReviewRating:  LDRating{Type: "Rating", AlternateName: strings.Join(parts, "; ")},
		ReviewBody:    author.Quote,
		Reviews:       reviewers,
	}
	if claimant != nil {
		a := speakerAgent(claimant.Speaker)
		r.ItemReviewed.Author = &a
		r.ItemReviewed.DatePublished = statementDate(*claimant)
	}
	return r, true
}

// undated is 1 for an empty date, so undated statements sort last.
func undated(date string) int {
	if date == "" {
		return 1
	}
	return 0
}

// ratingVerb words each reviewing stance in a rating.
var ratingVerb = map[Stance]string{
	StanceDeny:      "Denied by ",
	StanceAdmit:     "Admitted by ",
	StanceApologize: "Apology by ",
}

// statementDate is when a statement was made: its said-at date, else its
// article's publication date, else "".
func statementDate(s Statement) string {
	if s.SaidAt != "" {
		return s.SaidAt
	}
	return s.Article.Published
}

// speakerAgent is the schema.org agent of a speaker.
func speakerAgent(sp SpeakerRef) LDAgent {
	a := LDAgent{Type: ldType(sp.Kind), Name: sp.Name, JobTitle: sp.Role}
	if sp.ID != "" {
		a.ID = "klaim:" + sp.ID
	}
	if sp.Org != nil {
		a.WorksFor = &LDAgent{Type: "Organization", Name: sp.Org.Name}
		if sp.Org.ID != "" {
			a.WorksFor.ID = "klaim:" + sp.Org.ID
		}
	}
	return a
}

// ldType maps an entity kind to its schema.org type.
func ldType(k EntityKind) string {
	switch k {
	case KindPerson:
		return "Person"
	case KindOrganization:
		return "Organization"
	case KindMedia:
		return "NewsMediaOrganization"
	case KindDocument:
		return "CreativeWork"
	case KindPlace:
		return "Place"
	}
	return "Thing"
}
