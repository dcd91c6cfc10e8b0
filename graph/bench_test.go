package graph

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/klaim/klaim"
)

// The benchmark fixture: a synthetic corpus shaped like klaim's (articles of
// a few statements each; speakers, subjects and claims with Zipf-skewed
// popularity), about 1.1M quads in a bolt graph. It is built once into
// os.TempDir()/klaim-graph-bench-v<SchemaVersion>-<fixtureVersion> and reused.
const (
	fixtureVersion  = 1
	fixtureArticles = 12000
	fixtureEntities = 20000
	fixtureOrgs     = 2000 // entities [0, fixtureOrgs) are organisations
	fixtureClaims   = 15000
	fixtureConcepts = 400
	// Zipf v of claim popularity: the most discussed claim gets ~0.4% of
	// statements (~300), a big running story.
	claimZipfV = 50
)

// corpus generates the fixture deterministically, so benchmarks can pick
// query keys without reading the store.
type corpus struct{ r *rand.Rand }

func newCorpus() *corpus { return &corpus{r: rand.New(rand.NewPCG(1, 2))} }

func entityName(i int) string {
	if i < fixtureOrgs {
		return fmt.Sprintf("Organisasi Nusantara %d", i)
	}
	return fmt.Sprintf("Budi Santoso %d", i)
}

func conceptName(i int) string { return fmt.Sprintf("c:concept_%d", i) }

func claimConcepts(i int) []string {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	z := rand.NewZipf(r, 1.2, 4, fixtureConcepts-1)
	var cs []string
	for n := 2 + r.IntN(3); len(cs) < n; {
		if c := conceptName(int(z.Uint64())); !slices.Contains(cs, c) {
			cs = append(cs, c)
		}
	}
	return cs
}

func claimID(i int) string { return klaim.ClaimID(fmt.Sprintf("fixture:%d", i)) }

// article returns the i-th document; the corpus's random state advances.
func (c *corpus) article(i int, zEnt, zClaim *rand.Zipf) *klaim.Document {
	b := newDoc(fmt.Sprintf("https://news.example/%d", i), []string{"id", "en"}[i%2],
		time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%900).Format(time.DateOnly))
	b.doc.Article.Text = strings.Repeat(fmt.Sprintf("Artikel %d: kalimat yang cukup panjang untuk teks berita. ", i), 30)
	ent := func(k int) klaim.EntityRef {
		kind := klaim.KindPerson
		if k < fixtureOrgs {
			kind = klaim.KindOrganization
		}
		return b.entity(entityName(k), kind, fmt.Sprintf("Alias %d", k))
	}
	claim := func(k int) klaim.ClaimRef {
		ref := klaim.ClaimRef{ID: claimID(k), Text: fmt.Sprintf("Klaim nomor %d tentang sesuatu", k)}
		if !slices.ContainsFunc(b.doc.Claims, func(x klaim.Claim) bool { return x.ID == ref.ID }) {
			subj := ent(k % fixtureEntities)
			b.doc.Claims = append(b.doc.Claims, klaim.Claim{ID: ref.ID, Text: ref.Text, Lang: b.doc.Article.Lang,
				Concepts: claimConcepts(k), Subjects: []klaim.EntityRef{subj}})
		}
		return ref
	}
	stances := []klaim.Stance{klaim.StanceClaim, klaim.StanceClaim, klaim.StanceClaim, klaim.StanceDeny, klaim.StanceDeny, klaim.StanceAdmit, klaim.StanceApologize}
	for n := 2 + c.r.IntN(6); n > 0; n-- {
		speaker := ent(int(zEnt.Uint64()))
		var subjects []klaim.EntityRef
		for k := c.r.IntN(3); k > 0; k-- {
			subjects = append(subjects, ent(int(zEnt.Uint64())))
		}
		said := ""
		if c.r.IntN(3) > 0 {
			said = b.doc.Article.Published.AddDate(0, 0, -c.r.IntN(5)).Format(time.DateOnly)
		}
		b.statement(speaker, stances[c.r.IntN(len(stances))], claim(int(zClaim.Uint64())), said, subjects...)
		if k := len(b.doc.Statements); k > 1 && c.r.IntN(3) == 0 {
			b.doc.Statements[k-1].Rebuts = []string{b.doc.Statements[k-2].ID}
		}
	}
	person := fixtureOrgs + c.r.IntN(fixtureEntities-fixtureOrgs)
	b.relation(klaim.RelWorksFor, ent(person), ent(person%fixtureOrgs), []string{"CEO", "juru bicara", "direktur"}[person%3])
	if i%5 == 0 {
		org := c.r.IntN(fixtureOrgs - 1)
		b.relation(klaim.RelParentOf, ent(org), ent(org+1), "")
	}
	return &b.doc
}

// documents calls fn with every fixture document in order.
func (c *corpus) documents(n int, fn func(*klaim.Document) error) error {
	zEnt := rand.NewZipf(c.r, 1.1, 8, fixtureEntities-1)
	zClaim := rand.NewZipf(c.r, 1.1, claimZipfV, fixtureClaims-1)
	for i := range n {
		if err := fn(c.article(i, zEnt, zClaim)); err != nil {
			return err
		}
	}
	return nil
}

// fixture opens the benchmark graph, building it first if needed.
func fixture(b *testing.B) *Store {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("klaim-graph-bench-v%d-%d", SchemaVersion, fixtureVersion))
	ctx := context.Background()
	if _, err := os.Stat(filepath.Join(dir, "complete")); err != nil {
		os.RemoveAll(dir)
		tmp := dir + ".tmp"
		os.RemoveAll(tmp)
		s, err := Open(ctx, tmp, "")
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		quads := 0
		var batch []*klaim.Document
		err = newCorpus().documents(fixtureArticles, func(d *klaim.Document) error {
			q, _ := documentQuads(d)
			quads += len(q)
			if batch = append(batch, d); len(batch) < 100 {
				return nil
			}
			if d.Article.URL[len(d.Article.URL)-3:] == "999" {
				b.Logf("fixture: %d quads after %v", quads, time.Since(start))
			}
			err := s.PutDocuments(ctx, batch)
			batch = nil
			return err
		})
		if err == nil {
			err = s.PutDocuments(ctx, batch)
		}
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("built fixture: %d articles, %d quads in %v (%.0f quads/s)", fixtureArticles, quads, time.Since(start), float64(quads)/time.Since(start).Seconds())
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, "complete"), nil, 0o600); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(tmp, dir); err != nil {
			b.Fatal(err)
		}
	}
	s, err := Open(ctx, dir, "")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// latency runs op b.N times with keys drawn by key and reports, per op, the
// p50, p99 and max of the wall-clock time, the p50 and p99 of the CPU time of
// the thread that ran it (the cost of the op itself, whatever else the
// machine is running), and the mean number of results.
func latency(b *testing.B, key func(r *rand.Rand) string, op func(ctx context.Context, k string) (int, error)) {
	ctx := context.Background()
	if warmCache {
		ctx = context.WithValue(ctx, warmKey{}, 5000)
	}
	r := rand.New(rand.NewPCG(3, 4))
	keys := make([]string, b.N)
	for i := range keys {
		keys[i] = key(r)
	}
	if warm, _ := ctx.Value(warmKey{}).(int); warm > 0 {
		// Steady state of a long-running server: the same popularity
		// drawn with another seed has filled the cache first.
		wr := rand.New(rand.NewPCG(5, 6))
		for range warm {
			if _, err := op(ctx, key(wr)); err != nil {
				b.Fatal(err)
			}
		}
	}
	wall := make([]time.Duration, b.N)
	cpu := make([]time.Duration, b.N)
	results := 0
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	for i := range b.N {
		c0, start := threadCPU(), time.Now()
		n, err := op(ctx, keys[i])
		wall[i], cpu[i] = time.Since(start), time.Duration(threadCPU()-c0)
		if err != nil {
			b.Fatal(err)
		}
		results += n
	}
	b.StopTimer()
	slices.Sort(wall)
	slices.Sort(cpu)
	pct := func(d []time.Duration, p float64) float64 {
		return float64(d[int(p*float64(len(d)-1))].Nanoseconds()) / 1e3
	}
	b.ReportMetric(pct(wall, 0.50), "p50-µs")
	b.ReportMetric(pct(wall, 0.99), "p99-µs")
	b.ReportMetric(pct(wall, 1), "max-µs")
	b.ReportMetric(pct(cpu, 0.50), "cpu-p50-µs")
	b.ReportMetric(pct(cpu, 0.99), "cpu-p99-µs")
	b.ReportMetric(float64(results)/float64(b.N), "results/op")
}

// zipfKey draws keys with the fixture's own skew, so popular claims and
// speakers are queried as often as they are mentioned.
func zipfKey(r *rand.Rand, max int, name func(int) string) string {
	return name(int(rand.NewZipf(r, 1.1, 8, uint64(max-1)).Uint64()))
}

type warmKey struct{}

// warmCache makes latency warm the cache with 5000 untimed ops first.
var warmCache bool

// withAndWithoutCache runs bench with a warm summary cache (the store as a
// long-running server has it: hot hubs stay in memory between writes) and
// without the cache (every op reads bolt).
func withAndWithoutCache(b *testing.B, bench func(b *testing.B, s *Store)) {
	s := fixture(b)
	b.Run("warm", func(b *testing.B) {
		s.cached, warmCache = true, true
		defer func() { warmCache = false }()
		s.cache.invalidate()
		bench(b, s)
	})
	b.Run("uncached", func(b *testing.B) {
		s.cached = false
		bench(b, s)
	})
}

// pageSize is the Limit of the statement-list benchmarks: a page of an API
// listing. The ...All variant reads every statement of a claim.
const pageSize = 50

func BenchmarkStatementsOfClaim(b *testing.B) {
	withAndWithoutCache(b, func(b *testing.B, s *Store) { benchStatementsOfClaim(b, s, pageSize) })
}

func BenchmarkStatementsOfClaimAll(b *testing.B) {
	withAndWithoutCache(b, func(b *testing.B, s *Store) { benchStatementsOfClaim(b, s, 0) })
}

func benchStatementsOfClaim(b *testing.B, s *Store, limit int) {
	latency(b, func(r *rand.Rand) string {
		return claimID(int(rand.NewZipf(r, 1.1, claimZipfV, fixtureClaims-1).Uint64()))
	}, func(ctx context.Context, id string) (int, error) {
		sts, err := s.Statements(ctx, klaim.StatementFilter{Claim: id, Limit: limit})
		return len(sts), err
	})
}

func BenchmarkStatementsOfSpeaker(b *testing.B) {
	withAndWithoutCache(b, benchStatementsOfSpeaker)
}

func benchStatementsOfSpeaker(b *testing.B, s *Store) {
	latency(b, func(r *rand.Rand) string {
		return zipfKey(r, fixtureEntities, func(i int) string { return klaim.EntityID(entityName(i)) })
	}, func(ctx context.Context, id string) (int, error) {
		sts, err := s.Statements(ctx, klaim.StatementFilter{Speaker: id, Limit: pageSize})
		return len(sts), err
	})
}

func BenchmarkRelationsOfEntity(b *testing.B) {
	s := fixture(b)
	latency(b, func(r *rand.Rand) string {
		return klaim.EntityID(entityName(r.IntN(fixtureEntities)))
	}, func(ctx context.Context, id string) (int, error) {
		rels, err := s.Relations(ctx, id)
		if errors.Is(err, klaim.ErrNotFound) {
			return 0, nil // an entity never mentioned
		}
		return len(rels), err
	})
}

func BenchmarkEntitiesByAlias(b *testing.B) {
	s := fixture(b)
	latency(b, func(r *rand.Rand) string {
		return zipfKey(r, fixtureEntities, func(i int) string { return fmt.Sprintf("ALIAS  %d", i) })
	}, func(ctx context.Context, name string) (int, error) {
		ents, err := s.EntitiesByAlias(ctx, name)
		return len(ents), err
	})
}

// benchDocuments makes n fixture-shaped documents and counts their quads.
func benchDocuments(n int) ([]*klaim.Document, int) {
	var docs []*klaim.Document
	quads := 0
	newCorpus().documents(n, func(d *klaim.Document) error {
		q, _ := documentQuads(d)
		quads += len(q)
		docs = append(docs, d)
		return nil
	})
	return docs, quads
}

// BenchmarkPutDocument writes fixture-shaped documents into a fresh bolt
// graph and reports the write rate in quads per second.
func BenchmarkPutDocument(b *testing.B) {
	s := mustOpenB(b)
	ctx := context.Background()
	docs, quads := benchDocuments(b.N)
	b.ResetTimer()
	for _, d := range docs {
		if err := s.PutDocument(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
	b.ReportMetric(float64(quads)/float64(b.N), "quads/doc")
}

// BenchmarkPutDocuments is BenchmarkPutDocument in batches of 50 documents.
func BenchmarkPutDocuments(b *testing.B) {
	s := mustOpenB(b)
	ctx := context.Background()
	docs, quads := benchDocuments(b.N)
	b.ResetTimer()
	for len(docs) > 0 {
		n := min(50, len(docs))
		if err := s.PutDocuments(ctx, docs[:n]); err != nil {
			b.Fatal(err)
		}
		docs = docs[n:]
	}
	b.StopTimer()
	b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
}

func mustOpenB(b *testing.B) *Store {
	s, err := Open(context.Background(), b.TempDir(), "")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}
