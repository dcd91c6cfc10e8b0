package claims

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/klaim/klaim"
)

func TestRelations(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string // "type from→to (role)"
	}{
		{"role org, person", "id", `VP Product Partnership Facebook, Ime Archibong menyatakan kerja sama itu eksperimental.`,
			[]string{"works_for Ime Archibong→Facebook (VP Product Partnership)"}},
		{"lowercase role", "id", `Direktur komunikasi Meta, Andy Stone, membantah laporan itu.`,
			[]string{"works_for Andy Stone→Meta (Direktur komunikasi)"}},
		{"person, a org role", "en", `"It is false," said Andy Stone, a Meta spokesman.`,
			[]string{"works_for Andy Stone→Meta (spokesman)"}},
		{"possessive role", "en", `Meta's communications director Andy Stone said the report was wrong.`,
			[]string{"works_for Andy Stone→Meta (communications director)"}},
		{"founder", "id", "Twitter kembali bermasalah.\n\nPerusahaan yang didirikan Jack Dorsey itu mengatakan masalah sudah diperbaiki.",
			[]string{"works_for Jack Dorsey→Twitter (founder)"}},
		{"founded by", "en", `Twitter, founded by Jack Dorsey, said the problem was fixed.`,
			[]string{"works_for Jack Dorsey→Twitter (founder)"}},
		{"induk", "id", `Gugatan itu diajukan terhadap induk Facebook, Meta.`,
			[]string{"parent_of Meta→Facebook (parent company)"}},
		{"parent company", "en", `Facebook's parent company, Meta, denied the claims.`,
			[]string{"parent_of Meta→Facebook (parent company)"}},
		{"described parent", "id", "FTC menjatuhkan denda kepada Facebook.\n\nFTC menghukum perusahaan induk dari WhatsApp dan Instagram itu.",
			[]string{"parent_of Facebook→Instagram (parent company)", "parent_of Facebook→WhatsApp (parent company)"}},
		{"owner", "id", `Klaim itu beredar setelah pemilik X, Elon Musk, menjawab "Wow".`,
			[]string{"works_for Elon Musk→Twitter (pemilik)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := extract(t, article(tt.lang, tt.name, tt.text))
			var got []string
			for _, r := range doc.Relations {
				got = append(got, string(r.Type)+" "+r.From.Name+"→"+r.To.Name+" ("+r.Role+")")
			}
			sort.Strings(got)
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("relations = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSpeakerRole(t *testing.T) {
	doc := extract(t, article("id", "role", `Menurut Corporate Communication Manager Netflix, Kooswardini Wulandari, fitur itu tidak populer.`))
	if len(doc.Statements) != 1 {
		t.Fatalf("got %d statements, want 1", len(doc.Statements))
	}
	sp := doc.Statements[0].Speaker
	if sp.Name != "Kooswardini Wulandari" || sp.Kind != klaim.KindPerson || sp.Role != "Corporate Communication Manager" || sp.Org == nil || sp.Org.Name != "Netflix" {
		t.Errorf("speaker = %+v (org %v)", sp, sp.Org)
	}
}

func TestSaidAt(t *testing.T) {
	tests := []struct {
		name, lang, text, want string
	}{
		{"full date", "id", `"Itu tidak benar," kata Budi Hartono, Rabu, 19 Desember 2018.`, "2018-12-19"},
		{"slash date", "id", `Twitter pada Kamis (10/10/2019) mengatakan data sudah aman.`, "2019-10-10"},
		{"year", "id", `The New York Times telah melaporkan hal itu pada tahun 2018.`, "2018"},
		{"weekday", "en", `Andy Stone said on Tuesday that the claim was false.`, "2024-04-02"},
		{"english date", "en", `Google said on March 5, 2023 that it would appeal.`, "2023-03-05"},
		{"since is not said", "id", `Telkom mengatakan masalah diperbaiki sejak 17 September 2019.`, "2024-04-03"},
		{"none: article date", "en", `Google said it would appeal.`, "2024-04-03"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := extract(t, article(tt.lang, tt.name, tt.text))
			if len(doc.Statements) == 0 {
				t.Fatal("no statement")
			}
			if got := doc.Statements[0].SaidAt; got != tt.want {
				t.Errorf("said_at = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestNestedRebuts checks "X membantah laporan Y bahwa P": Y's claim, X's
// denial, one claim ID, and the denial rebutting the report.
func TestNestedRebuts(t *testing.T) {
	doc := extract(t, article("id", "nested", `Netflix membantah laporan New York Times bahwa mereka dapat membaca pesan pribadi pengguna Facebook.`))
	var deny, claim *klaim.Statement
	for i := range doc.Statements {
		s := &doc.Statements[i]
		switch s.Stance {
		case klaim.StanceDeny:
			deny = s
		case klaim.StanceClaim:
			claim = s
		}
	}
	if deny == nil || claim == nil {
		t.Fatalf("want a denial and a claim, got %q", pairs(doc))
	}
	if deny.Speaker.Name != "Netflix" || claim.Speaker.Name != "The New York Times" {
		t.Errorf("speakers = %q, %q", deny.Speaker.Name, claim.Speaker.Name)
	}
	if deny.Claim.ID != claim.Claim.ID {
		t.Errorf("claim ids differ: %s, %s", deny.Claim.ID, claim.Claim.ID)
	}
	if len(deny.Rebuts) != 1 || deny.Rebuts[0] != claim.ID {
		t.Errorf("rebuts = %v, want [%s]", deny.Rebuts, claim.ID)
	}
	if !strings.Contains(claim.Claim.Text, "membaca pesan pribadi") {
		t.Errorf("claim text = %q", claim.Claim.Text)
	}
}

// memFinder is an in-memory ClaimFinder: every claim of every document it
// was given, as the store keeps them.
type memFinder struct{ claims []klaim.Claim }

func (m *memFinder) SimilarClaims(_ context.Context, concepts []string, limit int) ([]klaim.Claim, error) {
	want := set(concepts)
	var out []klaim.Claim
	for _, c := range m.claims {
		for _, k := range c.Concepts {
			if want[k] {
				out = append(out, c)
				break
			}
		}
	}
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// TestClaimAcrossLanguages checks that the same denial reported in
// Indonesian and in English gets one claim ID, and that ingesting an article
// again gives the same IDs.
func TestClaimAcrossLanguages(t *testing.T) {
	x := extractor(t)
	f := &memFinder{}
	id := article("id", "Meta membantah", `Meta membantah bahwa Netflix dapat membaca pesan pribadi pengguna Facebook.`)
	en := article("en", "Meta denies", `Meta denied that Netflix could read the private messages of Facebook users.`)
	d1, err := x.Extract(context.Background(), id, f)
	if err != nil {
		t.Fatal(err)
	}
	f.claims = append(f.claims, d1.Claims...)
	d2, err := x.Extract(context.Background(), en, f)
	if err != nil {
		t.Fatal(err)
	}
	f.claims = append(f.claims, d2.Claims...)
	if len(d1.Statements) != 1 || len(d2.Statements) != 1 {
		t.Fatalf("statements: %d and %d, want 1 and 1", len(d1.Statements), len(d2.Statements))
	}
	if a, b := d1.Statements[0].Claim.ID, d2.Statements[0].Claim.ID; a != b {
		t.Errorf("claim ids differ across languages: %s (%v) and %s (%v)", a, d1.Claims[0].Concepts, b, d2.Claims[0].Concepts)
	}
	again, err := x.Extract(context.Background(), id, f)
	if err != nil {
		t.Fatal(err)
	}
	if again.Statements[0].ID != d1.Statements[0].ID || again.Statements[0].Claim.ID != d1.Statements[0].Claim.ID {
		t.Errorf("re-ingest changed ids: %s/%s, was %s/%s", again.Statements[0].ID, again.Statements[0].Claim.ID, d1.Statements[0].ID, d1.Statements[0].Claim.ID)
	}
}

// TestUnrelatedClaimsApart checks that claims about different things get
// different IDs.
func TestUnrelatedClaimsApart(t *testing.T) {
	doc := extract(t, article("en", "two", "Twitter said phone numbers were used for advertising.\n\nPersija said the match would be played behind closed doors."))
	if len(doc.Statements) != 2 {
		t.Fatalf("got %d statements, want 2", len(doc.Statements))
	}
	if doc.Statements[0].Claim.ID == doc.Statements[1].Claim.ID {
		t.Errorf("unrelated statements share claim %s", doc.Statements[0].Claim.ID)
	}
}

// TestHostile feeds text without punctuation, with unbalanced quotes, mixed
// scripts and a 1 MB paragraph: the extractor must finish and give a valid
// document.
func TestHostile(t *testing.T) {
	big := strings.Repeat("Kata Budi “tidak benar kata Ani bahwa Meta membantah laporan Reuters ", 1<<20/70)
	inputs := map[string]string{
		"no punctuation": strings.Repeat("kata dia bahwa mereka membantah ", 2000),
		"unbalanced":     strings.Repeat("\"Itu tidak benar, kata Budi. « ‘ “ ", 500),
		"mixed scripts":  "Путин сказал “это неправда,” kata 習近平 dan مرحبا said Joko Widodo.\n\n\x00\xff\xfe",
		"one megabyte":   big,
		"only quotes":    strings.Repeat("\u201c\u201d\"'\u2018\u2019", 1000),
		"empty":          "",
		"newlines":       strings.Repeat("\n", 1000),
		"acronym names":  strings.Repeat("Ketua Aaaaaaaaaa Aaaaaaaaaa dan Aaaaaaaaaa Aaaaaaaaaa Aaaaaaaaaa Aaaaaaaaaa (AAAAAAAAAAB) Budi mengatakan ", 3000),
	}
	for name, text := range inputs {
		t.Run(name, func(t *testing.T) {
			doc := extract(t, article("", name, text))
			if err := doc.Validate(); err != nil {
				t.Error(err)
			}
		})
	}
}

// findShared walks up from the package to the folder holding shared/.
func findShared(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		for _, c := range []string{filepath.Join(dir, "shared"), filepath.Join(dir, "..", "shared")} {
			if st, err := os.Stat(filepath.Join(c, "seeds")); err == nil && st.IsDir() {
				return c
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("shared/ (the seed articles) not found above the repository; skipping")
		}
		dir = parent
	}
}

// readTxt reads a .txt article: the first non-empty line is the title.
func readTxt(t testing.TB, path string) *klaim.Article {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.TrimLeft(string(b), " \r\n\t")
	title, body, _ := strings.Cut(s, "\n")
	u := "file://" + path
	return &klaim.Article{ID: klaim.ArticleID(u), URL: u, Title: strings.TrimSpace(title), Text: strings.TrimLeft(body, "\r\n"), Published: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)}
}

// TestSeeds checks the seed articles keep their main statements.
func TestSeeds(t *testing.T) {
	dir := filepath.Join(findShared(t), "seeds")
	want := map[string][]string{
		"001_f25978199623f600.txt": {"Netflix/deny", "The New York Times/claim", "Kooswardini Wulandari/deny", "Kooswardini Wulandari/admit"},
		"004_bb584225da95c51b.txt": {"Twitter/apologize", "Twitter/admit", "Twitter/deny"},
		"003_d4595305f3d1298d.txt": {"Facebook/admit", "Facebook/deny", "The Washington Post/claim", "Federal Trade Commission/claim"},
	}
	for file, pairsWant := range want {
		doc := extract(t, readTxt(t, filepath.Join(dir, file)))
		got := strings.Join(pairs(doc), ",")
		for _, p := range pairsWant {
			if !strings.Contains(got, p) {
				t.Errorf("%s: missing %s in %s", file, p, got)
			}
		}
	}
}

// TestArticles scores the extractor on short articles of both languages
// (politics, sport, business) written for these tests: pairs F1 of distinct
// speaker/stance pairs per article must reach 0.8 in each language, the
// acceptance bar of the held-out set.
func TestArticles(t *testing.T) {
	dir := filepath.Join("testdata", "articles")
	b, err := os.ReadFile(filepath.Join(dir, "expected.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		file, pair, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad line %q", line)
		}
		if want[file] == nil {
			want[file] = map[string]bool{}
		}
		want[file][pair] = true
	}
	type counts struct{ tp, fp, fn int }
	byLang := map[string]*counts{"id": {}, "en": {}}
	for file, w := range want {
		a := readTxt(t, filepath.Join(dir, file))
		a.Lang = file[:2]
		doc := extract(t, a)
		c := byLang[a.Lang]
		got := map[string]bool{}
		for _, p := range pairs(doc) {
			got[p] = true
			if w[p] {
				c.tp++
			} else {
				c.fp++
				t.Logf("%s: extra %s", file, p)
			}
		}
		for p := range w {
			if !got[p] {
				c.fn++
				t.Logf("%s: missed %s", file, p)
			}
		}
	}
	for lang, c := range byLang {
		f1 := 2 * float64(c.tp) / float64(2*c.tp+c.fp+c.fn)
		t.Logf("%s: tp=%d fp=%d fn=%d F1=%.2f", lang, c.tp, c.fp, c.fn, f1)
		if f1 < 0.8 {
			t.Errorf("%s: pairs F1 %.2f < 0.80", lang, f1)
		}
	}
}

// TestContradictingClaimsApart checks that a speaker's denial and admission
// in one article, whose concepts are alike, stay two claims: with no store,
// and when a stored claim matches both.
func TestContradictingClaimsApart(t *testing.T) {
	x := extractor(t)
	text := "Meta membantah bahwa Netflix dapat membaca pesan pribadi pengguna Facebook.\n\n" +
		"Namun Meta mengakui Netflix memiliki akses ke pesan pribadi pengguna Facebook."
	f := &memFinder{}
	earlier := article("id", "NYT", "New York Times melaporkan Netflix dapat membaca dan mengakses pesan pribadi pengguna Facebook.")
	d0, err := x.Extract(context.Background(), earlier, f)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		f    ClaimFinder
	}{{"no store", nil}, {"store", &memFinder{claims: d0.Claims}}} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := x.Extract(context.Background(), article("id", "Meta", text), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var deny, admit string
			for _, s := range doc.Statements {
				switch s.Stance {
				case klaim.StanceDeny:
					deny = s.Claim.ID
				case klaim.StanceAdmit:
					admit = s.Claim.ID
				}
			}
			if deny == "" || admit == "" {
				t.Fatalf("want a denial and an admission, got %+v", doc.Statements)
			}
			if deny == admit {
				t.Errorf("Meta's denial and admission share claim %s", deny)
			}
			if tt.f != nil && deny != d0.Claims[0].ID {
				t.Errorf("the denial should answer the stored report %s, got %s", d0.Claims[0].ID, deny)
			}
		})
	}
}

// TestEquallySimilarClaims checks that of two stored claims as similar as
// each other to a new one, the claim more articles discuss is chosen.
func TestEquallySimilarClaims(t *testing.T) {
	x := extractor(t)
	a := article("en", "deny", "Meta denied that Netflix could read the private messages of Facebook users.")
	doc, err := x.Extract(context.Background(), a, nil)
	if err != nil {
		t.Fatal(err)
	}
	conc := doc.Claims[0].Concepts
	f := &memFinder{claims: []klaim.Claim{
		{ID: "cl_0000000000000001", Text: "a side remark", Concepts: conc, Articles: 1},
		{ID: "cl_0000000000000002", Text: "the story", Concepts: conc, Articles: 3},
	}}
	doc, err = x.Extract(context.Background(), a, f)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Statements[0].Claim.ID; got != "cl_0000000000000002" {
		t.Errorf("claim %s, want the one three articles discuss", got)
	}
}
