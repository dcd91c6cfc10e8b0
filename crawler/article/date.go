package article

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// wib is Western Indonesian Time, the zone of Jakarta and of most
// Indonesian news sites.
var wib = time.FixedZone("WIB", 7*3600)

// zones are the time-zone abbreviations seen on news sites. Ambiguous ones
// (IST, CST) take their most common newsroom meaning; US zones use the
// daylight or standard offset they name.
var zones = map[string]int{
	"wib": 7, "wita": 8, "wit": 9, "utc": 0, "gmt": 0, "z": 0,
	"et": -5, "est": -5, "edt": -4, "ct": -6, "cst": -6, "cdt": -5, "mt": -7, "mst": -7, "mdt": -6,
	"pt": -8, "pst": -8, "pdt": -7, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3,
	"ist": 5, "sgt": 8, "myt": 8, "jst": 9, "kst": 9, "aest": 10, "aedt": 11, "hkt": 8, "pht": 8,
}

// months maps English and Indonesian month names and abbreviations.
var months = map[string]time.Month{
	"january": 1, "januari": 1, "jan": 1,
	"february": 2, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2,
	"march": 3, "maret": 3, "mar": 3,
	"april": 4, "apr": 4,
	"may": 5, "mei": 5,
	"june": 6, "juni": 6, "jun": 6,
	"july": 7, "juli": 7, "jul": 7,
	"august": 8, "agustus": 8, "aug": 8, "agu": 8, "ags": 8, "agt": 8, "agst": 8,
	"september": 9, "sept": 9, "sep": 9,
	"october": 10, "oktober": 10, "oct": 10, "okt": 10,
	"november": 11, "nopember": 11, "nov": 11, "nop": 11,
	"december": 12, "desember": 12, "dec": 12, "des": 12,
}

const monthAlt = `january|januari|jan|february|februari|pebruari|feb|peb|march|maret|mar|april|apr|may|mei|june|juni|jun|july|juli|jul|august|agustus|agst|aug|agu|ags|agt|september|sept|sep|october|oktober|oct|okt|november|nopember|nov|nop|december|desember|dec|des`

var (
	isoDate   = regexp.MustCompile(`(\d{4})-(\d{1,2})-(\d{1,2})(?:[t\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?\s*(z\b|[+-]\d{2}(?::?\d{2})?\b)?`)
	ymdSlash  = regexp.MustCompile(`\b(\d{4})/(\d{1,2})/(\d{1,2})\b`)
	dmyName   = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?[\s\-]*(?:of\s+)?(` + monthAlt + `)\b\.?,?[\s\-]*(\d{4})\b`)
	mdyName   = regexp.MustCompile(`\b(` + monthAlt + `)\b\.?\s*(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})\b`)
	numDate   = regexp.MustCompile(`\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b`)
	clock     = regexp.MustCompile(`\b(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(a\.?m\b\.?|p\.?m\b\.?)?`)
	zoneAfter = regexp.MustCompile(`^\s*\(?\s*(?:(gmt|utc)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?|([+-])(\d{2}):?(\d{2})\b|(wib|wita|wit|utc|gmt|z|et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt|bst|cet|cest|eet|eest|ist|sgt|myt|jst|kst|aest|aedt|hkt|pht)\b)`)
	relative  = regexp.MustCompile(`\b(\d+|an?|one|se|satu)\s*(detik|menit|jam|hari|minggu|pekan|bulan|tahun|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+(?:yang\s+)?(?:lalu|ago|silam)\b`)
	unixTime  = regexp.MustCompile(`^\d{10}$`)
)

// ParseDate reads a date as news sites write it, in Indonesian or English:
// ISO 8601 and RFC 1123 forms, "Rabu, 19 Desember 2018 10:05 WIB",
// "Rabu (19/12/2018)", "19/12/2018 10:05", "December 19, 2018",
// "19 Dec 2018", Indonesian month names and abbreviations, and relative
// dates ("2 jam lalu", "3 hari yang lalu", "2 hours ago") counted back from
// ref. WIB, WITA and WIT are +07, +08 and +09; a date without a zone is
// taken in ref's location. Numeric dates are day first unless only a
// month-first reading is valid. A date after ref, or before 1990, is
// rejected: it is a typo, a scheduled event or a copyright line.
func ParseDate(s string, ref time.Time) (time.Time, bool) {
	if len(s) > 300 {
		s = s[:300]
	}
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return time.Time{}, false
	}
	if ref.IsZero() {
		ref = time.Now()
	}
	t, ok := parseDate(s, ref)
	if !ok || t.After(ref) || t.Year() < 1990 {
		return time.Time{}, false
	}
	return t, true
}

func parseDate(s string, ref time.Time) (time.Time, bool) {
	loc := ref.Location()
	if unixTime.MatchString(s) {
		n, _ := strconv.ParseInt(s, 10, 64)
		return time.Unix(n, 0).In(loc), true
	}
	if m := isoDate.FindStringSubmatchIndex(s); m != nil {
		g := groups(s, m)
		y, mo, d := atoi(g[1]), atoi(g[2]), atoi(g[3])
		h, mi, sec := atoi(g[4]), atoi(g[5]), atoi(g[6])
		if g[7] != "" {
			loc = offsetZone(g[7])
		} else if g[4] != "" {
			if _, z, ok := zoneAt(s[m[1]:]); ok {
				loc = z
			}
		}
		return build(y, mo, d, h, mi, sec, loc)
	}
	if m := relative.FindStringSubmatch(s); m != nil {
		return relativeDate(m[1], m[2], ref), true
	}
	if strings.Contains(s, "baru saja") || strings.Contains(s, "just now") {
		return ref, true
	}
	var y, mo, d int
	rest := s
	if m := ymdSlash.FindStringSubmatchIndex(s); m != nil {
		g := groups(s, m)
		y, mo, d = atoi(g[1]), atoi(g[2]), atoi(g[3])
		rest = s[:m[0]] + " " + s[m[1]:]
	} else if m := dmyName.FindStringSubmatchIndex(s); m != nil {
		g := groups(s, m)
		d, mo, y = atoi(g[1]), int(months[g[2]]), atoi(g[3])
		rest = s[:m[0]] + " " + s[m[1]:]
	} else if m := mdyName.FindStringSubmatchIndex(s); m != nil {
		g := groups(s, m)
		mo, d, y = int(months[g[1]]), atoi(g[2]), atoi(g[3])
		rest = s[:m[0]] + " " + s[m[1]:]
	} else if m := numDate.FindStringSubmatchIndex(s); m != nil {
		g := groups(s, m)
		a, b := atoi(g[1]), atoi(g[2])
		y = atoi(g[3])
		if len(g[3]) == 2 {
			y += 2000
		}
		d, mo = a, b
		if b > 12 && a <= 12 {
			d, mo = b, a
		}
		rest = s[:m[0]] + " " + s[m[1]:]
	} else if strings.Contains(s, "kemarin") || strings.Contains(s, "yesterday") {
		t := ref.AddDate(0, 0, -1)
		y, mo, d = t.Year(), int(t.Month()), t.Day()
	} else if strings.Contains(s, "hari ini") || strings.Contains(s, "today") {
		y, mo, d = ref.Year(), int(ref.Month()), ref.Day()
	} else {
		return time.Time{}, false
	}
	h, mi, sec := 0, 0, 0
	if m := clock.FindStringSubmatchIndex(rest); m != nil {
		g := groups(rest, m)
		h, mi, sec = atoi(g[1]), atoi(g[2]), atoi(g[3])
		if ap := g[4]; ap != "" {
			pm := ap[0] == 'p'
			if pm && h < 12 {
				h += 12
			} else if !pm && h == 12 {
				h = 0
			}
		}
		if _, z, ok := zoneAt(rest[m[1]:]); ok {
			loc = z
		}
	} else if _, z, ok := zoneAt(rest); ok {
		loc = z
	}
	return build(y, mo, d, h, mi, sec, loc)
}

// zoneAt reads a zone written at the start of s: "WIB", "GMT+7", "+07:00".
func zoneAt(s string) (string, *time.Location, bool) {
	m := zoneAfter.FindStringSubmatch(s)
	if m == nil {
		return "", nil, false
	}
	switch {
	case m[1] != "":
		off := atoi(m[3])*3600 + atoi(m[4])*60
		if m[2] == "-" {
			off = -off
		}
		return m[0], time.FixedZone("", off), true
	case m[5] != "":
		return m[0], offsetZone(m[5] + m[6] + m[7]), true
	default:
		name := m[8]
		if name == "z" {
			return m[0], time.UTC, true
		}
		return m[0], time.FixedZone(strings.ToUpper(name), zones[name]*3600), true
	}
}

// offsetZone reads "z", "+07", "+0700" or "+07:00".
func offsetZone(z string) *time.Location {
	if z == "z" || z == "" {
		return time.UTC
	}
	sign := 1
	if z[0] == '-' {
		sign = -1
	}
	digits := strings.ReplaceAll(z[1:], ":", "")
	h := atoi(digits[:min(2, len(digits))])
	mi := 0
	if len(digits) >= 4 {
		mi = atoi(digits[2:4])
	}
	off := sign * (h*3600 + mi*60)
	if off == 0 {
		return time.UTC
	}
	return time.FixedZone("", off)
}

func relativeDate(num, unit string, ref time.Time) time.Time {
	n := 1
	switch num {
	case "a", "an", "one", "se", "satu":
	default:
		n = atoi(num)
	}
	switch {
	case strings.HasPrefix(unit, "detik"), strings.HasPrefix(unit, "sec"):
		return ref.Add(-time.Duration(n) * time.Second)
	case strings.HasPrefix(unit, "menit"), strings.HasPrefix(unit, "min"):
		return ref.Add(-time.Duration(n) * time.Minute)
	case strings.HasPrefix(unit, "jam"), strings.HasPrefix(unit, "hour"), strings.HasPrefix(unit, "hr"):
		return ref.Add(-time.Duration(n) * time.Hour)
	case strings.HasPrefix(unit, "hari"), strings.HasPrefix(unit, "day"):
		return ref.AddDate(0, 0, -n)
	case strings.HasPrefix(unit, "minggu"), strings.HasPrefix(unit, "pekan"), strings.HasPrefix(unit, "week"):
		return ref.AddDate(0, 0, -7*n)
	case strings.HasPrefix(unit, "bulan"), strings.HasPrefix(unit, "month"):
		return ref.AddDate(0, -n, 0)
	default:
		return ref.AddDate(-n, 0, 0)
	}
}

func build(y, mo, d, h, mi, sec int, loc *time.Location) (time.Time, bool) {
	if mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, loc)
	if t.Day() != d {
		return time.Time{}, false // 31 February
	}
	return t, true
}

func groups(s string, m []int) []string {
	g := make([]string, len(m)/2)
	for i := range g {
		if m[2*i] >= 0 {
			g[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return g
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
