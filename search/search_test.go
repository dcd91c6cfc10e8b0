package search

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/klaim/klaim"
)

// openFixture returns an in-memory index holding the fixture.
func openFixture(t *testing.T) (*Index, []*klaim.Document) {
	t.Helper()
	x, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	docs := fixture()
	for _, d := range docs {
		if err := d.Validate(); err != nil {
			t.Fatalf("fixture: %v", err)
		}
		if err := x.IndexDocument(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return x, docs
}

// quotes returns the first words of each hit's sentence, sorted, for
// comparing result sets.
func sentences(res *klaim.SearchResult) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Statement.Sentence)
	}
	slices.Sort(out)
	return out
}

func sorted(s ...string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestSearch(t *testing.T) {
	x, _ := openFixture(t)
	cases := []struct {
		name string
		q    klaim.SearchQuery
		want []string // sentences, any order
	}{
		// Stemming within a language.
		// Stemming, and a stance word finds every statement of the stance
		// (viva2 denies without the word).
		{"id stem", klaim.SearchQuery{Text: "bantahan", Lang: "id"}, sorted(viva1, viva2, kompas)},
		{"id stem", klaim.SearchQuery{Text: "pemilihnya"}, sorted(kompas)},
		{"en stem", klaim.SearchQuery{Text: "denies", Lang: "en"}, sorted(nyt2)},
		{"en apology", klaim.SearchQuery{Text: "apologizing", Lang: "en"}, sorted(verge)},
		// Across languages, through the glossary, both ways.
		{"id to en", klaim.SearchQuery{Text: "bantah", Lang: "en"}, sorted(nyt2)},
		{"en to id", klaim.SearchQuery{Text: "private messages", Lang: "id"}, sorted(viva1, viva2)},
		{"id to en phrase", klaim.SearchQuery{Text: "pesan pribadi", Lang: "en"}, sorted(nyt1, nyt2)},
		{"en to id apology", klaim.SearchQuery{Text: "apology"}, sorted(verge)},
		// Names, in either language's statements.
		{"speaker name", klaim.SearchQuery{Text: "Kooswardini"}, sorted(viva2)},
		// Filters.
		{"stance deny", klaim.SearchQuery{Stance: klaim.StanceDeny}, sorted(viva1, viva2, nyt2, kompas)},
		{"stance admit", klaim.SearchQuery{Stance: "ADMIT"}, sorted(viva3)},
		{"lang en", klaim.SearchQuery{Lang: "en"}, sorted(nyt1, nyt2, verge)},
		{"speaker id", klaim.SearchQuery{Speaker: entNetflix.ID}, sorted(viva1, nyt2)},
		{"speaker name", klaim.SearchQuery{Speaker: "netflix"}, sorted(viva1, nyt2)},
		{"speaker alias", klaim.SearchQuery{Speaker: "NYT"}, sorted(nyt1)},
		{"entity org of speaker", klaim.SearchQuery{Entity: "Netflix", Lang: "id"}, sorted(viva1, viva2)},
		{"entity subject", klaim.SearchQuery{Entity: entFacebook.ID}, sorted(viva1, viva2, viva3, nyt1, nyt2, verge)},
		{"entity alias", klaim.SearchQuery{Entity: "Kominfo"}, sorted(kompas)},
		{"site", klaim.SearchQuery{Site: "viva.co.id"}, sorted(viva1, viva2, viva3)},
		{"site with www and capitals", klaim.SearchQuery{Site: "WWW.NYTimes.com"}, sorted(nyt1, nyt2)},
		{"from", klaim.SearchQuery{From: day("2019-01-01")}, sorted(verge, kompas)},
		{"to inclusive", klaim.SearchQuery{To: day("2018-12-18")}, sorted(nyt1, nyt2)},
		{"from to", klaim.SearchQuery{From: day("2018-12-19"), To: day("2019-03-01")}, sorted(viva1, viva2, viva3, kompas)},
		{"text and filters", klaim.SearchQuery{Text: "private messages", Stance: klaim.StanceDeny, Speaker: "Netflix"}, sorted(viva1, nyt2)},
		{"nothing", klaim.SearchQuery{Text: "zebra"}, nil},
		{"stop words only", klaim.SearchQuery{Text: "yang"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := x.Search(context.Background(), c.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := sentences(res); !slices.Equal(got, c.want) {
				t.Errorf("Search(%+v) =\n%q\nwant\n%q", c.q, got, c.want)
			}
			if res.Total != len(c.want) {
				t.Errorf("Total = %d, want %d", res.Total, len(c.want))
			}
		})
	}
}

func TestSearchRanking(t *testing.T) {
	x, _ := openFixture(t)
	// The two denials by Netflix come first, the one in the query's
	// language before the other.
	for _, c := range []struct{ query, first, second string }{
		{"Netflix denied private messages", nyt2, viva1},
		{"Netflix membantah pesan pribadi", viva1, nyt2},
	} {
		res, err := x.Search(context.Background(), klaim.SearchQuery{Text: c.query})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) < 2 || res.Hits[0].Statement.Sentence != c.first || res.Hits[1].Statement.Sentence != c.second {
			t.Errorf("%q: hits %q, want %q then %q first", c.query, sentences(res), c.first, c.second)
			continue
		}
		for i := 1; i < len(res.Hits); i++ {
			if res.Hits[i].Score > res.Hits[i-1].Score {
				t.Errorf("%q: hit %d scores %v, more than hit %d (%v)", c.query, i, res.Hits[i].Score, i-1, res.Hits[i-1].Score)
			}
		}
		for _, h := range res.Hits[:2] {
			field, word := fieldTextEN, "<mark>denied</mark>"
			if h.Statement.Sentence == viva1 {
				field, word = fieldTextID, "<mark>membantah</mark>"
			}
			if f := h.Highlights[field]; len(f) == 0 || !strings.Contains(f[0], word) {
				t.Errorf("%q: highlights of %q = %q, want %s in %s", c.query, h.Statement.Sentence, h.Highlights, word, field)
			}
		}
	}
}

// A query naming a stance ranks statements of that stance first.
func TestSearchStanceWords(t *testing.T) {
	x, _ := openFixture(t)
	for _, c := range []struct {
		query  string
		stance klaim.Stance
		n      int // how many hits must have the stance
	}{
		{"Facebook denied", klaim.StanceDeny, 3}, // the 4th denial is not about Facebook
		{"Facebook membantah", klaim.StanceDeny, 3},
		{"Facebook admitted", klaim.StanceAdmit, 1},
		{"Zuckerberg minta maaf", klaim.StanceApologize, 1},
	} {
		res, err := x.Search(context.Background(), klaim.SearchQuery{Text: c.query})
		if err != nil {
			t.Fatal(err)
		}
		for i, h := range res.Hits[:min(c.n, len(res.Hits))] {
			if h.Statement.Stance != c.stance {
				t.Errorf("%q: hit %d is a %s: %q", c.query, i, h.Statement.Stance, h.Statement.Sentence)
			}
		}
	}
}

func TestSearchNewestFirst(t *testing.T) {
	x, _ := openFixture(t)
	res, err := x.Search(context.Background(), klaim.SearchQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var dates []string
	for _, h := range res.Hits {
		d := h.Statement.SaidAt
		if d == "" {
			d = h.Statement.Article.Published
		}
		dates = append(dates, d)
	}
	want := []string{"2019-04", "2019-03-01", "2018-12-19", "2018-12-19", "2018-12-19", "2018-12-18", "2018-12-18"}
	if !slices.Equal(dates, want) {
		t.Errorf("dates of hits = %q, want %q", dates, want)
	}
}

func TestSearchReturnsStatements(t *testing.T) {
	x, docs := openFixture(t)
	want := docs[0].Statements[1]
	res, err := x.Search(context.Background(), klaim.SearchQuery{Text: "Kooswardini"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 {
		t.Fatalf("got %d hits, want 1", len(res.Hits))
	}
	got := res.Hits[0].Statement
	if got.ID != want.ID || got.Quote != want.Quote || got.Speaker.Org == nil || got.Speaker.Org.Name != "Netflix" ||
		got.Article.Site != "viva.co.id" || got.Span != want.Span || got.Claim != want.Claim {
		t.Errorf("hit = %+v, want %+v", got, want)
	}
}

func TestFacets(t *testing.T) {
	x, _ := openFixture(t)
	res, err := x.Search(context.Background(), klaim.SearchQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]int{
		"stance": {"deny": 4, "admit": 1, "apologize": 1, "claim": 1},
		"lang":   {"id": 4, "en": 3},
		"speaker": {"Netflix": 2, "Facebook": 1, "Kementerian Komunikasi dan Informatika": 1,
			"Kooswardini Wulandari": 1, "Mark Zuckerberg": 1, "The New York Times": 1},
		"site": {"viva.co.id": 3, "nytimes.com": 2, "kompas.com": 1, "theverge.com": 1},
		"year": {"2018": 5, "2019": 2},
	}
	for name, w := range want {
		checkFacet(t, name, res.Facets[name], w)
	}
	if len(res.Facets) != len(want) {
		t.Errorf("facets = %v, want keys stance, lang, speaker, site, year", res.Facets)
	}
	// Facets count every match, not only the page.
	res2, err := x.Search(context.Background(), klaim.SearchQuery{Limit: 1, Cursor: res.NextCursor})
	if err != nil {
		t.Fatal(err)
	}
	if res2.Total != 7 {
		t.Errorf("second page: total %d, want 7", res2.Total)
	}
	checkFacet(t, "stance (page 2)", res2.Facets["stance"], want["stance"])
	// And only the matches.
	res3, err := x.Search(context.Background(), klaim.SearchQuery{Text: "pesan pribadi", Lang: "id"})
	if err != nil {
		t.Fatal(err)
	}
	checkFacet(t, "speaker (pesan pribadi)", res3.Facets["speaker"], map[string]int{"Netflix": 1, "Kooswardini Wulandari": 1})
}

// checkFacet compares a facet with the wanted counts; equal counts come in
// no promised order, but counts must not increase.
func checkFacet(t *testing.T, name string, got []klaim.FacetCount, want map[string]int) {
	t.Helper()
	m := map[string]int{}
	for i, c := range got {
		m[c.Value] = c.Count
		if i > 0 && c.Count > got[i-1].Count {
			t.Errorf("facet %s is not by count: %v", name, got)
		}
	}
	if len(m) != len(want) {
		t.Errorf("facet %s = %v, want %v", name, got, want)
		return
	}
	for v, n := range want {
		if m[v] != n {
			t.Errorf("facet %s = %v, want %v", name, got, want)
			return
		}
	}
}

func TestPaging(t *testing.T) {
	x, _ := openFixture(t)
	// Scores are sums of floats whose order follows the index's segments,
	// which merge in the background after indexing: the last bits of a
	// score may differ before and after a merge, and a score cursor is
	// exact. Page once the segments have settled.
	settle(t, x, klaim.SearchQuery{Text: "pesan pribadi Facebook", Limit: 100})
	for _, q := range []klaim.SearchQuery{
		{},                               // newest first
		{Text: "pesan pribadi Facebook"}, // by score
		{Text: "Facebook", Limit: 2},
		{Stance: klaim.StanceDeny, Limit: 3},
	} {
		all, err := x.Search(context.Background(), klaim.SearchQuery{Text: q.Text, Stance: q.Stance, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if q.Limit == 0 {
			q.Limit = 1
		}
		seen := map[string]int{}
		var order []string
		pages := 0
		for {
			res, err := x.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			if len(res.Hits) > q.Limit {
				t.Fatalf("%+v: page of %d hits", q, len(res.Hits))
			}
			for _, h := range res.Hits {
				seen[h.Statement.ID]++
				order = append(order, h.Statement.ID)
			}
			if res.NextCursor == "" {
				break
			}
			q.Cursor = res.NextCursor
			if pages > 50 {
				t.Fatal("paging does not end")
			}
		}
		if len(seen) != all.Total || len(order) != all.Total {
			t.Errorf("%+v: paged through %d hits (%d distinct), want %d", q, len(order), len(seen), all.Total)
		}
		for id, n := range seen {
			if n != 1 {
				t.Errorf("%+v: %s seen %d times", q, id, n)
			}
		}
		var want []string
		for _, h := range all.Hits {
			want = append(want, h.Statement.ID)
		}
		if !slices.Equal(order, want) {
			t.Errorf("%+v: paged order differs from the one-page order", q)
		}
	}
}

func TestLimits(t *testing.T) {
	x, _ := openFixture(t)
	for _, c := range []struct{ limit, want int }{{0, 7}, {-5, 7}, {2, 2}, {1000, 7}} {
		res, err := x.Search(context.Background(), klaim.SearchQuery{Limit: c.limit})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != c.want {
			t.Errorf("Limit %d: %d hits, want %d", c.limit, len(res.Hits), c.want)
		}
	}
}

func TestBadCursor(t *testing.T) {
	x, _ := openFixture(t)
	res, err := x.Search(context.Background(), klaim.SearchQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []klaim.SearchQuery{
		{Cursor: "%%%"},
		{Cursor: "bm90IGpzb24"},                    // "not json"
		{Cursor: "eyJtIjoiZCIsImEiOlsieCJdfQ"},     // one key only
		{Text: "facebook", Cursor: res.NextCursor}, // a date cursor for a text query
	} {
		if _, err := x.Search(context.Background(), c); !errors.Is(err, ErrBadCursor) {
			t.Errorf("Search(%+v) error = %v, want ErrBadCursor", c, err)
		}
		if _, err := x.SearchClaims(context.Background(), c); !errors.Is(err, ErrBadCursor) {
			t.Errorf("SearchClaims(%+v) error = %v, want ErrBadCursor", c, err)
		}
	}
}

func claimIDs(res *klaim.ClaimResult) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Claim.ID)
	}
	slices.Sort(out)
	return out
}

func TestSearchClaims(t *testing.T) {
	x, _ := openFixture(t)
	cases := []struct {
		name string
		q    klaim.SearchQuery
		want []string
	}{
		{"all", klaim.SearchQuery{}, sorted(claimMessages.ID, claimPartners.ID, claimBreach.ID, claimHoax.ID)},
		{"en text", klaim.SearchQuery{Text: "private messages"}, sorted(claimMessages.ID)},
		{"id text finds en claim", klaim.SearchQuery{Text: "pesan pribadi"}, sorted(claimMessages.ID)},
		{"en text finds id claim", klaim.SearchQuery{Text: "election"}, sorted(claimHoax.ID)},
		{"stance of its statements", klaim.SearchQuery{Stance: klaim.StanceAdmit}, sorted(claimPartners.ID)},
		{"speaker", klaim.SearchQuery{Speaker: "Mark Zuckerberg"}, sorted(claimBreach.ID)},
		{"entity subject", klaim.SearchQuery{Entity: "netflix"}, sorted(claimMessages.ID)},
		{"lang of articles", klaim.SearchQuery{Lang: "id", Text: "Netflix"}, sorted(claimMessages.ID)},
		{"from", klaim.SearchQuery{From: day("2019-03-02")}, sorted(claimBreach.ID)},
	}
	for _, c := range cases {
		res, err := x.SearchClaims(context.Background(), c.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := claimIDs(res); !slices.Equal(got, c.want) {
			t.Errorf("%s: SearchClaims(%+v) = %q, want %q", c.name, c.q, got, c.want)
		}
	}
	res, err := x.SearchClaims(context.Background(), klaim.SearchQuery{Text: "Spotify private messages"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].Claim.Text != claimMessages.Text || len(res.Hits[0].Claim.Concepts) != 4 {
		t.Errorf("claim hit = %+v, want the full messages claim", res.Hits)
	}
}

func TestReplaceAndDelete(t *testing.T) {
	x, docs := openFixture(t)
	ctx := context.Background()
	count := func(q klaim.SearchQuery) int {
		t.Helper()
		res, err := x.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	countClaims := func(q klaim.SearchQuery) int {
		t.Helper()
		res, err := x.SearchClaims(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}

	// Indexing the same article again changes nothing.
	if err := x.IndexDocument(ctx, docs[0]); err != nil {
		t.Fatal(err)
	}
	if n := count(klaim.SearchQuery{}); n != 7 {
		t.Fatalf("after re-indexing: %d statements, want 7", n)
	}

	// A new version of viva without the admission: its statement and the
	// claim only it referenced are gone.
	viva := *docs[0]
	viva.Statements = viva.Statements[:2]
	viva.Claims = viva.Claims[:1]
	if err := x.IndexDocument(ctx, &viva); err != nil {
		t.Fatal(err)
	}
	if n := count(klaim.SearchQuery{}); n != 6 {
		t.Errorf("after replacing: %d statements, want 6", n)
	}
	if n := count(klaim.SearchQuery{Stance: klaim.StanceAdmit}); n != 0 {
		t.Errorf("after replacing: %d admissions, want 0", n)
	}
	if n := countClaims(klaim.SearchQuery{Entity: entFacebook.ID, Stance: klaim.StanceAdmit}); n != 0 {
		t.Errorf("after replacing: %d claims admitted, want 0", n)
	}

	// The messages claim is shared by viva and nyt: it survives viva's
	// deletion, without viva's speakers, and goes with nyt's.
	msg := klaim.SearchQuery{Text: "private messages"}
	if err := x.DeleteArticle(ctx, viva.Article.ID); err != nil {
		t.Fatal(err)
	}
	if n := count(klaim.SearchQuery{Lang: "id"}); n != 1 {
		t.Errorf("after deleting viva: %d Indonesian statements, want 1 (kompas)", n)
	}
	if n := countClaims(msg); n != 1 {
		t.Errorf("after deleting viva: %d messages claims, want 1", n)
	}
	if n := countClaims(klaim.SearchQuery{Speaker: entKoos.ID}); n != 0 {
		t.Errorf("after deleting viva: claim still has viva's speaker")
	}
	if n := countClaims(klaim.SearchQuery{Speaker: entNYT.ID}); n != 1 {
		t.Errorf("after deleting viva: claim lost nyt's speaker")
	}
	if err := x.DeleteArticle(ctx, docs[1].Article.ID); err != nil {
		t.Fatal(err)
	}
	if n := countClaims(msg); n != 0 {
		t.Errorf("after deleting viva and nyt: %d messages claims, want 0", n)
	}
	if n := count(klaim.SearchQuery{}); n != 2 {
		t.Errorf("after deleting viva and nyt: %d statements, want 2", n)
	}
	// Deleting what is not there is no error.
	if err := x.DeleteArticle(ctx, "ar_missing"); err != nil {
		t.Error(err)
	}
}

func TestOpenOnDisk(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.IndexDocument(ctx, fixture()[3]); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}

	x, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := x.Search(ctx, klaim.SearchQuery{Text: "pemilu"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 {
		t.Errorf("reopened: %d hits, want 1", res.Total)
	}
	// An index of another layout is refused.
	if err := x.idx.SetInternal(versionKey, []byte("0")); err != nil {
		t.Fatal(err)
	}
	x.Close()
	if _, err := Open(dir); !errors.Is(err, ErrMappingVersion) || !strings.Contains(err.Error(), "reindex") {
		t.Errorf("Open of an old index: %v, want ErrMappingVersion telling to reindex", err)
	}
	x, err = Reset(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	res, err = x.Search(ctx, klaim.SearchQuery{})
	if err != nil || res.Total != 0 {
		t.Errorf("after Reset: %v hits, %v", res, err)
	}
}

func TestAnalyzers(t *testing.T) {
	x, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, c := range []struct {
		analyzer, text string
		want           []string
	}{
		{AnalyzerID, "Netflix membantah bahwa mereka mengakses Pesan-pesan pribadi", []string{"netflix", "bantah", "akses", "pesan", "pesan", "pribad"}},
		{AnalyzerEN, "Netflix denied it had accessed users' messages", []string{"netflix", "deni", "access", "user", "messag"}},
	} {
		a := x.idx.Mapping().AnalyzerNamed(c.analyzer)
		if a == nil {
			t.Fatalf("no analyzer %q", c.analyzer)
		}
		toks := a.Analyze([]byte(c.text))
		var got []string
		for _, tok := range toks {
			got = append(got, string(tok.Term))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s(%q) = %q, want %q", c.analyzer, c.text, got, c.want)
		}
	}
}

func TestIndexDocuments(t *testing.T) {
	x, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	ctx := context.Background()
	totals := func() (statements, claims, admits int) {
		t.Helper()
		res, err := x.Search(ctx, klaim.SearchQuery{})
		if err != nil {
			t.Fatal(err)
		}
		adm, err := x.Search(ctx, klaim.SearchQuery{Stance: klaim.StanceAdmit})
		if err != nil {
			t.Fatal(err)
		}
		cl, err := x.SearchClaims(ctx, klaim.SearchQuery{})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total, cl.Total, adm.Total
	}

	// A later version of an article in the same batch wins.
	docs := fixture()
	viva := *docs[0]
	viva.Statements = viva.Statements[:2]
	viva.Claims = viva.Claims[:1]
	if err := x.IndexDocuments(ctx, append(docs, &viva)); err != nil {
		t.Fatal(err)
	}
	if s, c, a := totals(); s != 6 || c != 3 || a != 0 {
		t.Errorf("batch with a newer viva: %d statements, %d claims, %d admissions; want 6, 3, 0", s, c, a)
	}
	// Indexing the batch again replaces, without duplicates.
	if err := x.IndexDocuments(ctx, fixture()); err != nil {
		t.Fatal(err)
	}
	if s, c, a := totals(); s != 7 || c != 4 || a != 1 {
		t.Errorf("batch again: %d statements, %d claims, %d admissions; want 7, 4, 1", s, c, a)
	}
	// The shared claim knows the speakers of both articles.
	res, err := x.SearchClaims(ctx, klaim.SearchQuery{Speaker: "Kooswardini Wulandari"})
	if err != nil {
		t.Fatal(err)
	}
	res2, err := x.SearchClaims(ctx, klaim.SearchQuery{Speaker: "The New York Times"})
	if err != nil {
		t.Fatal(err)
	}
	if claimIDs(res)[0] != claimMessages.ID || len(res2.Hits) != 1 || res2.Hits[0].Claim.ID != claimMessages.ID {
		t.Errorf("shared claim by speaker: %q and %q, want the messages claim twice", claimIDs(res), claimIDs(res2))
	}
}

func TestConcurrentWriters(t *testing.T) {
	x, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	ctx := context.Background()
	// viva and nyt share the messages claim: writing them at once must
	// leave both articles' uses on it.
	docs := fixture()
	errs := make(chan error, len(docs))
	for _, d := range docs {
		go func() { errs <- x.IndexDocument(ctx, d) }()
	}
	for range docs {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	for _, sp := range []string{entKoos.ID, entNYT.ID} {
		res, err := x.SearchClaims(ctx, klaim.SearchQuery{Speaker: sp})
		if err != nil {
			t.Fatal(err)
		}
		if got := claimIDs(res); !slices.Equal(got, []string{claimMessages.ID}) {
			t.Errorf("claims of speaker %s = %q, want the messages claim", sp, got)
		}
	}
}

func TestOpenBusy(t *testing.T) {
	defer func(old string) { boltTimeout = old }(boltTimeout)
	boltTimeout = "100ms"
	dir := t.TempDir()
	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	// bolt's lock holds between two opens in one process as between two
	// processes.
	if y, err := Open(dir); err == nil {
		y.Close()
		t.Fatal("second Open of a busy index succeeded")
	} else if !errors.Is(err, bolt.ErrTimeout) || !strings.Contains(err.Error(), "another klaim") {
		t.Errorf("second Open: %v, want it to say another klaim may hold the index", err)
	}
}

// A statement may name a claim its document does not carry (Validate
// refuses it, but the index should not care): the claim the index has keeps
// the article's use, and an unknown claim is no error.
func TestStatementWithoutItsClaim(t *testing.T) {
	x, docs := openFixture(t)
	ctx := context.Background()
	viva := *docs[0]
	viva.Claims = nil // its statements still name the messages and partners claims
	if err := x.IndexDocument(ctx, &viva); err != nil {
		t.Fatal(err)
	}
	if err := x.DeleteArticle(ctx, docs[1].Article.ID); err != nil { // nyt
		t.Fatal(err)
	}
	for _, c := range []struct{ speaker, claim string }{{entKoos.ID, claimMessages.ID}, {entFacebook.ID, claimPartners.ID}} {
		res, err := x.SearchClaims(ctx, klaim.SearchQuery{Speaker: c.speaker})
		if err != nil {
			t.Fatal(err)
		}
		if got := claimIDs(res); !slices.Equal(got, []string{c.claim}) {
			t.Errorf("claims of speaker %s = %q, want %s", c.speaker, got, c.claim)
		}
	}
	orphan := *docs[3]
	orphan.Claims = nil
	orphan.Article.ID = "ar_orphan"
	for i := range orphan.Statements {
		orphan.Statements[i].ID += "_orphan"
		orphan.Statements[i].Claim.ID = "cl_unknown"
	}
	if err := x.IndexDocument(ctx, &orphan); err != nil {
		t.Fatal(err)
	}
}

// An article with no site, language or date (a local .txt file) adds no
// empty facet values, and is searched in both languages.
func TestUnknownSiteLangDate(t *testing.T) {
	x, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	ctx := context.Background()
	d := fixture()[3] // kompas
	d.Article.Site = klaim.Site{}
	d.Article.Lang = ""
	d.Article.Published = time.Time{}
	for i := range d.Statements {
		d.Statements[i].Article = d.Article.Ref()
		d.Statements[i].SaidAt = ""
	}
	if err := x.IndexDocument(ctx, d); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"bantahan", "pemilih"} {
		res, err := x.Search(ctx, klaim.SearchQuery{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 1 {
			t.Errorf("%q: %d hits, want 1", text, res.Total)
		}
		for name, counts := range res.Facets {
			for _, c := range counts {
				if c.Value == "" {
					t.Errorf("facet %s has an empty value: %v", name, counts)
				}
			}
		}
		if len(res.Facets["site"])+len(res.Facets["lang"])+len(res.Facets["year"]) != 0 {
			t.Errorf("facets of an article without site, lang or date: %v", res.Facets)
		}
	}
}

// settle waits, up to two seconds, until the same query gives the same
// scores twice in a row 50 ms apart: the index's background merges are done.
func settle(t *testing.T, x *Index, q klaim.SearchQuery) {
	t.Helper()
	scores := func() []float64 {
		res, err := x.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		var out []float64
		for _, h := range res.Hits {
			out = append(out, h.Score)
		}
		return out
	}
	prev := scores()
	for range 40 {
		time.Sleep(50 * time.Millisecond)
		cur := scores()
		if slices.Equal(prev, cur) {
			return
		}
		prev = cur
	}
}
