package web

import (
	"fmt"
	"strings"
	"testing"

	"github.com/klaim/klaim"
)

// The fixture: the Netflix private-messages story of the bundled samples, in
// three articles, plus one hostile article whose fields try markup injection.
var (
	entNYT      = klaim.Entity{ID: "en_nyt", Name: "The New York Times", Kind: klaim.KindMedia, Aliases: []string{"NYT"}}
	entNetflix  = klaim.Entity{ID: "en_netflix", Name: "Netflix", Kind: klaim.KindOrganization, Aliases: []string{"Netflix Inc."}}
	entKoos     = klaim.Entity{ID: "en_koos", Name: "Kooswardini Wulandari", Kind: klaim.KindPerson}
	entFacebook = klaim.Entity{ID: "en_fb", Name: "Facebook", Kind: klaim.KindOrganization, Aliases: []string{"FB"}}
	entMeta     = klaim.Entity{ID: "en_meta", Name: "Meta Platforms", Kind: klaim.KindOrganization}
	entZuck     = klaim.Entity{ID: "en_zuck", Name: "Mark Zuckerberg", Kind: klaim.KindPerson}
	entHacker   = klaim.Entity{ID: "en_hacker", Name: `Evil "Hacker" <b>`, Kind: klaim.KindPerson}

	claimPM   = klaim.Claim{ID: "cl_pm", Text: "Netflix can read Facebook users' private messages", Lang: "en", Subjects: []klaim.EntityRef{entNetflix.Ref(), entFacebook.Ref()}}
	claimData = klaim.Claim{ID: "cl_data", Text: "Facebook shared user data with partners", Lang: "en", Subjects: []klaim.EntityRef{entFacebook.Ref()}}
	claimXSS  = klaim.Claim{ID: "cl_xss", Text: "<img src=x onerror=alert(1)> is harmless"}

	worksFor = klaim.Relation{Type: klaim.RelWorksFor, From: entKoos.Ref(), To: entNetflix.Ref(), Role: "Director of Communications"}
	ceo      = klaim.Relation{Type: klaim.RelWorksFor, From: entZuck.Ref(), To: entFacebook.Ref(), Role: "CEO"}
	parent   = klaim.Relation{Type: klaim.RelParentOf, From: entMeta.Ref(), To: entFacebook.Ref()}
)

const xssQuote = `<script>alert("xss")</script> trust me`

// stmt builds a statement of a document whose quote sits in the article text.
func stmt(a *klaim.Article, speaker klaim.Entity, stance klaim.Stance, c klaim.Claim, quote string, subjects ...klaim.EntityRef) klaim.Statement {
	start := strings.Index(a.Text, quote)
	if start < 0 {
		start = len(a.Text)
		a.Text += quote + " "
	}
	span := [2]int{start, start + len(quote)}
	return klaim.Statement{
		ID: klaim.StatementID(a.ID, span), Article: a.Ref(), Stance: stance, Claim: c.Ref(),
		Speaker: klaim.SpeakerRef{ID: speaker.ID, Name: speaker.Name, Kind: speaker.Kind},
		Quote:   quote, Direct: true, Cue: "said", Sentence: quote, Span: span,
		SaidAt: a.Ref().Published, Rebuts: []string{}, Subjects: subjects,
	}
}

func articleOn(s string) (t klaim.Article) {
	t.Published.UnmarshalText([]byte(s + "T00:00:00Z"))
	return t
}

// fixtureDocs returns the fixture's documents.
func fixtureDocs() []klaim.Document {
	nyt := articleOn("2018-12-18")
	nyt.ID, nyt.URL, nyt.Title, nyt.Lang, nyt.Site = "ar_nyt", "https://www.nytimes.com/2018/12/18/technology/facebook-privacy.html", "As Facebook Raised a Privacy Wall, It Carved an Opening for Tech Giants", "en", klaim.Site{Host: "nytimes.com", Name: "The New York Times"}
	sNYT := stmt(&nyt, entNYT, klaim.StanceClaim, claimPM, "Facebook gave Netflix the ability to read users' private messages", entNetflix.Ref(), entFacebook.Ref())
	sNYT2 := stmt(&nyt, entNYT, klaim.StanceClaim, claimData, "Facebook shared data of hundreds of millions of users with partners", entFacebook.Ref())
	sNYT2.Rebuts = nil // as a store may leave it: the API must still answer a list

	viva := articleOn("2018-12-19")
	viva.ID, viva.URL, viva.Title, viva.Lang, viva.Site = "ar_viva", "https://www.viva.co.id/digital/netflix-bantah", "Netflix Bantah Bisa Akses Pesan Pribadi Pengguna Facebook", "id", klaim.Site{Host: "viva.co.id", Name: "VIVA"}
	sKoos := stmt(&viva, entKoos, klaim.StanceDeny, claimPM, "Kami sama sekali tidak pernah mengakses pesan pribadi pengguna Facebook", entNetflix.Ref(), entFacebook.Ref())
	sKoos.Speaker.Role, sKoos.Speaker.Org = "Director of Communications", &klaim.EntityRef{ID: entNetflix.ID, Name: entNetflix.Name}
	sKoos.Rebuts = []string{sNYT.ID}

	fb := articleOn("2018-12-20")
	fb.ID, fb.URL, fb.Title, fb.Lang, fb.Site = "ar_fb", "https://about.fb.com/news/2018/12/private-messages", "Facts About Facebook's Messaging Partnerships", "en", klaim.Site{Host: "fb.com"}
	sFB := stmt(&fb, entFacebook, klaim.StanceAdmit, claimData, "We worked with partners and shared data of users", entFacebook.Ref())
	sZuck := stmt(&fb, entZuck, klaim.StanceApologize, claimData, "I am sorry we did not protect the private data of users", entFacebook.Ref())
	sZuck.Speaker.Role, sZuck.Speaker.Org = "CEO", &klaim.EntityRef{ID: entFacebook.ID, Name: entFacebook.Name}

	evil := articleOn("2019-02-01")
	evil.ID, evil.URL, evil.Title, evil.Lang, evil.Site = "ar_evil", "javascript:alert(1)", `"><script>alert("title")</script>`, "en", klaim.Site{Host: `evil.test"><b>`}
	sEvil := stmt(&evil, entHacker, klaim.StanceClaim, claimXSS, xssQuote)

	return []klaim.Document{
		{Article: nyt, Statements: []klaim.Statement{sNYT, sNYT2}, Entities: []klaim.Entity{entNYT, entNetflix, entFacebook}, Claims: []klaim.Claim{claimPM, claimData}},
		{Article: viva, Statements: []klaim.Statement{sKoos}, Entities: []klaim.Entity{entKoos, entNetflix, entFacebook}, Claims: []klaim.Claim{claimPM}, Relations: []klaim.Relation{worksFor}},
		{Article: fb, Statements: []klaim.Statement{sFB, sZuck}, Entities: []klaim.Entity{entFacebook, entZuck, entMeta}, Claims: []klaim.Claim{claimData}, Relations: []klaim.Relation{ceo, parent}},
		{Article: evil, Statements: []klaim.Statement{sEvil}, Entities: []klaim.Entity{entHacker}, Claims: []klaim.Claim{claimXSS}},
	}
}

// bulkDoc is an article with n statements of one speaker, for paging.
func bulkDoc(n int) klaim.Document {
	a := articleOn("2020-01-01")
	a.ID, a.URL, a.Title, a.Lang, a.Site = "ar_bulk", "https://bulk.test/a", "Bulk", "en", klaim.Site{Host: "bulk.test"}
	c := klaim.Claim{ID: "cl_bulk", Text: "bulk claim"}
	sp := klaim.Entity{ID: "en_bulk", Name: "Bulk Speaker", Kind: klaim.KindPerson}
	d := klaim.Document{Entities: []klaim.Entity{sp}, Claims: []klaim.Claim{c}}
	for i := range n {
		d.Statements = append(d.Statements, stmt(&a, sp, klaim.StanceClaim, c, fmt.Sprintf("repeated bulk quote number %03d.", i)))
	}
	d.Article = a
	return d
}

// fixture is a server over the fixture with its fakes.
type fixture struct {
	srv   *Server
	store *fakeStore
	index *fakeIndex
	ing   *fakeIngester
}

func newFixture(t testing.TB, apiKey string, extra ...klaim.Document) *fixture {
	t.Helper()
	store := newFakeStore(append(fixtureDocs(), extra...)...)
	f := &fixture{store: store, index: &fakeIndex{store: store}, ing: &fakeIngester{store: store}}
	srv, err := New(Config{Store: store, Index: f.index, Ingester: f.ing, APIKey: apiKey})
	if err != nil {
		t.Fatal(err)
	}
	f.srv = srv
	return f
}
