// Package klaim is the knowledge model of klaim: articles, entities, claims
// and the attributed statements that link them (who claimed, denied, admitted
// or apologised for what, when and where).
//
// This package depends on no storage, index or web driver. The drivers live in
// their own packages and implement the small interfaces declared here:
// graph (cayley) implements Store, search (bleve) implements Index, and
// crawler implements Ingester. cmd/klaim only wires them together.
package klaim

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Stance is what a speaker does with a claim.
type Stance string

// The four stances of a statement.
const (
	StanceClaim     Stance = "claim"     // asserts, reports, alleges
	StanceDeny      Stance = "deny"      // denies, refutes, calls it untrue
	StanceAdmit     Stance = "admit"     // concedes, acknowledges, confirms
	StanceApologize Stance = "apologize" // apologises
)

// Stances lists every valid stance in a fixed order.
var Stances = []Stance{StanceClaim, StanceDeny, StanceAdmit, StanceApologize}

// ParseStance returns the stance named by s, or an error naming the valid ones.
func ParseStance(s string) (Stance, error) {
	for _, st := range Stances {
		if strings.EqualFold(s, string(st)) {
			return st, nil
		}
	}
	return "", fmt.Errorf("unknown stance %q (want claim, deny, admit or apologize)", s)
}

// Opposes reports whether a statement of stance s contradicts a statement of
// stance other about the same claim: a denial contradicts a claim or an
// admission, and a claim contradicts an earlier denial.
func (s Stance) Opposes(other Stance) bool {
	switch s {
	case StanceDeny:
		return other == StanceClaim || other == StanceAdmit
	case StanceClaim, StanceAdmit:
		return other == StanceDeny
	}
	return false
}

// EntityKind says what sort of thing an entity is.
type EntityKind string

// The kinds of entity klaim knows.
const (
	KindPerson       EntityKind = "person"
	KindOrganization EntityKind = "organization"
	KindMedia        EntityKind = "media" // a news outlet: also an organisation, but one that reports
	KindPlace        EntityKind = "place"
	KindDocument     EntityKind = "document" // a court filing, report or blog post that "says" things
)

// RelationType names a typed edge between two entities.
type RelationType string

// The relation types between entities.
const (
	// RelWorksFor links a person to an organisation, with the person's role
	// ("VP Product Partnership", "CEO", "founder", "owner").
	RelWorksFor RelationType = "works_for"
	// RelParentOf links a parent organisation to its subsidiary or product.
	RelParentOf RelationType = "parent_of"
)

// Site is a publisher: the host an article came from and its display name.
type Site struct {
	Host string `json:"host"`           // "viva.co.id"
	Name string `json:"name,omitempty"` // "VIVA"
}

// Article is one news article after extraction: its text and metadata.
type Article struct {
	ID           string    `json:"id"`
	URL          string    `json:"url"`                     // where it was fetched, or file:///abs/path
	CanonicalURL string    `json:"canonical_url,omitempty"` // rel=canonical or og:url, normalised
	Title        string    `json:"title"`
	Lang         string    `json:"lang"` // "id" or "en" (ISO 639-1); "" when unknown
	Published    time.Time `json:"published,omitzero"`
	Modified     time.Time `json:"modified,omitzero"`
	Authors      []string  `json:"authors,omitempty"`
	Site         Site      `json:"site"`
	Text         string    `json:"text"` // the extracted body; spans index into it
	// DuplicateOf is the ID of an earlier article with the same or nearly the
	// same text (a syndicated copy), when one is known.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Verdicts are schema.org ClaimReview verdicts the page published about claims.
	Verdicts []Verdict `json:"verdicts,omitempty"`
}

// Verdict is an external fact-check verdict harvested from ClaimReview JSON-LD.
type Verdict struct {
	ClaimReviewed string `json:"claim_reviewed"`
	Rating        string `json:"rating"`                 // alternateName, e.g. "Salah", "False"
	Author        string `json:"author,omitempty"`       // the fact-checker
	ClaimAuthor   string `json:"claim_author,omitempty"` // itemReviewed.author
	URL           string `json:"url,omitempty"`
	Date          string `json:"date,omitempty"`
}

// Ref returns the short form of the article embedded in statements.
func (a *Article) Ref() ArticleRef {
	r := ArticleRef{ID: a.ID, URL: a.URL, Title: a.Title, Lang: a.Lang, Site: a.Site.Host}
	if !a.Published.IsZero() {
		r.Published = a.Published.Format(time.DateOnly)
	}
	return r
}

// ArticleRef is the short form of an article embedded in a statement.
type ArticleRef struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Lang      string `json:"lang"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD
	Site      string `json:"site,omitempty"`
}

// Entity is a person, organisation, media outlet, place or document.
type Entity struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"` // canonical name
	Kind      EntityKind `json:"kind"`
	Aliases   []string   `json:"aliases"`
	Relations []Relation `json:"relations"`
}

// Ref returns the short form of the entity.
func (e *Entity) Ref() EntityRef { return EntityRef{ID: e.ID, Name: e.Name} }

// EntityRef is the short form of an entity.
type EntityRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Relation is a typed edge between two entities, with the article it was read in.
type Relation struct {
	Type    RelationType `json:"type"`
	From    EntityRef    `json:"from"`
	To      EntityRef    `json:"to"`
	Role    string       `json:"role,omitempty"`
	Article string       `json:"article,omitempty"` // evidence: the article ID
}

// Claim is a proposition that statements assert, deny, admit or apologise for.
// Its ID is shared by every statement about the same proposition, across
// articles and across languages.
type Claim struct {
	ID   string `json:"id"`
	Text string `json:"text"` // readable canonical text
	Lang string `json:"lang,omitempty"`
	// Concepts are language-independent keys of what the claim is about:
	// entity IDs ("en_…") and glossary concepts ("c:private_message"). Claims
	// from different articles and languages are matched on them.
	Concepts []string `json:"concepts,omitempty"`
	// Subjects are the entities the claim is about (not its speakers).
	Subjects []EntityRef `json:"subjects,omitempty"`
	// Articles is how many articles state or answer the claim, as the store
	// counts them (0 on a claim not read from a store).
	Articles int `json:"articles,omitempty"`
}

// Ref returns the short form of the claim embedded in statements.
func (c *Claim) Ref() ClaimRef { return ClaimRef{ID: c.ID, Text: c.Text} }

// ClaimRef is the short form of a claim embedded in a statement.
type ClaimRef struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// SpeakerRef is the speaker of a statement with, for a person, the role and
// employer read in the article.
type SpeakerRef struct {
	ID   string     `json:"id"`
	Name string     `json:"name"`
	Kind EntityKind `json:"kind"`
	Role string     `json:"role,omitempty"`
	Org  *EntityRef `json:"org,omitempty"`
}

// Statement is one attributed speech act: who said what about which claim,
// where and when. Its JSON form is the contract's statement shape.
type Statement struct {
	ID       string     `json:"id"`
	Article  ArticleRef `json:"article"`
	Speaker  SpeakerRef `json:"speaker"`
	Stance   Stance     `json:"stance"`
	Claim    ClaimRef   `json:"claim"`
	Quote    string     `json:"quote"`  // the quote or paraphrase
	Direct   bool       `json:"direct"` // a direct quotation
	Cue      string     `json:"cue"`    // the reporting verb or phrase
	Sentence string     `json:"sentence"`
	// Span is the byte range [start, end) of the evidence in the article text.
	Span [2]int `json:"span"`
	// SaidAt is when it was said: YYYY-MM-DD, or YYYY-MM or YYYY when the
	// text is less precise; "" when unknown.
	SaidAt string `json:"said_at,omitempty"`
	// Rebuts lists the IDs of statements this one contradicts.
	Rebuts []string `json:"rebuts"`
	// Subjects are the entities the statement is about (besides its speaker).
	Subjects []EntityRef `json:"subjects,omitempty"`
}

// Document is everything one article produced: the article, its statements,
// the entities, claims and relations they mention. It is the unit that Store
// and Index write, and writing it replaces what the same article produced before.
type Document struct {
	Article    Article     `json:"article"`
	Statements []Statement `json:"statements"`
	Entities   []Entity    `json:"entities"`
	Claims     []Claim     `json:"claims"`
	Relations  []Relation  `json:"relations"`
}

// Validate checks the references inside a document: every statement belongs to
// the article and names a speaker entity and a claim of the document, and every
// relation joins entities of the document.
func (d *Document) Validate() error {
	if d.Article.ID == "" {
		return errors.New("document: article has no id")
	}
	ents := make(map[string]bool, len(d.Entities))
	for _, e := range d.Entities {
		if e.ID == "" || e.Name == "" {
			return fmt.Errorf("document %s: entity without id or name", d.Article.ID)
		}
		ents[e.ID] = true
	}
	claims := make(map[string]bool, len(d.Claims))
	for _, c := range d.Claims {
		claims[c.ID] = true
	}
	for _, s := range d.Statements {
		switch {
		case s.ID == "":
			return fmt.Errorf("document %s: statement without id", d.Article.ID)
		case s.Article.ID != d.Article.ID:
			return fmt.Errorf("document %s: statement %s belongs to article %s", d.Article.ID, s.ID, s.Article.ID)
		case !ents[s.Speaker.ID]:
			return fmt.Errorf("document %s: statement %s: speaker %q is not among the entities", d.Article.ID, s.ID, s.Speaker.ID)
		case !claims[s.Claim.ID]:
			return fmt.Errorf("document %s: statement %s: claim %q is not among the claims", d.Article.ID, s.ID, s.Claim.ID)
		}
		if _, err := ParseStance(string(s.Stance)); err != nil {
			return fmt.Errorf("document %s: statement %s: %w", d.Article.ID, s.ID, err)
		}
		if s.Span[0] < 0 || s.Span[1] < s.Span[0] || s.Span[1] > len(d.Article.Text) {
			return fmt.Errorf("document %s: statement %s: span %v outside the text (%d bytes)", d.Article.ID, s.ID, s.Span, len(d.Article.Text))
		}
	}
	for _, r := range d.Relations {
		if !ents[r.From.ID] || !ents[r.To.ID] {
			return fmt.Errorf("document %s: relation %s %s→%s joins unknown entities", d.Article.ID, r.Type, r.From.Name, r.To.Name)
		}
	}
	return nil
}

// hashID derives a stable ID: a prefix and 16 hex digits of SHA-256 of the key.
func hashID(prefix, key string) string {
	sum := sha256.Sum256([]byte(key))
	return prefix + hex.EncodeToString(sum[:8])
}

// ArticleID derives an article's ID from its canonical URL (or file:// URL).
func ArticleID(canonicalURL string) string { return hashID("ar_", canonicalURL) }

// StatementID derives a statement's ID from its article and evidence span.
func StatementID(articleID string, span [2]int) string {
	return hashID("st_", fmt.Sprintf("%s:%d:%d", articleID, span[0], span[1]))
}

// EntityID derives an entity's ID from its canonical name, so the same name
// yields the same ID in every article.
func EntityID(canonicalName string) string { return hashID("en_", NormalizeName(canonicalName)) }

// ClaimID derives a claim's ID from its key: the sorted concepts of the
// proposition, or whatever language-independent key the extractor chooses.
func ClaimID(key string) string { return hashID("cl_", key) }

// NormalizeName folds a name for matching: Unicode NFKC, lower case,
// punctuation dropped, runs of space collapsed. "The New York Times" and
// "the  new-york times" fold alike.
func NormalizeName(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '&':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}
