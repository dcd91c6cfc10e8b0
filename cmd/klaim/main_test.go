package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/klaim/klaim"
)

// klaimRun runs one klaim command line in-process and returns its status,
// stdout and stderr.
func klaimRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	status := run(args, &out, &errb)
	return status, out.String(), errb.String()
}

// samplesDir returns the bundled samples, as a user of a fresh clone has them.
func samplesDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../data/samples")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func readStatements(t *testing.T, jsonl string) []klaim.Statement {
	t.Helper()
	var out []klaim.Statement
	sc := bufio.NewScanner(strings.NewReader(jsonl))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var s klaim.Statement
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatalf("statement line is not JSON: %v: %s", err, sc.Text())
		}
		out = append(out, s)
	}
	return out
}

func statementIDs(sts []klaim.Statement) []string {
	ids := make([]string, len(sts))
	for i, s := range sts {
		ids[i] = s.ID + "|" + s.Claim.ID + "|" + s.Speaker.ID
	}
	sort.Strings(ids)
	return ids
}

func TestIngestTwiceKeepsSameStatements(t *testing.T) {
	data := t.TempDir()
	if st, _, errs := klaimRun(t, "ingest", "--data", data, samplesDir(t)); st != 0 {
		t.Fatalf("first ingest failed (%d): %s", st, errs)
	}
	st, first, errs := klaimRun(t, "statements", "--data", data, "--format", "jsonl")
	if st != 0 {
		t.Fatalf("statements failed: %s", errs)
	}
	sts := readStatements(t, first)
	if len(sts) < 10 {
		t.Fatalf("only %d statements from the five samples", len(sts))
	}
	for _, s := range sts {
		if s.Article.URL == "" || !strings.HasPrefix(s.Article.URL, "file://") {
			t.Errorf("statement %s: article url %q does not trace back to its file", s.ID, s.Article.URL)
		}
		if _, err := klaim.ParseStance(string(s.Stance)); err != nil {
			t.Errorf("statement %s: %v", s.ID, err)
		}
	}
	// the same files again, with flags after the path this time
	if st, _, errs := klaimRun(t, "ingest", samplesDir(t), "--data", data); st != 0 {
		t.Fatalf("second ingest failed (%d): %s", st, errs)
	}
	_, second, _ := klaimRun(t, "statements", "--data", data, "--format", "jsonl")
	a, b := statementIDs(sts), statementIDs(readStatements(t, second))
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Fatalf("re-ingest changed the statements:\nfirst  %v\nsecond %v", a, b)
	}
}

func TestIngestBadFilesGetOneLineReasons(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("Menteri Bantah Isu Reshuffle\n\n\"Itu tidak benar,\" kata Menteri Sekretaris Negara Pratikno di Jakarta, Senin (3/6/2024).\n"), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	binary := filepath.Join(dir, "binary.html")
	os.WriteFile(binary, []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0xff}, 0o644)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("<html><head><title>Polisi Benarkan Penangkapan</title></head><body><article><p>Kepolisian membenarkan penangkapan tersangka. \"Benar, sudah kami tangkap,\" ujar Kabid Humas Polda Metro Jaya Kombes Ade Ary kepada wartawan, Selasa.</p></article></body></html>"))
	zw.Close()
	gzFile := filepath.Join(dir, "page.html.gz")
	os.WriteFile(gzFile, gz.Bytes(), 0o644)
	missing := filepath.Join(dir, "nope.txt")
	paths := []string{missing, empty, binary, good, gzFile}
	if runtime.GOOS != "windows" && os.Getuid() != 0 {
		unreadable := filepath.Join(dir, "secret.txt")
		os.WriteFile(unreadable, []byte("x\n\ny"), 0o000)
		paths = append(paths, unreadable)
	}
	data := t.TempDir()
	st, out, errs := klaimRun(t, append([]string{"ingest", "--data", data}, paths...)...)
	if st == 0 {
		t.Errorf("a missing file must make the run fail; got status 0")
	}
	all := out + errs
	for _, want := range []string{"nope.txt: no such file", "empty.txt: skipped: empty file", "binary.html: skipped: binary"} {
		if !strings.Contains(all, want) {
			t.Errorf("output lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "goroutine ") || strings.Contains(all, "panic") {
		t.Errorf("a Go trace reached the user:\n%s", all)
	}
	if !strings.Contains(out, "ingested 2 articles") {
		t.Errorf("the two good files were not both ingested:\n%s", out)
	}
	_, sts, _ := klaimRun(t, "statements", "--data", data, "--format", "jsonl")
	if !strings.Contains(sts, "good.txt") || !strings.Contains(sts, "page.html.gz") {
		t.Errorf("statements of the good files are missing:\n%s", sts)
	}
}

func TestErrorsAreOneLine(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown command", []string{"frobnicate"}, "unknown command"},
		{"bad stance", []string{"statements", "--data", t.TempDir(), "--stance", "maybe"}, "unknown stance"},
		{"no kb", []string{"statements", "--data", filepath.Join(t.TempDir(), "none")}, "no knowledge base"},
		{"ingest without paths", []string{"ingest", "--data", t.TempDir()}, "give at least one"},
		{"bad format", []string{"entities", "--format", "xml"}, "--format must be"},
		{"bad limit", []string{"search", "--limit", "0", "x"}, "--limit must be"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, _, errs := klaimRun(t, tt.args...)
			if st == 0 {
				t.Fatalf("status 0, want failure")
			}
			first := strings.SplitN(errs, "\n", 2)[0]
			if !strings.Contains(first, tt.want) {
				t.Errorf("first stderr line %q lacks %q", first, tt.want)
			}
		})
	}
}

func TestParseInterspersed(t *testing.T) {
	t.Setenv("KLAIM_DATA", "")
	g := &globals{stderr: new(bytes.Buffer)}
	tests := []struct {
		args []string
		want []string
		data string
	}{
		{[]string{"a", "--data", "D", "b"}, []string{"a", "b"}, "D"},
		{[]string{"--data", "D", "a"}, []string{"a"}, "D"},
		{[]string{"a", "--", "--data"}, []string{"a", "--data"}, "./klaim-data"},
	}
	for _, tt := range tests {
		fs := newFlagSet("test", g)
		got, err := parseInterspersed(fs, tt.args)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") || g.dataDir != tt.data {
			t.Errorf("parseInterspersed(%q) = %q data=%q; want %q data=%q", tt.args, got, g.dataDir, tt.want, tt.data)
		}
	}
}

func TestExtractJSONL(t *testing.T) {
	st, out, errs := klaimRun(t, "extract", "--format", "jsonl", filepath.Join(samplesDir(t), "001_f25978199623f600.txt"))
	if st != 0 {
		t.Fatalf("extract failed: %s", errs)
	}
	var x map[string]any
	if err := json.Unmarshal([]byte(out), &x); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	for _, k := range []string{"path", "url", "title", "text", "published", "authors", "lang", "site"} {
		if _, ok := x[k]; !ok {
			t.Errorf("extract output lacks %q", k)
		}
	}
	if x["title"] != "Netflix Bantah Bisa Akses Pesan Pribadi Pengguna Facebook" || x["lang"] != "id" {
		t.Errorf("title/lang = %v / %v", x["title"], x["lang"])
	}
}

// `klaim search --format json` prints the body of GET /api/v1/search.
func TestSearchJSONIsTheEndpointBody(t *testing.T) {
	data := t.TempDir()
	if st, _, errs := klaimRun(t, "ingest", "--data", data, samplesDir(t)); st != 0 {
		t.Fatalf("ingest failed: %s", errs)
	}
	st, out, errs := klaimRun(t, "search", "--data", data, "--format", "json", "--limit", "2", "Netflix")
	if st != 0 {
		t.Fatalf("search failed: %s", errs)
	}
	var body struct {
		Data []map[string]any `json:"data"`
		Meta struct {
			Total      int                         `json:"total"`
			NextCursor string                      `json:"next_cursor"`
			Facets     map[string][]map[string]any `json:"facets"`
		} `json:"meta"`
	}
	if err := json.Unmarshal([]byte(out), &body); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if len(body.Data) != 2 || body.Meta.Total < 2 || body.Meta.NextCursor == "" || body.Meta.Facets["stance"] == nil {
		t.Fatalf("body = %+v", body)
	}
	for _, k := range []string{"id", "speaker", "stance", "claim", "score", "rebuts"} {
		if _, ok := body.Data[0][k]; !ok {
			t.Errorf("hit lacks %q, which the endpoint's hits have", k)
		}
	}
	// the cursor continues the same query
	st, out, errs = klaimRun(t, "search", "--data", data, "--format", "json", "--limit", "2", "--cursor", body.Meta.NextCursor, "Netflix")
	if st != 0 || !strings.Contains(out, `"data"`) {
		t.Fatalf("next page failed: %s", errs)
	}
}
