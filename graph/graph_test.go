package graph

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"

	"github.com/klaim/klaim"
)

// docBuilder assembles a valid document for tests.
type docBuilder struct {
	doc  klaim.Document
	next int // span of the next statement, in tens of bytes
}

func newDoc(url, lang, published string) *docBuilder {
	a := klaim.Article{ID: klaim.ArticleID(url), URL: url, Title: "Article " + url, Lang: lang,
		Site: klaim.Site{Host: "example.org"}, Text: strings.Repeat("Lorem ipsum dolor sit amet. ", 20)}
	if published != "" {
		a.Published, _ = time.Parse(time.DateOnly, published)
	}
	return &docBuilder{doc: klaim.Document{Article: a}}
}

func (b *docBuilder) entity(name string, kind klaim.EntityKind, aliases ...string) klaim.EntityRef {
	id := klaim.EntityID(name)
	for _, e := range b.doc.Entities {
		if e.ID == id {
			return e.Ref()
		}
	}
	b.doc.Entities = append(b.doc.Entities, klaim.Entity{ID: id, Name: name, Kind: kind, Aliases: aliases})
	return klaim.EntityRef{ID: id, Name: name}
}

func (b *docBuilder) claim(text string, concepts ...string) klaim.ClaimRef {
	c := klaim.Claim{ID: klaim.ClaimID(strings.Join(concepts, "|")), Text: text, Lang: b.doc.Article.Lang, Concepts: concepts}
	for _, x := range b.doc.Claims {
		if x.ID == c.ID {
			return c.Ref()
		}
	}
	b.doc.Claims = append(b.doc.Claims, c)
	return c.Ref()
}

// statement adds a statement at the next span and returns its ID.
func (b *docBuilder) statement(speaker klaim.EntityRef, stance klaim.Stance, c klaim.ClaimRef, saidAt string, subjects ...klaim.EntityRef) string {
	n := b.next
	b.next++
	span := [2]int{n * 10, n*10 + 5}
	st := klaim.Statement{
		ID: klaim.StatementID(b.doc.Article.ID, span), Article: b.doc.Article.Ref(),
		Speaker: klaim.SpeakerRef{ID: speaker.ID, Name: speaker.Name, Kind: klaim.KindPerson},
		Stance:  stance, Claim: c, Quote: fmt.Sprintf("quote %d", n), Cue: "said", Span: span,
		SaidAt: saidAt, Rebuts: []string{}, Subjects: subjects,
	}
	b.doc.Statements = append(b.doc.Statements, st)
	return st.ID
}

func (b *docBuilder) relation(t klaim.RelationType, from, to klaim.EntityRef, role string) {
	b.doc.Relations = append(b.doc.Relations, klaim.Relation{Type: t, From: from, To: to, Role: role, Article: b.doc.Article.ID})
}

// backends lists the stores the suite runs on: memory, bolt in a temporary
// directory, and PostgreSQL when KLAIM_TEST_POSTGRES is set.
func backends(t *testing.T) map[string]func(t *testing.T) *Store {
	return map[string]func(t *testing.T) *Store{
		"memstore": func(t *testing.T) *Store { return mustOpen(t, "", "memstore://") },
		"bolt":     func(t *testing.T) *Store { return mustOpen(t, t.TempDir(), "") },
		"postgres": func(t *testing.T) *Store {
			url := os.Getenv("KLAIM_TEST_POSTGRES")
			if url == "" {
				t.Skip("KLAIM_TEST_POSTGRES is not set (a postgres:// URL of an empty database; .ci/postgres.sh starts one)")
			}
			dropPostgres(t, url)
			return mustOpen(t, "", url)
		},
	}
}

// dropPostgres drops cayley's tables so that each test starts from an empty graph.
func dropPostgres(t *testing.T, url string) {
	t.Helper()
	db, err := sql.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`DROP TABLE IF EXISTS quads, nodes CASCADE`); err != nil {
		t.Fatalf("drop tables: %v", err)
	}
}

func mustOpen(t *testing.T, dir, url string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dir, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func put(t *testing.T, s *Store, b *docBuilder) {
	t.Helper()
	if err := s.PutDocument(context.Background(), &b.doc); err != nil {
		t.Fatal(err)
	}
}

func ids(sts []klaim.Statement) []string {
	out := make([]string, len(sts))
	for i, s := range sts {
		out[i] = s.ID
	}
	return out
}

// world is two articles about one claim, with a relation chain.
type world struct {
	a, b                     *docBuilder
	budi, acme, dewi, holdco klaim.EntityRef
	bribe                    klaim.ClaimRef
	s1, s2, s3               string // budi claims (A), acme denies (A), dewi claims (B, later)
}

func newWorld() *world {
	w := &world{a: newDoc("https://example.org/a", "id", "2024-03-01"), b: newDoc("https://example.org/b", "en", "2024-03-05")}
	w.budi = w.a.entity("Budi Santoso", klaim.KindPerson, "Pak Budi")
	w.acme = w.a.entity("Acme Corp", klaim.KindOrganization, "ACME")
	w.bribe = w.a.claim("Acme bribed officials", "c:bribe", w.acme.ID)
	w.s1 = w.a.statement(w.budi, klaim.StanceClaim, w.bribe, "2024-02-28", w.acme)
	w.s2 = w.a.statement(w.acme, klaim.StanceDeny, w.bribe, "2024-03-01")
	w.a.doc.Statements[1].Rebuts = []string{w.s1}
	w.a.relation(klaim.RelWorksFor, w.budi, w.acme, "CEO")

	w.b.entity("Acme Corp", klaim.KindOrganization, "Acme Corporation")
	w.dewi = w.b.entity("Dewi Lestari", klaim.KindPerson)
	w.holdco = w.b.entity("Holdco", klaim.KindOrganization)
	w.b.claim("Acme bribed officials", "c:bribe", w.acme.ID)
	w.b.claim("Acme hid losses", "c:fraud", w.acme.ID, "c:accounting")
	w.s3 = w.b.statement(w.dewi, klaim.StanceClaim, w.bribe, "", w.acme)
	w.b.relation(klaim.RelParentOf, w.holdco, w.acme, "")
	return w
}

func TestStore(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			s := open(t)
			w := newWorld()
			put(t, s, w.a)
			put(t, s, w.b)

			t.Run("article", func(t *testing.T) {
				a, err := s.Article(ctx, w.a.doc.Article.ID)
				if err != nil || a.Text != w.a.doc.Article.Text || a.Title != w.a.doc.Article.Title {
					t.Fatalf("Article = %+v, %v", a, err)
				}
				if _, err := s.Article(ctx, "ar_missing"); !errors.Is(err, klaim.ErrNotFound) {
					t.Errorf("Article(missing) err = %v, want ErrNotFound", err)
				}
			})

			t.Run("statement rebuts", func(t *testing.T) {
				for _, tc := range []struct {
					id     string
					rebuts []string
				}{
					{w.s1, []string{}},     // a claim rebuts only earlier denials: none
					{w.s2, []string{w.s1}}, // linked in its article
					{w.s3, []string{w.s2}}, // across articles: a later claim against Acme's denial
				} {
					st, err := s.Statement(ctx, tc.id)
					if err != nil {
						t.Fatal(err)
					}
					if !slices.Equal(st.Rebuts, tc.rebuts) {
						t.Errorf("Statement(%s).Rebuts = %v, want %v", tc.id, st.Rebuts, tc.rebuts)
					}
				}
				if _, err := s.Statement(ctx, "st_missing"); !errors.Is(err, klaim.ErrNotFound) {
					t.Errorf("Statement(missing) err = %v", err)
				}
			})

			t.Run("statements", func(t *testing.T) {
				for _, tc := range []struct {
					name string
					f    klaim.StatementFilter
					want []string
				}{
					{"all, oldest first", klaim.StatementFilter{}, []string{w.s1, w.s2, w.s3}},
					{"claim", klaim.StatementFilter{Claim: w.bribe.ID}, []string{w.s1, w.s2, w.s3}},
					{"speaker", klaim.StatementFilter{Speaker: w.acme.ID}, []string{w.s2}},
					{"subject", klaim.StatementFilter{Subject: w.acme.ID}, []string{w.s1, w.s3}},
					{"article", klaim.StatementFilter{Article: w.b.doc.Article.ID}, []string{w.s3}},
					{"claim and speaker", klaim.StatementFilter{Claim: w.bribe.ID, Speaker: w.budi.ID}, []string{w.s1}},
					{"stance", klaim.StatementFilter{Stance: klaim.StanceClaim}, []string{w.s1, w.s3}},
					{"lang", klaim.StatementFilter{Lang: "en"}, []string{w.s3}},
					{"from", klaim.StatementFilter{From: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}, []string{w.s2, w.s3}},
					{"to", klaim.StatementFilter{To: time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)}, []string{w.s1}},
					{"limit", klaim.StatementFilter{Limit: 2}, []string{w.s1, w.s2}},
					{"unknown speaker", klaim.StatementFilter{Speaker: "en_nobody"}, []string{}},
					{"claim of other speaker", klaim.StatementFilter{Claim: w.bribe.ID, Speaker: w.holdco.ID}, []string{}},
				} {
					sts, err := s.Statements(ctx, tc.f)
					if err != nil {
						t.Fatalf("%s: %v", tc.name, err)
					}
					if got := ids(sts); !slices.Equal(got, tc.want) {
						t.Errorf("%s: Statements = %v, want %v", tc.name, got, tc.want)
					}
				}
			})

			t.Run("entities", func(t *testing.T) {
				e, err := s.Entity(ctx, w.acme.ID)
				if err != nil {
					t.Fatal(err)
				}
				slices.Sort(e.Aliases)
				if e.Name != "Acme Corp" || !slices.Equal(e.Aliases, []string{"ACME", "Acme Corporation"}) || len(e.Relations) != 2 {
					t.Errorf("Entity(acme) = %+v", e)
				}
				for _, alias := range []string{"acme", "ACME  corp.", "Acme-Corporation"} {
					got, err := s.EntitiesByAlias(ctx, alias)
					if err != nil || len(got) != 1 || got[0].ID != w.acme.ID {
						t.Errorf("EntitiesByAlias(%q) = %v, %v", alias, got, err)
					}
				}
				if got, _ := s.EntitiesByAlias(ctx, "nobody"); len(got) != 0 {
					t.Errorf("EntitiesByAlias(nobody) = %v", got)
				}
				all, err := s.Entities(ctx)
				if err != nil {
					t.Fatal(err)
				}
				var names []string
				for _, e := range all {
					names = append(names, e.Name)
				}
				if want := []string{"Acme Corp", "Budi Santoso", "Dewi Lestari", "Holdco"}; !slices.Equal(names, want) {
					t.Errorf("Entities = %v, want %v", names, want)
				}
				rels, err := s.Relations(ctx, w.budi.ID)
				if err != nil || len(rels) != 1 || rels[0].Role != "CEO" || rels[0].To.ID != w.acme.ID || rels[0].Article != w.a.doc.Article.ID {
					t.Errorf("Relations(budi) = %+v, %v", rels, err)
				}
				if _, err := s.Entity(ctx, "en_missing"); !errors.Is(err, klaim.ErrNotFound) {
					t.Errorf("Entity(missing) err = %v", err)
				}
			})

			t.Run("claims", func(t *testing.T) {
				c, err := s.Claim(ctx, w.bribe.ID)
				if err != nil || c.Text != "Acme bribed officials" {
					t.Fatalf("Claim = %+v, %v", c, err)
				}
				all, err := s.Claims(ctx)
				if err != nil || len(all) != 2 {
					t.Errorf("Claims = %v, %v", all, err)
				}
				for _, tc := range []struct {
					concepts []string
					want     []string
				}{
					{[]string{"c:bribe", w.acme.ID}, []string{"Acme bribed officials", "Acme hid losses"}},
					{[]string{"c:fraud", "c:accounting", w.acme.ID}, []string{"Acme hid losses", "Acme bribed officials"}},
					{[]string{"c:fraud"}, []string{"Acme hid losses"}},
					{[]string{"c:nothing"}, nil},
				} {
					got, err := s.SimilarClaims(ctx, tc.concepts, 5)
					if err != nil {
						t.Fatal(err)
					}
					var texts []string
					for _, c := range got {
						texts = append(texts, c.Text)
					}
					if !slices.Equal(texts, tc.want) {
						t.Errorf("SimilarClaims(%v) = %v, want %v", tc.concepts, texts, tc.want)
					}
				}
			})

			t.Run("paths", func(t *testing.T) {
				paths, err := s.Paths(ctx, w.budi.ID, w.holdco.ID, 3)
				if err != nil || len(paths) != 1 || len(paths[0]) != 2 ||
					paths[0][0].Type != klaim.RelWorksFor || paths[0][1].Type != klaim.RelParentOf {
					t.Errorf("Paths(budi, holdco) = %+v, %v", paths, err)
				}
				if paths, err := s.Paths(ctx, w.budi.ID, w.holdco.ID, 1); err != nil || len(paths) != 0 {
					t.Errorf("Paths(budi, holdco, 1 hop) = %+v, %v", paths, err)
				}
				if _, err := s.Paths(ctx, w.budi.ID, "en_missing", 3); !errors.Is(err, klaim.ErrNotFound) {
					t.Errorf("Paths(missing) err = %v", err)
				}
			})

			t.Run("stats and export", func(t *testing.T) {
				st, err := s.Stats(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if st.Articles != 2 || st.Statements != 3 || st.Entities != 4 || st.Claims != 2 || st.Relations != 2 || st.Quads == 0 {
					t.Errorf("Stats = %+v", st)
				}
				var buf bytes.Buffer
				if err := s.WriteNQuads(ctx, &buf); err != nil {
					t.Fatal(err)
				}
				if lines := strings.Count(buf.String(), "\n"); lines != st.Quads {
					t.Errorf("WriteNQuads wrote %d lines, Stats.Quads = %d", lines, st.Quads)
				}
				if !strings.Contains(buf.String(), "<urn:klaim:"+w.budi.ID+"> <urn:klaim:works_for> <urn:klaim:"+w.acme.ID+">") {
					t.Errorf("export lacks the works_for edge:\n%.500s", buf.String())
				}
			})

			t.Run("replace and delete", func(t *testing.T) {
				before, _ := s.Stats(ctx)
				if err := s.PutDocument(ctx, &w.a.doc); err != nil {
					t.Fatal(err)
				}
				if again, _ := s.Stats(ctx); again != before {
					t.Errorf("re-put of the same document changed stats: %+v → %+v", before, again)
				}
				// The new version of A drops Budi and his statement.
				a2 := newDoc("https://example.org/a", "id", "2024-03-01")
				acme := a2.entity("Acme Corp", klaim.KindOrganization, "ACME")
				a2.next = 5 // another span: a new statement ID
				a2.statement(acme, klaim.StanceDeny, a2.claim("Acme bribed officials", "c:bribe", acme.ID), "2024-03-01")
				put(t, s, a2)
				if _, err := s.Statement(ctx, w.s1); !errors.Is(err, klaim.ErrNotFound) {
					t.Errorf("replaced statement still readable: %v", err)
				}
				if _, err := s.Entity(ctx, w.budi.ID); !errors.Is(err, klaim.ErrNotFound) {
					t.Errorf("entity only in the replaced version survives: %v", err)
				}
				if got, _ := s.EntitiesByAlias(ctx, "pak budi"); len(got) != 0 {
					t.Errorf("alias of a removed entity still found: %v", got)
				}
				e, err := s.Entity(ctx, w.acme.ID)
				if err != nil || len(e.Relations) != 1 {
					t.Errorf("shared entity after replace = %+v, %v", e, err)
				}
				st, _ := s.Stats(ctx)
				if st.Statements != 2 || st.Entities != 3 || st.Relations != 1 {
					t.Errorf("Stats after replace = %+v", st)
				}
				var buf bytes.Buffer
				if err := s.WriteNQuads(ctx, &buf); err != nil {
					t.Fatal(err)
				}
				if lines := strings.Count(buf.String(), "\n"); lines != st.Quads || strings.Contains(buf.String(), w.budi.ID) {
					t.Errorf("after replace WriteNQuads wrote %d lines (Stats.Quads = %d), mentioning Budi: %v", lines, st.Quads, strings.Contains(buf.String(), w.budi.ID))
				}

				if err := s.DeleteArticle(ctx, w.b.doc.Article.ID); err != nil {
					t.Fatal(err)
				}
				if _, err := s.Entity(ctx, w.dewi.ID); !errors.Is(err, klaim.ErrNotFound) {
					t.Errorf("entity of a deleted article survives: %v", err)
				}
				if _, err := s.Entity(ctx, w.acme.ID); err != nil {
					t.Errorf("entity still in article A gone: %v", err)
				}
				if err := s.DeleteArticle(ctx, w.b.doc.Article.ID); !errors.Is(err, klaim.ErrNotFound) {
					t.Errorf("second delete err = %v, want ErrNotFound", err)
				}
				if err := s.DeleteArticle(ctx, w.a.doc.Article.ID); err != nil {
					t.Fatal(err)
				}
				if st, _ := s.Stats(ctx); st != (klaim.Stats{}) {
					t.Errorf("Stats after deleting everything = %+v", st)
				}
			})
		})
	}
}

func TestPutDocumentInvalid(t *testing.T) {
	s := mustOpen(t, "", "memstore://")
	b := newDoc("https://example.org/x", "en", "")
	b.statement(klaim.EntityRef{ID: "en_ghost"}, klaim.StanceClaim, klaim.ClaimRef{ID: "cl_x"}, "")
	if err := s.PutDocument(context.Background(), &b.doc); err == nil {
		t.Fatal("PutDocument accepted a statement whose speaker is not among the entities")
	}
}

func TestBoltReopenAndLock(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir, "")
	if err != nil {
		t.Fatal(err)
	}
	w := newWorld()
	put(t, s, w.a)
	if s.kv == nil {
		t.Error("bolt store does not use the direct index scans")
	}
	start := time.Now()
	if _, err := Open(ctx, dir, ""); err == nil || !strings.Contains(err.Error(), "locked") {
		t.Errorf("second Open of a locked graph: err = %v, want a 'locked' error", err)
	} else if d := time.Since(start); d > 5*time.Second {
		t.Errorf("second Open took %v to fail", d)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = mustOpen(t, dir, "")
	if s.kv == nil {
		t.Error("reopened bolt store does not use the direct index scans")
	}
	st, err := s.Statement(ctx, w.s2)
	if err != nil || !slices.Equal(st.Rebuts, []string{w.s1}) {
		t.Errorf("after reopen Statement = %+v, %v", st, err)
	}
}

func TestOpenOtherSchema(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir, "")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := hbolt.Open(filepath.Join(dir, "graph", "indexes.bolt"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := hkv.Update(ctx, db, func(tx hkv.Tx) error { return tx.Put(keyMetaSchema, []byte("1")) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(ctx, dir, ""); err == nil || !strings.Contains(err.Error(), "schema version 1") {
		t.Errorf("Open of a graph of schema 1: err = %v", err)
	}
}

func TestOpenErrors(t *testing.T) {
	for _, url := range []string{"mysql://x", "bogus"} {
		if _, err := Open(context.Background(), t.TempDir(), url); err == nil {
			t.Errorf("Open(%q) succeeded", url)
		}
	}
	// A file where the graph directory should be.
	dir := t.TempDir()
	if err := os.WriteFile(dir+"/graph", nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), dir, ""); err == nil || !strings.Contains(err.Error(), "open graph at") {
		t.Errorf("Open over a file: err = %v", err)
	}
}

// TestConcurrentReaders reads while another goroutine replaces articles; run
// with -race to check the locking.
func TestConcurrentReaders(t *testing.T) {
	for _, name := range []string{"memstore", "bolt"} {
		t.Run(name, func(t *testing.T) {
			s := backends(t)[name](t)
			ctx := context.Background()
			w := newWorld()
			put(t, s, w.a)
			var wg sync.WaitGroup
			errs := make(chan error, 8)
			for range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range 20 {
						if _, err := s.Statements(ctx, klaim.StatementFilter{Claim: w.bribe.ID}); err != nil {
							errs <- err
							return
						}
						if _, err := s.Entity(ctx, w.acme.ID); err != nil {
							errs <- err
							return
						}
					}
				}()
			}
			for i := range 10 {
				b := newDoc(fmt.Sprintf("https://example.org/c%d", i%3), "en", "2024-04-01")
				acme := b.entity("Acme Corp", klaim.KindOrganization)
				for j := range i % 4 {
					b.statement(acme, klaim.StanceDeny, b.claim("Acme bribed officials", "c:bribe", w.acme.ID), fmt.Sprintf("2024-04-%02d", j+1))
				}
				put(t, s, b)
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
		})
	}
}

// A claim many articles discuss is matched on each article's own concepts,
// not on their union, which grows with every article and would make the
// claim look less and less like any one new mention of it.
func TestSimilarClaimsMatchesBestVersion(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, "", "memstore://")
	first := newDoc("https://example.org/first", "en", "2024-01-01")
	acme := first.entity("Acme", klaim.KindOrganization)
	c := first.claim("Acme bribed officials", "c:bribe", "c:official", acme.ID)
	first.statement(acme, klaim.StanceDeny, c, "")
	put(t, s, first)
	// A later article links the same claim ID with a wider wording.
	second := newDoc("https://example.org/second", "en", "2024-01-02")
	acme2 := second.entity("Acme", klaim.KindOrganization)
	wide := klaim.Claim{ID: c.ID, Text: "Acme bribed officials to win tenders abroad", Lang: "en",
		Concepts: []string{"c:bribe", "c:official", acme.ID, "c:tender", "c:abroad", "c:contract"}}
	second.doc.Claims = append(second.doc.Claims, wide)
	second.statement(acme2, klaim.StanceClaim, wide.Ref(), "")
	put(t, s, second)

	got, err := s.SimilarClaims(ctx, []string{"c:bribe", "c:official", acme.ID}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != c.ID {
		t.Fatalf("SimilarClaims = %+v, want the one claim once", got)
	}
	if len(got[0].Concepts) != 3 {
		t.Errorf("claim came back with concepts %v, want the first article's three (the best match)", got[0].Concepts)
	}
	if got[0].Articles != 2 {
		t.Errorf("claim discussed by %d articles, want 2", got[0].Articles)
	}
	one, err := s.Claim(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if one.Articles != 2 {
		t.Errorf("Claim(%s).Articles = %d, want 2", c.ID, one.Articles)
	}
}
