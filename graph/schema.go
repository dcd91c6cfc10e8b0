package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"
	gojson "github.com/goccy/go-json"

	"github.com/klaim/klaim"
)

// SchemaVersion changes whenever the quads a document produces change shape;
// a graph written by another version must be rebuilt (re-ingested).
const SchemaVersion = 4

// ns prefixes every node and predicate IRI klaim writes.
const ns = "urn:klaim:"

// node returns the IRI of an article, statement, entity, claim or relation ID.
func node(id string) quad.IRI { return quad.IRI(ns + id) }

// idOf returns the ID of a node IRI written by node, or "" for anything else.
func idOf(v quad.Value) string {
	iri, ok := v.(quad.IRI)
	if !ok || len(iri) <= len(ns) || string(iri[:len(ns)]) != ns {
		return ""
	}
	return string(iri[len(ns):])
}

// Predicates and types. Each node's full record is the JSON literal of its
// json edge, so one lookup hydrates it; the other edges exist for the scans
// that answer queries (and for readers of the N-Quads export).
var (
	pType     = quad.IRI(ns + "type")
	pJSON     = quad.IRI(ns + "json")
	pArticle  = quad.IRI(ns + "article")  // statement → article
	pSpeaker  = quad.IRI(ns + "speaker")  // statement → entity
	pClaim    = quad.IRI(ns + "claim")    // statement → claim
	pSubject  = quad.IRI(ns + "subject")  // statement → entity it is about
	pAbout    = quad.IRI(ns + "about")    // claim → entity it is about
	pStance   = quad.IRI(ns + "stance")   // statement → "deny"
	pRebuts   = quad.IRI(ns + "rebuts")   // statement → statement of the same article
	pLang     = quad.IRI(ns + "lang")     // article → "id"
	pSite     = quad.IRI(ns + "site")     // article → "viva.co.id"
	pAlias    = quad.IRI(ns + "alias")    // entity → folded name or alias
	pConcept  = quad.IRI(ns + "concept")  // claim → "c:private_message" or "en_…"
	pRelation = quad.IRI(ns + "relation") // entity (either end) → relation JSON

	// Statement index edges: from a claim, speaker, subject or article (or
	// the Statement type, for all) to the statement's summary literal.
	pByClaim = quad.IRI(ns + "by_claim")
	// The statements of a claim again, split by what a rebuttal can oppose
	// (see klaim.Stance.Opposes): a denial reads only the assertions and a
	// claim or admission only the denials.
	pByClaimDenial    = quad.IRI(ns + "by_claim_denial")
	pByClaimAssertion = quad.IRI(ns + "by_claim_assertion")
	pBySpeaker        = quad.IRI(ns + "by_speaker")
	pBySubject        = quad.IRI(ns + "by_subject")
	pByArticle        = quad.IRI(ns + "by_article")
	pAll              = quad.IRI(ns + "all")

	tArticle   = quad.IRI(ns + "Article")
	tStatement = quad.IRI(ns + "Statement")
	tEntity    = quad.IRI(ns + "Entity")
	tClaim     = quad.IRI(ns + "Claim")
	tRelation  = quad.IRI(ns + "Relation")
)

// relPredicate is the predicate of the plain entity-to-entity edge of a relation type.
func relPredicate(t klaim.RelationType) quad.IRI { return quad.IRI(ns + string(t)) }

// relationID identifies a relation by what it says, not by the article it was
// read in, so the same relation from two articles counts once.
func relationID(r *klaim.Relation) string {
	sum := sha256.Sum256([]byte(string(r.Type) + "\x00" + r.From.ID + "\x00" + r.To.ID + "\x00" + r.Role))
	return "rl_" + hex.EncodeToString(sum[:8])
}

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }

// jsonUnmarshal decodes with goccy/go-json, 3 to 5 times faster than
// encoding/json on our records (measured on this box): decoding is most of
// the cost of listing statements.
func jsonUnmarshal(data []byte, v any) error { return gojson.Unmarshal(data, v) }

func jsonLiteral(v any) (quad.String, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return quad.String(b), nil
}

// opposedHub returns the claim hub listing the statements a statement of
// stance st may rebut ("" when it rebuts none).
func opposedHub(st klaim.Stance) quad.IRI {
	switch st {
	case klaim.StanceDeny:
		return pByClaimAssertion
	case klaim.StanceClaim, klaim.StanceAdmit:
		return pByClaimDenial
	}
	return ""
}

// A summary is what Statements sorts, filters and pages on and what rebuttals
// are computed from, so that only the statements returned are read in full.
// It is a literal reached from each hub a statement is listed under (claim,
// speaker, subjects, article, all); its fields are separated by \x1f.
//
// It holds every field that decides which hubs list the statement (speaker,
// claim, subjects; the article is in the ID). So while a summary literal
// exists, every hub edge to it is current, and an index key whose summary
// node is gone is dead: kvSummaries checks liveness with the value read alone.
type summary struct {
	date, published, id, speaker string
	stance                       klaim.Stance
	lang, claim                  string
}

const summaryVersion = "s1"

func summaryOf(st *klaim.Statement) string {
	subjects := make([]string, len(st.Subjects))
	for i, e := range st.Subjects {
		subjects[i] = e.ID
	}
	return strings.Join([]string{summaryVersion, statementDate(st), st.Article.Published, st.ID, st.Speaker.ID,
		string(st.Stance), st.Article.Lang, st.Claim.ID, strings.Join(subjects, ",")}, "\x1f")
}

func parseSummary(v string) (summary, error) {
	f := strings.Split(v, "\x1f")
	if len(f) != 9 || f[0] != summaryVersion {
		return summary{}, fmt.Errorf("bad statement summary %q", v)
	}
	return summary{date: f[1], published: f[2], id: f[3], speaker: f[4], stance: klaim.Stance(f[5]), lang: f[6], claim: f[7]}, nil
}

// documentQuads returns the quads that represent doc, each labelled with the
// article node, without duplicates.
func documentQuads(doc *klaim.Document) ([]quad.Quad, error) {
	a := &doc.Article
	label := node(a.ID)
	seen := make(map[quad.Quad]bool)
	var out []quad.Quad
	add := func(s, p, o quad.Value) {
		q := quad.Quad{Subject: s, Predicate: p, Object: o, Label: label}
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	addJSON := func(s quad.Value, v any, what string) error {
		lit, err := jsonLiteral(v)
		if err != nil {
			return fmt.Errorf("encode %s: %w", what, err)
		}
		add(s, pJSON, lit)
		return nil
	}

	if err := addJSON(label, a, "article "+a.ID); err != nil {
		return nil, err
	}
	add(label, pType, tArticle)
	if a.Lang != "" {
		add(label, pLang, quad.String(a.Lang))
	}
	if a.Site.Host != "" {
		add(label, pSite, quad.String(a.Site.Host))
	}

	for i := range doc.Entities {
		e := doc.Entities[i]
		e.Relations = nil // stored as relation edges, merged across articles on read
		n := node(e.ID)
		add(n, pType, tEntity)
		if err := addJSON(n, &e, "entity "+e.ID); err != nil {
			return nil, err
		}
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			if f := klaim.NormalizeName(name); f != "" {
				add(n, pAlias, quad.String(f))
			}
		}
	}

	for i := range doc.Claims {
		c := &doc.Claims[i]
		n := node(c.ID)
		add(n, pType, tClaim)
		if err := addJSON(n, c, "claim "+c.ID); err != nil {
			return nil, err
		}
		for _, k := range c.Concepts {
			add(n, pConcept, quad.String(k))
		}
		for _, e := range c.Subjects {
			add(n, pAbout, node(e.ID))
		}
	}

	ref := a.Ref()
	for i := range doc.Statements {
		st := doc.Statements[i]
		st.Article = ref // one article ref for all, whatever the extractor filled in
		n := node(st.ID)
		add(n, pType, tStatement)
		if err := addJSON(n, &st, "statement "+st.ID); err != nil {
			return nil, err
		}
		sum := quad.String(summaryOf(&st))
		add(tStatement, pAll, sum)
		add(node(st.Claim.ID), pByClaim, sum)
		// Listed under the hub that the statements opposing it read.
		switch st.Stance {
		case klaim.StanceDeny:
			add(node(st.Claim.ID), pByClaimDenial, sum)
		case klaim.StanceClaim, klaim.StanceAdmit:
			add(node(st.Claim.ID), pByClaimAssertion, sum)
		}
		add(node(st.Speaker.ID), pBySpeaker, sum)
		add(label, pByArticle, sum)
		for _, e := range st.Subjects {
			add(node(e.ID), pBySubject, sum)
		}
		add(n, pArticle, label)
		add(n, pSpeaker, node(st.Speaker.ID))
		add(n, pClaim, node(st.Claim.ID))
		add(n, pStance, quad.String(st.Stance))
		for _, e := range st.Subjects {
			add(n, pSubject, node(e.ID))
		}
		for _, r := range st.Rebuts {
			add(n, pRebuts, node(r))
		}
	}

	for i := range doc.Relations {
		r := doc.Relations[i]
		// Without the article, the same relation read in several articles
		// is one literal: reads meet it once. The evidence article is the
		// label of the quad that carries it.
		r.Article = ""
		rel := node(relationID(&r))
		add(rel, pType, tRelation)
		add(node(r.From.ID), relPredicate(r.Type), node(r.To.ID))
		lit, err := jsonLiteral(&r)
		if err != nil {
			return nil, fmt.Errorf("encode relation %s: %w", rel, err)
		}
		add(node(r.From.ID), pRelation, lit)
		add(node(r.To.ID), pRelation, lit)
	}
	return out, nil
}
