package article

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	ref := time.Date(2019, 1, 10, 12, 0, 0, 0, wib) // fetch time, in WIB
	at := func(y int, mo time.Month, d, h, mi, s, offHours int) time.Time {
		return time.Date(y, mo, d, h, mi, s, 0, time.FixedZone("", offHours*3600))
	}
	tests := []struct {
		in   string
		want time.Time // zero: rejected
	}{
		// Indonesian sites, visible text.
		{"Rabu, 19 Desember 2018 10:05 WIB", at(2018, 12, 19, 10, 5, 0, 7)},
		{"Rabu, 19 Des 2018 10:05 WIB", at(2018, 12, 19, 10, 5, 0, 7)},
		{"Kamis, 20 Desember 2018 | 14:30 WITA", at(2018, 12, 20, 14, 30, 0, 8)},
		{"Jumat 21 Desember 2018, 08.15 WIT", at(2018, 12, 21, 8, 15, 0, 9)},
		{"Rabu (19/12/2018)", at(2018, 12, 19, 0, 0, 0, 7)},
		{"19/12/2018 10:05", at(2018, 12, 19, 10, 5, 0, 7)},
		{"Selasa, 18/12/2018 21:45 WIB", at(2018, 12, 18, 21, 45, 0, 7)},
		{"Senin, 3 Sep 2018 07:00", at(2018, 9, 3, 7, 0, 0, 7)},
		{"1 Agustus 2018", at(2018, 8, 1, 0, 0, 0, 7)},
		{"12 Agu 2018 16:20 WIB", at(2018, 8, 12, 16, 20, 0, 7)},
		{"12 Ags 2018", at(2018, 8, 12, 0, 0, 0, 7)},
		{"5 Okt 2018, 09:12 WIB", at(2018, 10, 5, 9, 12, 0, 7)},
		{"17 Mei 2018", at(2018, 5, 17, 0, 0, 0, 7)},
		{"Diterbitkan 2 Januari 2019 pukul 06.30 WIB", at(2019, 1, 2, 6, 30, 0, 7)},
		{"Minggu, 30 Nov 2018 - 23:59", at(2018, 11, 30, 23, 59, 0, 7)},
		{"2 jam lalu", ref.Add(-2 * time.Hour)},
		{"3 hari yang lalu", ref.AddDate(0, 0, -3)},
		{"15 menit yang lalu", ref.Add(-15 * time.Minute)},
		// English sites.
		{"December 19, 2018", at(2018, 12, 19, 0, 0, 0, 7)},
		{"Dec. 19, 2018 at 10:05 a.m. ET", at(2018, 12, 19, 10, 5, 0, -5)},
		{"Updated 9:38 PM EST, Tue November 20, 2018", at(2018, 11, 20, 21, 38, 0, -5)},
		{"19 Dec 2018", at(2018, 12, 19, 0, 0, 0, 7)},
		{"Wed, 19 Dec 2018 10:05:00 GMT", at(2018, 12, 19, 10, 5, 0, 0)},
		{"Published: 18 November 2018, 14:07 GMT+7", at(2018, 11, 18, 14, 7, 0, 7)},
		{"2 hours ago", ref.Add(-2 * time.Hour)},
		{"an hour ago", ref.Add(-time.Hour)},
		{"November 18th, 2018", at(2018, 11, 18, 0, 0, 0, 7)},
		// Machine-readable forms from JSON-LD, meta tags and <time>.
		{"2018-12-19T10:05:00+07:00", at(2018, 12, 19, 10, 5, 0, 7)},
		{"2018-12-19T03:05:00Z", at(2018, 12, 19, 3, 5, 0, 0)},
		{"2018-12-19T10:05:00.000+0700", at(2018, 12, 19, 10, 5, 0, 7)},
		{"2018-12-19 10:05:00", at(2018, 12, 19, 10, 5, 0, 7)},
		{"2018-12-19", at(2018, 12, 19, 0, 0, 0, 7)},
		{"2018/12/19 10:05", at(2018, 12, 19, 10, 5, 0, 7)},
		{"1545188700", time.Unix(1545188700, 0)},
		// Month-first only when day-first is impossible.
		{"12/19/2018", at(2018, 12, 19, 0, 0, 0, 7)},
		// Rejected: future, copyright years, nonsense.
		{"Rabu, 19 Desember 2029 10:05 WIB", time.Time{}},
		{"2 Februari 2019", time.Time{}},
		{"© 2018 Kompas.com", time.Time{}},
		{"31 Februari 2018", time.Time{}},
		{"Baca juga: Netflix bantah akses pesan", time.Time{}},
		{"", time.Time{}},
		{"1 January 1970", time.Time{}},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in, ref)
		if tt.want.IsZero() {
			if ok {
				t.Errorf("ParseDate(%q) = %v, want rejected", tt.in, got)
			}
			continue
		}
		if !ok || !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
			continue
		}
		_, gotOff := got.Zone()
		_, wantOff := tt.want.In(got.Location()).Zone()
		if gotOff != wantOff {
			t.Errorf("ParseDate(%q) zone offset %d, want %d", tt.in, gotOff, wantOff)
		}
	}
}

func TestParseDateMarkup(t *testing.T) {
	ref := time.Date(2019, 1, 10, 12, 0, 0, 0, time.UTC)
	wantPub := time.Date(2018, 12, 19, 10, 5, 0, 0, wib)
	body := `<div class="content"><p>` + longText + `</p><p>` + longText + `</p></div>`
	tests := []struct {
		name, head, byline string
	}{
		{"json-ld", `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"H","datePublished":"2018-12-19T10:05:00+07:00"}</script>`, ""},
		{"json-ld graph", `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},{"@type":["NewsArticle"],"datePublished":"2018-12-19T03:05:00Z"}]}</script>`, ""},
		{"article:published_time", `<meta property="article:published_time" content="2018-12-19T10:05:00+07:00">`, ""},
		{"parsely", `<meta name="parsely-pub-date" content="2018-12-19T03:05:00Z">`, ""},
		{"sailthru", `<meta name="sailthru.date" content="2018-12-19 10:05:00 +0700">`, ""},
		{"dc.date", `<meta name="DC.date.issued" content="2018-12-19T10:05:00+07:00">`, ""},
		{"time datetime", ``, `<time datetime="2018-12-19T10:05:00+07:00">19 Desember</time>`},
		{"visible wib", `<html lang="id">`, `<div class="read__time">Kompas.com - 19/12/2018, 10:05 WIB</div>`},
		{"visible indonesian", `<html lang="id">`, `<span class="date">Rabu, 19 Desember 2018 10:05 WIB</span>`},
	}
	tests = append(tests, struct{ name, head, byline string }{"url path", `<html lang="id">`, ""})
	for _, tt := range tests {
		page := tt.head + `<title>T</title><body>` + tt.byline + body + `<footer>© 2019 Media</footer></body>`
		u := "https://news.example.id/a"
		if tt.name == "url path" {
			u = "https://news.example.id/read/2018/12/19/10050037/netflix"
			wantPub = time.Date(2018, 12, 19, 0, 0, 0, 0, wib)
		}
		a, err := ExtractAt([]byte(page), u, "", ref)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !a.Published.Equal(wantPub) {
			t.Errorf("%s: Published = %v, want %v", tt.name, a.Published, wantPub)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"Rabu, 19 Desember 2018 10:05 WIB", "2 jam lalu", "2018-12-19T10:05:00+07:00", "12/19/2018", "99999999999 hours ago", "1:1 gmt+99"} {
		f.Add(s)
	}
	ref := time.Date(2019, 1, 10, 12, 0, 0, 0, wib)
	f.Fuzz(func(t *testing.T, s string) {
		if got, ok := ParseDate(s, ref); ok && got.After(ref) {
			t.Fatalf("ParseDate(%q) = %v after ref", s, got)
		}
	})
}
