package web

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/klaim/klaim"
)

// do serves one request and returns the recorder.
func do(t testing.TB, h http.Handler, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// decode parses a JSON body into v, failing the test on error.
func decode(t testing.TB, rec *httptest.ResponseRecorder, v any) {
	t.Helper()
	if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
		t.Fatalf("body is not JSON: %v\n%s", err, rec.Body)
	}
}

// list is a decoded list answer.
type list[T any] struct {
	Data []T `json:"data"`
	Meta struct {
		Total      int                           `json:"total"`
		NextCursor string                        `json:"next_cursor"`
		Facets     map[string][]klaim.FacetCount `json:"facets"`
	} `json:"meta"`
}

func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, id(it))
	}
	return out
}

func stIDs(sts []klaim.Statement) []string {
	return ids(sts, func(s klaim.Statement) string { return s.Claim.ID + "/" + string(s.Stance) + "/" + s.Speaker.ID })
}

func TestAPI(t *testing.T) {
	f := newFixture(t, "")
	viva := f.store.docs["ar_viva"].Statements[0]
	type check func(t *testing.T, rec *httptest.ResponseRecorder)
	statements := func(want ...string) check {
		return func(t *testing.T, rec *httptest.ResponseRecorder) {
			var l list[klaim.Statement]
			decode(t, rec, &l)
			if got := stIDs(l.Data); !slices.Equal(got, want) {
				t.Errorf("statements = %v, want %v", got, want)
			}
			if l.Meta.Total != len(want) {
				t.Errorf("meta.total = %d, want %d", l.Meta.Total, len(want))
			}
		}
	}
	entities := func(want ...string) check {
		return func(t *testing.T, rec *httptest.ResponseRecorder) {
			var l list[klaim.Entity]
			decode(t, rec, &l)
			if got := ids(l.Data, func(e klaim.Entity) string { return e.ID }); !slices.Equal(got, want) {
				t.Errorf("entities = %v, want %v", got, want)
			}
		}
	}
	claims := func(want ...string) check {
		return func(t *testing.T, rec *httptest.ResponseRecorder) {
			var l list[klaim.Claim]
			decode(t, rec, &l)
			if got := ids(l.Data, func(c klaim.Claim) string { return c.ID }); !slices.Equal(got, want) {
				t.Errorf("claims = %v, want %v", got, want)
			}
		}
	}
	paths := func(want ...int) check {
		return func(t *testing.T, rec *httptest.ResponseRecorder) {
			var l list[Path]
			decode(t, rec, &l)
			got := ids(l.Data, func(p Path) string { return strings.Repeat("-", p.Hops) })
			if len(got) != len(want) {
				t.Fatalf("paths = %+v, want hops %v", l.Data, want)
			}
			for i, p := range l.Data {
				if p.Hops != want[i] || len(p.Edges) != p.Hops {
					t.Errorf("path %d: %d hops, %d edges, want %d", i, p.Hops, len(p.Edges), want[i])
				}
			}
		}
	}
	detail := func(substr ...string) check {
		return func(t *testing.T, rec *httptest.ResponseRecorder) {
			for _, s := range substr {
				if !strings.Contains(rec.Body.String(), s) {
					t.Errorf("body lacks %s:\n%s", s, rec.Body)
				}
			}
		}
	}

	tests := []struct {
		name, method, target string
		status               int
		check                check
	}{
		{"search words", "GET", "/api/v1/search?q=pesan+pribadi", 200, statements("cl_pm/deny/en_koos")},
		{"search best first", "GET", "/api/v1/search?q=users", 200, func(t *testing.T, rec *httptest.ResponseRecorder) {
			var l list[Hit]
			decode(t, rec, &l)
			if len(l.Data) < 3 || !slices.IsSortedFunc(l.Data, func(a, b Hit) int { return int(b.Score - a.Score) }) {
				t.Errorf("hits not best first: %+v", l.Data)
			}
			if l.Meta.Facets["stance"] == nil || l.Meta.Facets["year"] == nil || l.Meta.Facets["site"] == nil {
				t.Errorf("facets missing: %v", l.Meta.Facets)
			}
		}},
		{"search stance filter", "GET", "/api/v1/search?q=users&stance=apologize", 200, statements("cl_data/apologize/en_zuck")},
		{"search lang filter", "GET", "/api/v1/search?lang=id", 200, statements("cl_pm/deny/en_koos")},
		{"search date range", "GET", "/api/v1/search?from=2018-12-19&to=2018-12-19", 200, statements("cl_pm/deny/en_koos")},
		{"search speaker by name", "GET", "/api/v1/search?speaker=Mark+Zuckerberg", 200, statements("cl_data/apologize/en_zuck")},
		{"search site filter", "GET", "/api/v1/search?site=viva.co.id", 200, statements("cl_pm/deny/en_koos")},
		{"search entity involved", "GET", "/api/v1/search?entity=en_netflix&stance=deny", 200, statements("cl_pm/deny/en_koos")},
		{"search bad stance", "GET", "/api/v1/search?q=x&stance=lie", 400, detail("stance", "deny")},
		{"search bad date", "GET", "/api/v1/search?from=2018-13-01", 400, detail("from", "YYYY-MM-DD")},
		{"search bad to date", "GET", "/api/v1/search?to=19-12-2018", 400, detail("to", "YYYY-MM-DD")},
		{"search to before from", "GET", "/api/v1/search?from=2019-01-01&to=2018-01-01", 400, detail("before")},
		{"search limit zero", "GET", "/api/v1/search?limit=0", 400, detail("limit", "1 to 100")},
		{"search limit too big", "GET", "/api/v1/search?limit=101", 400, detail("limit")},
		{"search limit not a number", "GET", "/api/v1/search?limit=ten", 400, detail("limit")},
		{"search bad cursor", "GET", "/api/v1/search?q=users&cursor=garbage", 400, detail("cursor")},
		{"search query too long", "GET", "/api/v1/search?q=" + strings.Repeat("kata+", 300), 400, detail("q is", "1000")},
		{"search bad lang", "GET", "/api/v1/search?lang=english", 400, detail("lang", "ISO 639-1")},
		{"statement", "GET", "/api/v1/statements/" + viva.ID, 200, func(t *testing.T, rec *httptest.ResponseRecorder) {
			var st klaim.Statement
			decode(t, rec, &st)
			if st.ID != viva.ID || st.Speaker.Org == nil || st.Speaker.Org.Name != "Netflix" || st.Article.Site != "viva.co.id" {
				t.Errorf("statement = %+v", st)
			}
		}},
		{"statement unknown", "GET", "/api/v1/statements/st_nope", 404, detail(`st_nope`)},
		{"article", "GET", "/api/v1/articles/ar_viva", 200, detail("Kami sama sekali", `"lang":"id"`)},
		{"article unknown", "GET", "/api/v1/articles/ar_nope", 404, nil},
		{"claims all by text", "GET", "/api/v1/claims", 200, claims("cl_xss", "cl_data", "cl_pm")},
		{"claims search", "GET", "/api/v1/claims?q=private+messages", 200, claims("cl_pm")},
		{"claims search with entity", "GET", "/api/v1/claims?q=facebook&entity=en_netflix", 200, claims("cl_pm")},
		{"claims about entity name", "GET", "/api/v1/claims?entity=Netflix", 200, claims("cl_pm")},
		{"claims about entity id", "GET", "/api/v1/claims?entity=en_fb", 200, claims("cl_data", "cl_pm")},
		{"claims about speaker", "GET", "/api/v1/claims?entity=en_zuck", 200, claims("cl_data")},
		{"claims about nobody", "GET", "/api/v1/claims?entity=Nobody", 200, claims()},
		{"claims bad limit", "GET", "/api/v1/claims?limit=-1", 400, detail("limit")},
		{"claim timeline", "GET", "/api/v1/claims/cl_pm", 200, func(t *testing.T, rec *httptest.ResponseRecorder) {
			var d ClaimDetail
			decode(t, rec, &d)
			if got := stIDs(d.Timeline); !slices.Equal(got, []string{"cl_pm/claim/en_nyt", "cl_pm/deny/en_koos"}) {
				t.Errorf("timeline = %v, want NYT's claim then the denial", got)
			}
			if d.Text != claimPM.Text || d.Counts[klaim.StanceDeny] != 1 || d.Counts[klaim.StanceAdmit] != 0 {
				t.Errorf("claim = %q counts %v", d.Text, d.Counts)
			}
			if len(d.ClaimedBy) != 1 || d.ClaimedBy[0].ID != "en_nyt" || len(d.DeniedBy) != 1 || d.DeniedBy[0].ID != "en_koos" || len(d.AdmittedBy) != 0 {
				t.Errorf("claimed by %v, denied by %v, admitted by %v", d.ClaimedBy, d.DeniedBy, d.AdmittedBy)
			}
		}},
		{"claim with admission and apology", "GET", "/api/v1/claims/cl_data", 200, detail(`"admitted_by":[{"id":"en_fb"`, `"apologized_by":[{"id":"en_zuck"`, `"denied_by":[]`)},
		{"claim unknown", "GET", "/api/v1/claims/cl_nope", 404, nil},
		{"entities exact alias first", "GET", "/api/v1/entities?q=netflix+inc", 200, entities("en_netflix")},
		{"entities substring", "GET", "/api/v1/entities?q=face", 200, entities("en_fb")},
		{"entities short alias", "GET", "/api/v1/entities?q=NYT", 200, entities("en_nyt")},
		{"entities exact before substring", "GET", "/api/v1/entities?q=netflix", 200, entities("en_netflix")},
		{"entities by kind", "GET", "/api/v1/entities?kind=person", 200, entities("en_hacker", "en_koos", "en_zuck")},
		{"entities all", "GET", "/api/v1/entities?limit=2", 200, func(t *testing.T, rec *httptest.ResponseRecorder) {
			var l list[klaim.Entity]
			decode(t, rec, &l)
			if len(l.Data) != 2 || l.Meta.Total != 7 || l.Meta.NextCursor == "" {
				t.Errorf("got %d of %d, next %q; want 2 of 7 and a cursor", len(l.Data), l.Meta.Total, l.Meta.NextCursor)
			}
		}},
		{"entity", "GET", "/api/v1/entities/en_koos", 200, func(t *testing.T, rec *httptest.ResponseRecorder) {
			var d EntityDetail
			decode(t, rec, &d)
			if d.Name != entKoos.Name || d.StatementCounts[klaim.StanceDeny] != 1 || d.Statements != 1 || len(d.Relations) != 1 || d.Relations[0].Role != worksFor.Role {
				t.Errorf("entity = %+v", d)
			}
		}},
		{"entity by name", "GET", "/api/v1/entities/" + url.PathEscape("Facebook"), 200, detail(`"id":"en_fb"`, `"mentioned_in":5`, `"admit":1`)},
		{"entity unknown", "GET", "/api/v1/entities/Nobody", 404, detail("Nobody")},
		{"entity statements as speaker", "GET", "/api/v1/entities/en_fb/statements", 200, statements("cl_data/admit/en_fb")},
		{"entity statements as subject", "GET", "/api/v1/entities/en_netflix/statements?role=subject", 200, statements("cl_pm/claim/en_nyt", "cl_pm/deny/en_koos")},
		{"entity statements stance", "GET", "/api/v1/entities/en_fb/statements?role=subject&stance=apologize", 200, statements("cl_data/apologize/en_zuck")},
		{"entity statements bad role", "GET", "/api/v1/entities/en_fb/statements?role=author", 400, detail("role")},
		{"entity statements bad stance", "GET", "/api/v1/entities/en_fb/statements?stance=maybe", 400, detail("stance")},
		{"entity statements unknown", "GET", "/api/v1/entities/en_nope/statements", 404, nil},
		{"entity relations", "GET", "/api/v1/entities/en_fb/relations", 200, func(t *testing.T, rec *httptest.ResponseRecorder) {
			var l list[klaim.Relation]
			decode(t, rec, &l)
			if l.Meta.Total != 2 || !slices.Contains(l.Data, ceo) || !slices.Contains(l.Data, parent) {
				t.Errorf("relations = %+v", l.Data)
			}
		}},
		{"entity relations none", "GET", "/api/v1/entities/en_nyt/relations", 200, detail(`"data":[]`)},
		{"path one hop by names", "GET", "/api/v1/graph/path?from=Kooswardini+Wulandari&to=netflix", 200, paths(1)},
		{"path two hops", "GET", "/api/v1/graph/path?from=en_zuck&to=en_meta", 200, paths(2)},
		{"path none within hops", "GET", "/api/v1/graph/path?from=en_zuck&to=en_meta&max_hops=1", 200, paths()},
		{"path unconnected", "GET", "/api/v1/graph/path?from=en_koos&to=en_zuck&max_hops=6", 200, paths()},
		{"path max_hops too big", "GET", "/api/v1/graph/path?from=en_zuck&to=en_meta&max_hops=7", 400, detail("max_hops")},
		{"path missing to", "GET", "/api/v1/graph/path?from=en_zuck", 400, detail("from and to")},
		{"path unknown entity", "GET", "/api/v1/graph/path?from=Nobody&to=en_meta", 404, detail("from", "Nobody")},
		{"export claimreview", "GET", "/api/v1/export/claimreview", 200, func(t *testing.T, rec *httptest.ResponseRecorder) {
			var rs []klaim.ClaimReview
			decode(t, rec, &rs)
			got := ids(rs, func(r klaim.ClaimReview) string { return r.ClaimReviewed + " | " + r.ReviewRating.AlternateName })
			want := []string{
				"Facebook shared user data with partners | Admitted by Facebook; Apology by Mark Zuckerberg",
				"Netflix can read Facebook users' private messages | Denied by Kooswardini Wulandari",
			}
			if !slices.Equal(got, want) {
				t.Errorf("reviews = %q, want %q", got, want)
			}
		}},
		{"openapi", "GET", "/api/v1/openapi.json", 200, detail(`"openapi": "3.0.3"`)},
		{"healthz", "GET", "/healthz", 200, detail(`"status":"ok"`, `"articles":4`, `"statements":6`)},
		{"unknown route", "GET", "/api/v1/nothing", 404, detail("/api/v1/nothing")},
		{"wrong method", "DELETE", "/api/v1/search", 405, nil},
		{"head", "HEAD", "/healthz", 200, func(t *testing.T, rec *httptest.ResponseRecorder) {
			if rec.Header().Get("Content-Type") == "" {
				t.Error("HEAD without Content-Type")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, f.srv, tt.method, tt.target, nil)
			if tt.method != "HEAD" && tt.status != 405 && tt.target != "/api/v1/nothing" {
				conformsToSpec(t, tt.method, tt.target, nil, http.Header{}, rec)
			}
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d\n%s", rec.Code, tt.status, rec.Body)
			}
			ct := rec.Header().Get("Content-Type")
			switch {
			case tt.status >= 400:
				if ct != "application/problem+json" {
					t.Errorf("Content-Type = %q, want application/problem+json", ct)
				}
				var p Problem
				decode(t, rec, &p)
				if p.Status != tt.status || p.Title == "" || p.Detail == "" || !strings.HasPrefix(p.Type, "https://") {
					t.Errorf("problem = %+v", p)
				}
			case strings.HasSuffix(tt.target, "claimreview"):
				if !strings.HasPrefix(ct, "application/ld+json") {
					t.Errorf("Content-Type = %q, want application/ld+json", ct)
				}
			default:
				if !strings.HasPrefix(ct, "application/json") {
					t.Errorf("Content-Type = %q, want application/json", ct)
				}
			}
			if tt.check != nil {
				tt.check(t, rec)
			}
		})
	}
}

// TestPaging walks every page of each paged list and checks that pages join
// up: no item twice, none lost, and the last page has no cursor.
func TestPaging(t *testing.T) {
	f := newFixture(t, "", bulkDoc(45))
	tests := []struct {
		name, target string
		limit, total int
	}{
		{"search", "/api/v1/search?q=bulk+quote", 20, 45},
		{"search small pages", "/api/v1/search?q=repeated&stance=claim", 7, 45},
		{"entity statements", "/api/v1/entities/en_bulk/statements", 20, 45},
		{"claims", "/api/v1/claims", 2, 4},
		{"claims search", "/api/v1/claims?q=claim", 1, 1},
		{"entities", "/api/v1/entities", 3, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seen := make(map[string]bool)
			next, pages := "", 0
			for {
				u := tt.target + "&limit=" + strconv.Itoa(tt.limit)
				if !strings.Contains(tt.target, "?") {
					u = tt.target + "?limit=" + strconv.Itoa(tt.limit)
				}
				if next != "" {
					u += "&cursor=" + url.QueryEscape(next)
				}
				rec := do(t, f.srv, "GET", u, nil)
				if rec.Code != 200 {
					t.Fatalf("%s: %d %s", u, rec.Code, rec.Body)
				}
				var l list[struct {
					ID string `json:"id"`
				}]
				decode(t, rec, &l)
				pages++
				if l.Meta.Total != tt.total {
					t.Errorf("page %d: total = %d, want %d", pages, l.Meta.Total, tt.total)
				}
				if len(l.Data) > tt.limit || (l.Meta.NextCursor != "" && len(l.Data) != tt.limit) {
					t.Errorf("page %d has %d items with limit %d", pages, len(l.Data), tt.limit)
				}
				for _, it := range l.Data {
					if seen[it.ID] {
						t.Errorf("page %d repeats %s", pages, it.ID)
					}
					seen[it.ID] = true
				}
				if next = l.Meta.NextCursor; next == "" || pages > 100 {
					break
				}
			}
			if len(seen) != tt.total {
				t.Errorf("saw %d items over %d pages, want %d", len(seen), pages, tt.total)
			}
			if want := (tt.total + tt.limit - 1) / tt.limit; pages != max(want, 1) {
				t.Errorf("%d pages, want %d", pages, want)
			}
		})
	}

	t.Run("cursor of another query", func(t *testing.T) {
		var l list[klaim.Statement]
		decode(t, do(t, f.srv, "GET", "/api/v1/search?q=bulk&limit=5", nil), &l)
		if l.Meta.NextCursor == "" {
			t.Fatal("no cursor on the first page")
		}
		for _, target := range []string{
			"/api/v1/search?q=other&cursor=",
			"/api/v1/search?q=bulk&stance=deny&cursor=",
			"/api/v1/entities/en_bulk/statements?cursor=",
			"/api/v1/claims?cursor=",
		} {
			rec := do(t, f.srv, "GET", target+url.QueryEscape(l.Meta.NextCursor), nil)
			if rec.Code != 400 || !strings.Contains(rec.Body.String(), "cursor") {
				t.Errorf("%s: %d %s, want 400 about the cursor", target, rec.Code, rec.Body)
			}
		}
		// A cursor whose inner part the index cannot read: the client's
		// fault, not the server's.
		forged := cursor{Key: queryKey("search", url.Values{"q": {"bulk"}}), Inner: "nonsense"}.encode()
		if rec := do(t, f.srv, "GET", "/api/v1/search?q=bulk&cursor="+forged, nil); rec.Code != 400 || !strings.Contains(rec.Body.String(), "cursor") {
			t.Errorf("forged cursor: %d %s, want 400 about the cursor", rec.Code, rec.Body)
		}
		forged = cursor{Key: queryKey("claims", url.Values{"q": {"claim"}}), Inner: "nonsense"}.encode()
		if rec := do(t, f.srv, "GET", "/api/v1/claims?q=claim&cursor="+forged, nil); rec.Code != 400 {
			t.Errorf("forged claims cursor: %d %s, want 400", rec.Code, rec.Body)
		}
		// The same query with another page size keeps its place.
		if rec := do(t, f.srv, "GET", "/api/v1/search?q=bulk&limit=9&cursor="+url.QueryEscape(l.Meta.NextCursor), nil); rec.Code != 200 {
			t.Errorf("same query, new limit: %d %s", rec.Code, rec.Body)
		}
	})
}
