package crawler

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/klaim/klaim"
	"github.com/klaim/klaim/crawler/claims"
	"github.com/klaim/klaim/graph"
)

func TestKeepClaimIDs(t *testing.T) {
	doc := &klaim.Document{
		Claims: []klaim.Claim{{ID: "cl_new1", Text: "p"}, {ID: "cl_new2", Text: "q"}},
		Statements: []klaim.Statement{
			{ID: "st_a", Claim: klaim.ClaimRef{ID: "cl_new1"}},
			{ID: "st_b", Claim: klaim.ClaimRef{ID: "cl_new1"}},
			{ID: "st_c", Claim: klaim.ClaimRef{ID: "cl_new2"}},
		},
	}
	old := []klaim.Statement{
		{ID: "st_a", Claim: klaim.ClaimRef{ID: "cl_old1"}},
		{ID: "st_b", Claim: klaim.ClaimRef{ID: "cl_old2"}},
		// st_c is new: it keeps what the extractor chose
	}
	keepClaimIDs(doc, old)
	want := map[string]string{"st_a": "cl_old1", "st_b": "cl_old2", "st_c": "cl_new2"}
	for _, s := range doc.Statements {
		if s.Claim.ID != want[s.ID] {
			t.Errorf("%s: claim %s, want %s", s.ID, s.Claim.ID, want[s.ID])
		}
	}
	var ids []string
	for _, c := range doc.Claims {
		ids = append(ids, c.ID)
	}
	if strings.Join(ids, ",") != "cl_old1,cl_old2,cl_new2" {
		t.Errorf("claims = %v, want the three the statements use", ids)
	}
	if doc.Claims[1].Text != "p" {
		t.Errorf("a renamed claim must keep its text, got %q", doc.Claims[1].Text)
	}
}

func TestReadArticleFileReasons(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("Judul Berita\n\nIsi berita yang cukup panjang untuk sebuah artikel."))
	zw.Close()
	tests := []struct {
		name    string
		path    string
		skipped bool   // errors.Is(err, ErrSkipped)
		want    string // in the error; "" means no error
	}{
		{"text", write("a.txt", []byte("Judul\n\nIsi berita.")), false, ""},
		{"gzipped text", write("b.txt.gz", gz.Bytes()), false, ""},
		{"empty", write("c.txt", []byte("  \n\n ")), true, "empty file"},
		{"binary", write("d.html", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 13}), true, "binary data"},
		{"unsupported", write("e.pdf", []byte("%PDF-1.4")), true, "not a .txt"},
		{"missing", filepath.Join(dir, "nope.txt"), false, "no such file"},
		{"bad gzip", write("f.html.gz", []byte("not gzip at all")), false, "gunzip"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ReadArticleFile(tt.path)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if !strings.HasPrefix(a.URL, "file:///") || a.ID != klaim.ArticleID(a.URL) {
					t.Errorf("url %q id %q: want a file URL and the ID derived from it", a.URL, a.ID)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error, want one containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), filepath.Base(tt.path)) {
				t.Errorf("error %q: want the file name and %q", err, tt.want)
			}
			if errors.Is(err, ErrSkipped) != tt.skipped {
				t.Errorf("errors.Is(err, ErrSkipped) = %v, want %v", !tt.skipped, tt.skipped)
			}
		})
	}
}

func newTestPipeline(t *testing.T) *Pipeline {
	t.Helper()
	st, err := graph.Open(context.Background(), "", "memstore://")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ex, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	return &Pipeline{Store: st, Claims: ex}
}

func TestPipelineReplacesOnReingest(t *testing.T) {
	ctx := context.Background()
	p := newTestPipeline(t)
	src := klaim.Source{
		Title: "Kementerian Bantah Kabar Kenaikan Harga BBM",
		Text: `Kementerian Energi dan Sumber Daya Mineral membantah kabar bahwa harga BBM akan naik pekan depan.

"Kabar itu tidak benar," kata Menteri ESDM Bahlil Lahadalia di Jakarta, Senin (2/9/2024).`,
	}
	first, err := p.Ingest(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if first.Statements == 0 || first.Replaced {
		t.Fatalf("first ingest: %+v", first)
	}
	second, err := p.Ingest(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if !second.Replaced || second.Statements != first.Statements || second.Article.ID != first.Article.ID {
		t.Errorf("second ingest %+v, first %+v: want the same article, replaced", second, first)
	}
	all, err := p.Store.Statements(ctx, klaim.StatementFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != first.Statements {
		t.Errorf("store holds %d statements after two ingests of one article with %d", len(all), first.Statements)
	}
	denied := false
	for _, s := range all {
		denied = denied || s.Stance == klaim.StanceDeny
	}
	if !denied {
		t.Errorf("no denial among %d statements", len(all))
	}
}

func TestPipelineRejectsEmptySource(t *testing.T) {
	p := newTestPipeline(t)
	if _, err := p.Ingest(context.Background(), klaim.Source{}); err == nil {
		t.Fatal("an empty source must be an error")
	}
	if _, err := p.Ingest(context.Background(), klaim.Source{URL: "https://example.com/a"}); err == nil ||
		!strings.Contains(err.Error(), "does not fetch") {
		t.Fatalf("a URL without a fetcher: %v", err)
	}
}

func TestListFilesReportsMissing(t *testing.T) {
	if _, err := ListFiles(filepath.Join(t.TempDir(), "gone")); err == nil || !strings.Contains(err.Error(), "no such file or folder") {
		t.Fatalf("ListFiles of a missing path: %v", err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("x"), 0o644)
	os.Mkdir(filepath.Join(dir, ".hidden"), 0o755)
	os.WriteFile(filepath.Join(dir, ".hidden", "c.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("x"), 0o644)
	got, err := ListFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || filepath.Base(got[0]) != "a.md" || filepath.Base(got[1]) != "b.txt" {
		t.Errorf("ListFiles = %v, want a.md and b.txt in order, hidden folder skipped", got)
	}
}

func TestInferPublished(t *testing.T) {
	doc := &klaim.Document{Statements: []klaim.Statement{
		{ID: "a", SaidAt: "2018-12-19"}, {ID: "b", SaidAt: "2018"}, {ID: "c"}, {ID: "d", SaidAt: "2018-12-21"},
	}}
	inferPublished(doc)
	if got := doc.Article.Published.Format("2006-01-02"); got != "2018-12-21" {
		t.Fatalf("published = %s, want the latest full date 2018-12-21", got)
	}
	want := map[string]string{"a": "2018-12-19", "b": "2018", "c": "2018-12-21", "d": "2018-12-21"}
	for _, s := range doc.Statements {
		if s.SaidAt != want[s.ID] || s.Article.Published != "2018-12-21" {
			t.Errorf("%s: said_at %q published %q", s.ID, s.SaidAt, s.Article.Published)
		}
	}
	dated := &klaim.Document{Article: klaim.Article{Published: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)},
		Statements: []klaim.Statement{{ID: "a", SaidAt: "2021-05-05"}}}
	inferPublished(dated)
	if dated.Article.Published.Year() != 2020 {
		t.Error("an article's own date must not be replaced")
	}
}
