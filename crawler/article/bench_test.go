package article

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// benchDir finds shared/bench/article-extraction by walking up from the
// package directory; "" when absent.
func benchDir() string {
	dir, _ := os.Getwd()
	for range 6 {
		for _, cand := range []string{filepath.Join(dir, "shared"), filepath.Join(dir, "..", "shared")} {
			p := filepath.Join(cand, "bench", "article-extraction")
			if _, err := os.Stat(filepath.Join(p, "ground-truth.json")); err == nil {
				return p
			}
		}
		dir = filepath.Dir(dir)
	}
	return ""
}

type benchPage struct {
	key, path string
	gz        []byte
	truth     string
	url       string
}

func loadBench(tb testing.TB) []benchPage {
	dir := benchDir()
	if dir == "" {
		tb.Skip("shared/bench/article-extraction not found (looked for ../shared from the repo root)")
	}
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		tb.Fatal(err)
	}
	var pages []benchPage
	for k, v := range truth {
		p := filepath.Join(dir, "html", k+".html.gz")
		gz, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, benchPage{key: k, path: p, gz: gz, truth: v.ArticleBody, url: v.URL})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].key < pages[j].key })
	return pages
}

func gunzip(tb testing.TB, gz []byte) []byte {
	r, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		tb.Fatal(err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

var scoreWord = regexp.MustCompile(`[\p{L}\p{N}_\p{Mn}\p{Mc}]+`)

// shingles mirrors extract_score.py: word 4-grams with counts.
func shingles(text string) map[string]int {
	toks := scoreWord.FindAllString(text, -1)
	m := map[string]int{}
	if len(toks) == 0 {
		return m
	}
	for i := 0; i < max(1, len(toks)-3); i++ {
		m[strings.Join(toks[i:min(i+4, len(toks))], "\x00")]++
	}
	return m
}

// pageScore returns precision and recall of pred against truth as the
// benchmark script computes them (ok=false where a side is undefined).
func pageScore(truth, pred string) (p, r float64, pOK, rOK bool) {
	t, q := shingles(truth), shingles(pred)
	var tp, fp, fn float64
	for k, tc := range t {
		pc := q[k]
		tp += float64(min(tc, pc))
		fn += float64(max(0, tc-pc))
	}
	for k, pc := range q {
		fp += float64(max(0, pc-t[k]))
	}
	s := tp + fp + fn
	if s == 0 {
		return 0, 0, false, false
	}
	tp, fp, fn = tp/s, fp/s, fn/s
	pOK, rOK = tp+fp > 0, tp+fn > 0
	switch {
	case fp == 0 && fn == 0:
		p, r = 1, 1
	default:
		if tp+fp > 0 {
			p = tp / (tp + fp)
		}
		if tp+fn > 0 {
			r = tp / (tp + fn)
		}
	}
	return p, r, pOK, rOK
}

// TestBenchmarkF1 scores Extract on the shared article-extraction benchmark
// with the benchmark's own metric and requires F1 >= 0.965 (go-trafilatura
// v1.12.2 scores 0.965 on these pages). Run with -v to see the worst pages.
func TestBenchmarkF1(t *testing.T) {
	pages := loadBench(t)
	var ps, rs []float64
	type row struct {
		key         string
		p, r        float64
		pred, truth string
	}
	var rows []row
	for _, pg := range pages {
		raw := gunzip(t, pg.gz)
		pred := ""
		if a, err := Extract(raw, "file://"+pg.path, ""); err == nil {
			pred = a.Text
		}
		p, r, pOK, rOK := pageScore(pg.truth, pred)
		if pOK {
			ps = append(ps, p)
		}
		if rOK {
			rs = append(rs, r)
		}
		rows = append(rows, row{key: pg.key, p: p, r: r, pred: pred, truth: pg.truth})
	}
	mean := func(v []float64) float64 {
		s := 0.0
		for _, x := range v {
			s += x
		}
		return s / float64(len(v))
	}
	P, R := mean(ps), mean(rs)
	F := 2 * P * R / (P + R)
	sort.Slice(rows, func(i, j int) bool { return rows[i].p+rows[i].r < rows[j].p+rows[j].r })
	for _, r := range rows[:min(25, len(rows))] {
		t.Logf("%s P=%.3f R=%.3f", r.key[:12], r.p, r.r)
	}
	if dump := os.Getenv("ARTICLE_DUMP"); dump != "" {
		for _, r := range rows {
			os.WriteFile(filepath.Join(dump, r.key[:12]+".pred.txt"), []byte(r.pred), 0o644)
			os.WriteFile(filepath.Join(dump, r.key[:12]+".true.txt"), []byte(r.truth), 0o644)
		}
	}
	t.Logf("pages=%d P=%.3f R=%.3f F1=%.3f", len(pages), P, R, F)
	if F < 0.965 {
		t.Errorf("F1 = %.3f, want >= 0.965", F)
	}
}
