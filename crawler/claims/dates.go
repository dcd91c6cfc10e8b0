package claims

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

var months = map[string]int{
	"januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "pebruari": 2,
	"maret": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5,
	"juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "agustus": 8, "august": 8, "aug": 8, "agu": 8,
	"september": 9, "sep": 9, "sept": 9, "oktober": 10, "october": 10, "oct": 10, "okt": 10,
	"november": 11, "nov": 11, "nopember": 11, "desember": 12, "december": 12, "dec": 12, "des": 12,
}

var weekdays = map[string]time.Weekday{
	"minggu": time.Sunday, "sunday": time.Sunday, "ahad": time.Sunday,
	"senin": time.Monday, "monday": time.Monday, "selasa": time.Tuesday, "tuesday": time.Tuesday,
	"rabu": time.Wednesday, "wednesday": time.Wednesday, "kamis": time.Thursday, "thursday": time.Thursday,
	"jumat": time.Friday, "jum'at": time.Friday, "friday": time.Friday, "sabtu": time.Saturday, "saturday": time.Saturday,
}

// saidAt returns when the sentence toks[a:b] says its statement was made:
// an explicit date outside quotations ("Rabu, 19 Desember 2018",
// "(10/10/2019)", "December 19, 2018"), a month or a year ("pada 2018"), or a
// weekday or "yesterday" counted back from the article's date. Dates after
// "since", "until" and the like say when something else happened. It returns
// "" when the sentence names no date.
func (r *run) saidAt(toks []token, a, b int) string {
	if r.saidSent == r.sent {
		return r.saidVal
	}
	r.saidSent, r.saidVal = r.sent, r.findDate(toks, a, b)
	return r.saidVal
}

func (r *run) findDate(toks []token, a, b int) string {
	// Explicit dates first, then a weekday or "yesterday" counted back.
	if d := r.scanDate(toks, a, b, false); d != "" {
		return d
	}
	return r.scanDate(toks, a, b, true)
}

func (r *run) scanDate(toks []token, a, b int, relative bool) string {
	pub := r.a.Published
	skip := 0
	for i := a; i < b; i++ {
		t := &toks[i]
		if !t.word || t.inq {
			continue
		}
		if t.cls&cTimeprep != 0 {
			skip = i + 4 // "sejak 17 September 2019": not when it was said
			continue
		}
		if i < skip {
			continue
		}
		num, numErr := atoi(t.low)
		// 19 Desember 2018 / 19 Desember
		if numErr == nil && num >= 1 && num <= 31 && i+1 < b {
			if m, ok := months[toks[i+1].low]; ok {
				if i+2 < b {
					if y, err := atoi(toks[i+2].low); err == nil && y > 1900 && y < 2200 {
						return fmt.Sprintf("%04d-%02d-%02d", y, m, num)
					}
				}
				if !pub.IsZero() {
					return fmt.Sprintf("%04d-%02d-%02d", pub.Year(), m, num)
				}
			}
		}
		if m, ok := months[t.low]; ok && t.cap && i+1 < b {
			// December 19, 2018 / May 2018
			if d, err := atoi(toks[i+1].low); err == nil {
				if d > 1900 && d < 2200 {
					return fmt.Sprintf("%04d-%02d", d, m)
				}
				if d >= 1 && d <= 31 {
					if i+3 < b && toks[i+2].raw == "," {
						if y, err := atoi(toks[i+3].low); err == nil && y > 1900 && y < 2200 {
							return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
						}
					}
					if !pub.IsZero() {
						return fmt.Sprintf("%04d-%02d-%02d", pub.Year(), m, d)
					}
				}
			}
		}
		// (10/10/2019), (1/4)
		if strings.Count(t.low, "/") >= 1 && numErr != nil {
			if d := slashDate(t.low, pub); d != "" {
				return d
			}
		}
		// pada 2018, in 2018, tahun 2018
		if numErr == nil && num > 1900 && num < 2200 && i > a && (toks[i-1].cls&cYearprep != 0) {
			return strconv.Itoa(num)
		}
		if !relative {
			continue
		}
		if wd, ok := weekdays[t.low]; ok && t.cap && !pub.IsZero() {
			d := pub
			for k := 0; k < 7 && d.Weekday() != wd; k++ {
				d = d.AddDate(0, 0, -1)
			}
			return d.Format("2006-01-02")
		}
		if (t.cls&cYesterday != 0) && !pub.IsZero() {
			return pub.AddDate(0, 0, -1).Format("2006-01-02")
		}
	}
	return ""
}

// slashDate reads d/m/yyyy or d/m (Indonesian order) as a date.
func slashDate(s string, pub time.Time) string {
	parts := strings.Split(s, "/")
	if len(parts) < 2 || len(parts) > 3 {
		return ""
	}
	d, err1 := strconv.Atoi(parts[0])
	m, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || d < 1 || d > 31 || m < 1 || m > 12 {
		return ""
	}
	y := pub.Year()
	if len(parts) == 3 {
		v, err := strconv.Atoi(parts[2])
		if err != nil {
			return ""
		}
		if v < 100 {
			v += 2000
		}
		y = v
	} else if pub.IsZero() {
		return ""
	}
	if y < 1900 || y > 2200 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

var errNotNumber = errors.New("not a number")

// atoi reads a short run of ASCII digits without allocating on words.
func atoi(s string) (int, error) {
	if len(s) == 0 || len(s) > 6 {
		return 0, errNotNumber
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, errNotNumber
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}
