package search

import (
	"strings"
	"time"

	"github.com/klaim/klaim"
)

// entity returns an entity of the fixture and its short form.
func entity(name string, kind klaim.EntityKind, aliases ...string) klaim.Entity {
	return klaim.Entity{ID: klaim.EntityID(name), Name: name, Kind: kind, Aliases: aliases}
}

var (
	entNetflix  = entity("Netflix", klaim.KindOrganization)
	entFacebook = entity("Facebook", klaim.KindOrganization, "FB", "Meta")
	entKoos     = entity("Kooswardini Wulandari", klaim.KindPerson, "Koos")
	entNYT      = entity("The New York Times", klaim.KindMedia, "NYT")
	entZuck     = entity("Mark Zuckerberg", klaim.KindPerson, "Zuckerberg")
	entKominfo  = entity("Kementerian Komunikasi dan Informatika", klaim.KindOrganization, "Kominfo")

	claimMessages = klaim.Claim{
		ID:       klaim.ClaimID("c:access c:private_message en_netflix"),
		Text:     "Netflix can access and read Facebook users' private messages",
		Lang:     "en",
		Concepts: []string{"c:access", "c:private_message", entNetflix.ID, entFacebook.ID},
		Subjects: []klaim.EntityRef{entNetflix.Ref(), entFacebook.Ref()},
	}
	claimPartners = klaim.Claim{
		ID:       klaim.ClaimID("c:share c:third_party en_facebook"),
		Text:     "Facebook memberikan akses data pengguna kepada mitra",
		Lang:     "id",
		Concepts: []string{"c:share", "c:third_party", "c:personal_data", entFacebook.ID},
		Subjects: []klaim.EntityRef{entFacebook.Ref()},
	}
	claimBreach = klaim.Claim{
		ID:       klaim.ClaimID("c:apology c:personal_data en_facebook"),
		Text:     "Facebook mishandled the personal data of its users",
		Lang:     "en",
		Concepts: []string{"c:personal_data", entFacebook.ID},
		Subjects: []klaim.EntityRef{entFacebook.Ref()},
	}
	claimHoax = klaim.Claim{
		ID:       klaim.ClaimID("c:election c:hoax"),
		Text:     "Data pemilih pemilu bocor ke pihak ketiga",
		Lang:     "id",
		Concepts: []string{"c:election", "c:personal_data", "c:third_party"},
	}
)

// stmt builds a statement of doc; the span is taken from where the sentence
// occurs in the article text.
func stmt(doc *klaim.Document, speaker klaim.Entity, org *klaim.Entity, stance klaim.Stance, c klaim.Claim, sentence, quote, saidAt string) {
	start := strings.Index(doc.Article.Text, sentence)
	if start < 0 {
		panic("fixture: sentence not in text: " + sentence)
	}
	span := [2]int{start, start + len(sentence)}
	s := klaim.Statement{
		ID:       klaim.StatementID(doc.Article.ID, span),
		Article:  doc.Article.Ref(),
		Speaker:  klaim.SpeakerRef{ID: speaker.ID, Name: speaker.Name, Kind: speaker.Kind},
		Stance:   stance,
		Claim:    c.Ref(),
		Quote:    quote,
		Direct:   quote != sentence,
		Cue:      "said",
		Sentence: sentence,
		Span:     span,
		SaidAt:   saidAt,
		Rebuts:   []string{},
	}
	if org != nil {
		r := org.Ref()
		s.Speaker.Org = &r
	}
	doc.Statements = append(doc.Statements, s)
}

// newDoc builds an article of the fixture with its entities and claims.
func newDoc(url, host, lang, title, published string, sentences []string, ents []klaim.Entity, claims []klaim.Claim) *klaim.Document {
	pub, _ := time.Parse(time.DateOnly, published)
	a := klaim.Article{
		ID: klaim.ArticleID(url), URL: url, Title: title, Lang: lang, Published: pub,
		Site: klaim.Site{Host: host}, Text: strings.Join(sentences, " "),
	}
	return &klaim.Document{Article: a, Entities: ents, Claims: claims}
}

// Sentences of the fixture's articles.
const (
	viva1  = "Netflix membantah bisa mengakses pesan pribadi pengguna Facebook."
	viva2  = `"Kami sama sekali tidak pernah mengakses pesan pribadi pengguna," kata Kooswardini Wulandari.`
	viva3  = "Facebook mengakui memberikan akses data pengguna kepada mitra."
	nyt1   = "Facebook gave Netflix and Spotify the ability to read users' private messages, The New York Times reported."
	nyt2   = "Netflix denied that it had ever accessed people's private messages."
	verge  = "Mark Zuckerberg apologized for the way Facebook handled the personal data of its users."
	kompas = "Kominfo membantah kabar bahwa data pemilih pemilu bocor ke pihak ketiga."
)

// fixture returns four articles: two Indonesian, two English, sharing claims.
func fixture() []*klaim.Document {
	viva := newDoc("https://www.viva.co.id/netflix", "viva.co.id", "id",
		"Netflix Bantah Bisa Akses Pesan Pribadi Pengguna Facebook", "2018-12-19",
		[]string{viva1, viva2, viva3},
		[]klaim.Entity{entNetflix, entFacebook, entKoos}, []klaim.Claim{claimMessages, claimPartners})
	stmt(viva, entNetflix, nil, klaim.StanceDeny, claimMessages, viva1, viva1, "")
	stmt(viva, entKoos, &entNetflix, klaim.StanceDeny, claimMessages, viva2,
		"Kami sama sekali tidak pernah mengakses pesan pribadi pengguna", "2018-12-19")
	stmt(viva, entFacebook, nil, klaim.StanceAdmit, claimPartners, viva3, viva3, "")

	nyt := newDoc("https://www.nytimes.com/facebook-privacy", "nytimes.com", "en",
		"As Facebook Raised a Privacy Wall, It Carved an Opening for Tech Giants", "2018-12-18",
		[]string{nyt1, nyt2},
		[]klaim.Entity{entNetflix, entFacebook, entNYT}, []klaim.Claim{claimMessages})
	stmt(nyt, entNYT, nil, klaim.StanceClaim, claimMessages, nyt1, nyt1, "2018-12-18")
	stmt(nyt, entNetflix, nil, klaim.StanceDeny, claimMessages, nyt2, nyt2, "2018-12-18")

	vg := newDoc("https://www.theverge.com/zuckerberg-sorry", "theverge.com", "en",
		"Zuckerberg apologizes", "2019-04-10", []string{verge},
		[]klaim.Entity{entZuck, entFacebook}, []klaim.Claim{claimBreach})
	stmt(vg, entZuck, &entFacebook, klaim.StanceApologize, claimBreach, verge, verge, "2019-04")

	kp := newDoc("https://nasional.kompas.com/hoaks-pemilu", "kompas.com", "id",
		"Kominfo Bantah Data Pemilih Bocor", "2019-03-02", []string{kompas},
		[]klaim.Entity{entKominfo}, []klaim.Claim{claimHoax})
	stmt(kp, entKominfo, nil, klaim.StanceDeny, claimHoax, kompas, kompas, "2019-03-01")
	return []*klaim.Document{viva, nyt, vg, kp}
}
