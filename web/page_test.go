package web

import (
	"io"
	"log/slog"
	"regexp"
	"strings"
	"testing"

	"github.com/klaim/klaim"
)

func newTestLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }

func TestPages(t *testing.T) {
	f := newFixture(t, "", bulkDoc(30))
	tests := []struct {
		name, target string
		status       int
		want, not    []string
	}{
		{"home", "/", 200, []string{`<form id="search"`, `<label for="q">`, "Cari pernyataan", "statements · pernyataan", `/static/app.js?v=`}, nil},
		{"search without JS", "/?q=pesan+pribadi", 200, []string{
			"Kooswardini Wulandari", "Director of Communications, Netflix", `class="badge badge-deny"`,
			"Kami sama sekali tidak pernah mengakses pesan pribadi", `href="https://www.viva.co.id/digital/netflix-bantah"`,
			"viva.co.id", "2018-12-19", `href="/claim/cl_pm"`, `href="/entity/en_koos"`, `value="pesan pribadi"`,
		}, nil},
		{"facet links", "/?q=users", 200, []string{`href="/?q=users&amp;stance=claim"`, `href="/?from=2018-01-01&amp;q=users&amp;to=2018-12-31"`, "Stance · Sikap"}, nil},
		{"active facet", "/?q=users&stance=admit", 200, []string{`aria-current="true">admits · mengakui`, `<option value="admit" selected>`}, []string{"badge-apologize\">apologizes"}},
		{"next page link", "/?q=bulk", 200, []string{`rel="next"`, "cursor="}, nil},
		{"bad filter", "/?q=x&stance=lie", 400, []string{`role="alert"`, "unknown stance"}, nil},
		{"claim page", "/claim/cl_pm", 200, []string{"Netflix can read Facebook users", "Timeline · Linimasa", "Denied by · Dibantah oleh", "The New York Times"}, nil},
		{"entity page", "/entity/en_koos", 200, []string{"Kooswardini Wulandari", "works for · bekerja di (Director of Communications)", "Relations · Hubungan"}, nil},
		{"entity page by name", "/entity/Facebook", 200, []string{"Also known as", "FB", "Statements about"}, nil},
		{"article with evidence", "/article/ar_viva?st=" + f.store.docs["ar_viva"].Statements[0].ID, 200, []string{
			`<mark id="evidence">Kami sama sekali tidak pernah mengakses pesan pribadi pengguna Facebook</mark>`,
			"Netflix Bantah Bisa Akses", `href="/claim/cl_pm"`, "badge-deny"}, nil},
		{"article with another article's statement", "/article/ar_nyt?st=" + f.store.docs["ar_viva"].Statements[0].ID, 200, []string{"Facebook gave Netflix"}, []string{"<mark"}},
		{"article without statement", "/article/ar_nyt", 200, []string{"Facebook gave Netflix"}, []string{"<mark"}},
		{"unknown article", "/article/ar_nope", 404, []string{"Not found"}, nil},
		{"unknown claim", "/claim/cl_nope", 404, []string{"Not found · Tidak ditemukan", "cl_nope"}, nil},
		{"unknown entity", "/entity/en_nope", 404, []string{"Not found"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, f.srv, "GET", tt.target, nil)
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d\n%s", rec.Code, tt.status, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
			if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
				t.Errorf("CSP = %q", csp)
			}
			body := rec.Body.String()
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %s", w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(body, w) {
					t.Errorf("page has %s", w)
				}
			}
			checkAccessible(t, body)
			if strings.Contains(body, "http://") || strings.Contains(body, "//fonts.") || strings.Contains(body, "cdn") {
				t.Error("page loads something from elsewhere")
			}
		})
	}
}

// TestXSS renders every page that shows the hostile article and checks that
// its quote, title, URL, site and names come out as text, never as markup.
func TestXSS(t *testing.T) {
	f := newFixture(t, "")
	evil := f.store.docs["ar_evil"].Statements[0].ID
	for _, target := range []string{"/?q=trust", "/claim/cl_xss", "/entity/en_hacker", "/article/ar_evil?st=" + evil, "/?speaker=" + "%3Cscript%3E"} {
		t.Run(target, func(t *testing.T) {
			rec := do(t, f.srv, "GET", target, nil)
			body := rec.Body.String()
			for _, bad := range []string{"<script>alert", `<img src=x`, `href="javascript:`, `"><b>`, `<b>"`} {
				if strings.Contains(body, bad) {
					t.Errorf("%s: unescaped %s in\n%s", target, bad, body)
				}
			}
			if strings.Contains(target, "speaker") {
				return
			}
			if !strings.Contains(body, "&lt;") {
				t.Errorf("%s: the hostile text is missing instead of escaped", target)
			}
		})
	}
	rec := do(t, f.srv, "GET", "/?q=trust", nil)
	if !strings.Contains(rec.Body.String(), `&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt; trust me`) {
		t.Errorf("the quote is not shown escaped:\n%s", rec.Body)
	}
}

func TestStatic(t *testing.T) {
	f := newFixture(t, "")
	for _, tt := range []struct{ file, ctype string }{{"app.js", "text/javascript"}, {"style.css", "text/css"}} {
		rec := do(t, f.srv, "GET", "/static/"+tt.file+"?v="+f.srv.page.version, nil)
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), tt.ctype) || rec.Body.Len() < 500 {
			t.Errorf("%s: %d %q %d bytes", tt.file, rec.Code, rec.Header().Get("Content-Type"), rec.Body.Len())
		}
		if !strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
			t.Errorf("%s: versioned file not cached for long: %q", tt.file, rec.Header().Get("Cache-Control"))
		}
		if rec := do(t, f.srv, "GET", "/static/"+tt.file, nil, "If-None-Match", rec.Header().Get("ETag")); rec.Code != 304 {
			t.Errorf("%s: revalidation gave %d, want 304", tt.file, rec.Code)
		}
	}
	if rec := do(t, f.srv, "GET", "/static/../server.go", nil); rec.Code != 404 {
		t.Errorf("path escape: %d", rec.Code)
	}
	js := string(f.srv.page.static["app.js"].body)
	if strings.Contains(js, "innerHTML") || strings.Contains(js, "insertAdjacentHTML") || strings.Contains(js, "document.write") {
		t.Error("app.js writes markup from strings; it must build nodes with textContent")
	}
}

func TestSplitSpan(t *testing.T) {
	text := "Dia bilang “tidak benar” kemarin."
	st := func(from, to int) *klaim.Statement { return &klaim.Statement{Span: [2]int{from, to}} }
	quoteStart := strings.Index(text, "“")
	quoteEnd := strings.Index(text, "”") + len("”")
	tests := []struct {
		name     string
		st       *klaim.Statement
		evidence string
	}{
		{"no statement", nil, ""},
		{"the quote", st(quoteStart, quoteEnd), "“tidak benar”"},
		{"empty span", st(3, 3), ""},
		{"past the end", st(0, len(text)+1), ""},
		{"negative", st(-1, 2), ""},
		{"reversed", st(5, 2), ""},
		{"cuts a character", st(quoteStart+1, quoteEnd), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, evidence, after := splitSpan(text, tt.st)
			if evidence != tt.evidence || before+evidence+after != text {
				t.Errorf("split = %q | %q | %q, want evidence %q and the whole text", before, evidence, after, tt.evidence)
			}
		})
	}
}

var (
	controlID = regexp.MustCompile(`<(?:input|select|textarea)[^>]*\bid="([^"]+)"`)
	h1        = regexp.MustCompile(`<h1[ >]`)
)

// checkAccessible checks what a test can see of a page's accessibility:
// one top heading, a label for every form control, a language.
func checkAccessible(t *testing.T, body string) {
	t.Helper()
	if n := len(h1.FindAllString(body, -1)); n != 1 {
		t.Errorf("page has %d h1 headings, want 1", n)
	}
	for _, m := range controlID.FindAllStringSubmatch(body, -1) {
		if !strings.Contains(body, `<label for="`+m[1]+`"`) {
			t.Errorf("control %q has no label", m[1])
		}
	}
	if !strings.Contains(body, `<html lang="`) {
		t.Error("page does not say its language")
	}
}
