package article

import (
	"strings"
	"unicode"
)

// Stop words: the most frequent function words of each language, chosen so
// that none is common in the other (no "di"/"dan" clash with English, no
// "a"/"on" clash with Indonesian).
var (
	idStop = wordSet(`yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga saya ada oleh
		bisa karena sudah atau kami mereka kata telah tersebut adalah bahwa lebih sebagai namun para
		masih hanya bagi saat menjadi seperti dia ia kita belum jika agar dapat hal tak lagi harus
		setelah antara sangat serta sejak hingga kepada yakni yaitu tetapi tapi pun nya kami anda
		sebuah seorang ujar katanya menurut tahun bulan hari usai bakal belum sedang namun apa
		mengatakan menyebut mengaku membantah tidaklah bukan sudah begitu karena melalui terhadap`)
	enStop = wordSet(`the and of to in is that for it with as was on be by at are this from or an
		have not has but they his her were which he she we you their will would been said who its
		also more about than after there when what one can all if had out up into could our them
		these those such only over new other should because while where how very most some any
		does did being just before through during says told against between`)
)

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// DetectLang guesses whether text is Indonesian ("id") or English ("en")
// from stop words and Indonesian affixes (-nya, -kan, meng-/meny-/memb-,
// ber-), and returns "" when the text gives no clear signal either way
// (too short, another language, or an even mix). It reads at most the
// first 4000 words.
func DetectLang(text string) string {
	l, _ := detectLang(text)
	return l
}

// detectLang is DetectLang that also returns the share of the words that
// are stop words of the detected language.
func detectLang(text string) (string, float64) {
	var id, en float64
	words := 0
	start := -1
	flush := func(end int) {
		w := lowerASCII(text[start:end])
		start = -1
		words++
		switch {
		case idStop[w]:
			id++
		case enStop[w]:
			en++
		case len(w) > 5 && (strings.HasSuffix(w, "nya") || strings.HasSuffix(w, "kan")):
			id += 0.5
		case len(w) > 6 && (strings.HasPrefix(w, "meng") || strings.HasPrefix(w, "meny") || strings.HasPrefix(w, "memb") || strings.HasPrefix(w, "memp") || strings.HasPrefix(w, "ber") || strings.HasPrefix(w, "peng")):
			id += 0.3
		case len(w) > 5 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "tion") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly")):
			en += 0.3
		}
	}
	for i, r := range text {
		if unicode.IsLetter(r) || r == '\'' && start >= 0 {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			flush(i)
			if words >= 4000 {
				break
			}
		}
	}
	if start >= 0 {
		flush(len(text))
	}
	total := id + en
	if total < 1 {
		return "", 0
	}
	// Demand a clear majority, and for longer texts a real share of
	// function words: a page in a third language still shares a few
	// words with English.
	if words > 30 && total < float64(words)/10 {
		return "", 0
	}
	switch {
	case id > en*1.5:
		return "id", id / float64(words)
	case en > id*1.5:
		return "en", en / float64(words)
	}
	return "", 0
}
