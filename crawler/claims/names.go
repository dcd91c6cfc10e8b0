package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/klaim/klaim"
)

// Organisation names are long and mix in words the gazetteer knows on their
// own ("Bank Syariah Indonesia", "Indonesia Corruption Watch") and words of
// the news vocabulary ("The World Anti-Doping Agency"). News copy defines
// such a name once with its acronym in parentheses and then uses the
// acronym, often glued to a role and a person: "Direktur Utama BSI Hery
// Gunardi". The helpers here read these patterns.

// maxOrgWords bounds the words of an organisation's name, so that reading
// one stays constant work per token.
const maxOrgWords = 12

// orgNoise reports whether a word of an organisation's name is legal form or
// article, left out of acronyms: PT, Tbk, The, Persero.
func orgNoise(low string) bool {
	switch low {
	case "pt", "tbk", "the", "persero", "(persero)":
		return true
	}
	return false
}

// canonicalNoise reports whether a word at either end of an organisation's
// name is left out of its canonical name: an article or "Persero". "PT" and
// "Tbk" stay, as written: they are how Indonesian copy names a company
// first ("PT Farmasi Sejahtera Abadi").
func canonicalNoise(low string) bool {
	return low != "pt" && low != "tbk" && orgNoise(low)
}

// orgConnector reports whether a lower-case word may join the capitalised
// words of an organisation's name: "Badan Siber dan Sandi Negara", "Bank of
// England".
func orgConnector(low string) bool {
	switch low {
	case "dan", "and", "of", "for", "&", "de", "du", "des", "la", "le", "on", "untuk":
		return true
	}
	return false
}

// definedOrg recognises an organisation defined with its acronym at toks[i]:
// "Indonesia Corruption Watch (ICW)", "PT Bank Syariah Indonesia Tbk (BSI)",
// "The International Tennis Integrity Agency (ITIA)". It returns the end of
// the name and the acronym's token, or ok false. The acronym must spell the
// name's words (each word giving the first letters of it, or syllables in
// order) and be written in capitals, or the name must have an organisation
// word: "Joko Widodo (Jokowi)" is a person's nickname.
func (r *run) definedOrg(toks []token, i, b int) (end, acr int, ok bool) {
	if !toks[i].word || !toks[i].cap {
		return 0, 0, false
	}
	if _, _, cue := r.x.lex.cueTrie.match(toks, i, b); cue {
		// "Menurut Badan Pusat Statistik (BPS)": the name starts after
		// the cue that opens the sentence.
		return 0, 0, false
	}
	if _, _, ok := r.x.lex.roles.match(toks, i, b); ok {
		return 0, 0, false // "Kepala Badan …": the role is no part of the name
	}
	j := i
	for j < b && j-i < maxOrgWords {
		t := &toks[j]
		switch {
		case t.word && t.cap:
			j++
			continue
		case t.word && orgConnector(t.low) && j > i && j+1 < b && toks[j+1].word && toks[j+1].cap,
			// "Office for the Coordination of Humanitarian Affairs (OCHA)"
			t.word && orgConnector(t.low) && j > i && j+2 < b && toks[j+1].low == "the" && toks[j+2].word && toks[j+2].cap,
			t.word && t.low == "the" && j > i && orgConnector(toks[j-1].low) && j+1 < b && toks[j+1].word && toks[j+1].cap,
			// "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)"
			t.raw == "," && j > i && j+1 < b && toks[j+1].word && (toks[j+1].cap || orgConnector(toks[j+1].low)):
			j++
			continue
		}
		break
	}
	if j-i < 2 || j+2 >= b || toks[j].raw != "(" || toks[j+2].raw != ")" {
		return 0, 0, false
	}
	a := &toks[j+1]
	if !a.word || !a.cap || utf8.RuneCountInString(a.raw) < 2 || len(a.raw) > 16 {
		return 0, 0, false
	}
	if a.allcap && hasClass(toks, i, j, cOrgword) && j-i >= 2 {
		// "Kantor Komunikasi Kepresidenan (PCO)": an acronym of another
		// language's name still names the organisation it follows.
		return j, j + 1, true
	}
	var words []string
	for k := i; k < j; k++ {
		if toks[k].word && !orgNoise(toks[k].low) {
			words = append(words, toks[k].low)
		}
	}
	acronym := strings.ToLower(a.raw)
	if len(words) < 2 || !(a.allcap || hasClass(toks, i, j, cOrgword)) || !spells(acronym, words) && !abbreviates(acronym, words) {
		return 0, 0, false
	}
	return j, j + 1, true
}

// spells reports whether acronym is made of a non-empty prefix of each of
// words in turn; connectors may give nothing ("BSSN": Badan Siber dan Sandi
// Negara; "Ikappi": Ikatan Pedagang Pasar Indonesia). Bounded by the short
// name and acronym it is given.
func spells(acronym string, words []string) bool {
	budget := maxSpellSteps
	return spellsFrom(acronym, words, &budget)
}

// maxSpellSteps bounds the ways of splitting an acronym that spells tries,
// so that hostile text of many long capitalised words costs constant work
// per name.
const maxSpellSteps = 512

func spellsFrom(acronym string, words []string, budget *int) bool {
	if *budget--; *budget < 0 {
		return false
	}
	if len(words) == 0 {
		return acronym == ""
	}
	w := words[0]
	if orgConnector(w) && spellsFrom(acronym, words[1:], budget) {
		return true
	}
	for n := 1; n <= len(acronym) && n <= len(w); n++ {
		if acronym[n-1] != w[n-1] {
			break
		}
		if spellsFrom(acronym[n:], words[1:], budget) {
			return true
		}
	}
	return false
}

// abbreviates reports whether acronym opens with the first letter of the
// name and takes the rest of its letters in order from the name's words, as
// Indonesian acronyms take syllables ("Kementan": Kementerian Pertanian,
// "Bapanas": Badan Pangan Nasional).
func abbreviates(acronym string, words []string) bool {
	if acronym == "" || len(words) == 0 {
		return false
	}
	if acronym[0] != words[0][0] {
		// "Polda" for "Kepolisian Daerah": a syllable from inside the
		// first word.
		if len(acronym) < 4 || !strings.Contains(words[0], acronym[:3]) {
			return false
		}
	}
	k := 0
	for _, w := range words {
		for i := 0; i < len(w) && k < len(acronym); i++ {
			if w[i] == acronym[k] {
				k++
			}
		}
	}
	return k == len(acronym)
}

// orgCanonical returns the canonical name of the organisation written
// toks[a:b]: without its legal form and article ("PT Bank Syariah Indonesia
// Tbk" → "Bank Syariah Indonesia").
func (r *run) orgCanonical(toks []token, a, b int) string {
	for a < b-1 && canonicalNoise(toks[a].low) {
		a++
	}
	for b > a+1 && canonicalNoise(toks[b-1].low) {
		b--
	}
	return r.surface(toks, a, b)
}

// addOrg records the organisation written toks[a:b], under its canonical
// name, with its surface form and acronym as aliases; later mentions of the
// acronym or the name resolve to it.
func (r *run) addOrg(toks []token, a, b, acr int) *entity {
	e := r.entityFor(r.orgCanonical(toks, a, b), klaim.KindOrganization, false)
	if !e.known {
		e.kind = klaim.KindOrganization
	}
	e.addAlias(r.surface(toks, a, b))
	r.orgNames[strings.ToLower(e.name)] = e
	r.orgNames[strings.ToLower(r.surface(toks, a, b))] = e
	if acr >= 0 {
		e.addAlias(toks[acr].raw)
		r.byToken[toks[acr].low] = e
		r.orgNames[toks[acr].low] = e
	}
	return e
}

// knownOrgAt returns the length of an organisation the article named before
// (a defined acronym, an organisation's name) starting at toks[i] within the
// next few words, and the organisation.
func (r *run) knownOrgAt(toks []token, i, b int) (int, *entity) {
	if i >= b || !toks[i].word || !toks[i].cap {
		return 0, nil
	}
	// Longest first ("Borneo FC" before its short name "Borneo"); names of
	// up to six words.
	end := i
	for end < b && end-i < 6 && toks[end].word && (toks[end].cap || orgConnector(toks[end].low)) {
		end++
	}
	for k := end; k > i+1 && len(r.orgNames) > 0; k-- {
		if e := r.orgNames[strings.ToLower(r.surface(toks, i, k))]; e != nil {
			return k - i, e
		}
	}
	if e := r.byToken[toks[i].low]; e != nil && e.kind != klaim.KindPerson && e.kind != klaim.KindPlace {
		return 1, e
	}
	return 0, nil
}

// orgTail returns the end of a run of capitalised words from toks[j] that
// ends in an organisation word ("Supporters' Trust", "Corruption Watch"), or
// -1. It lets a known name be the first word of a longer organisation's
// name: "Chelsea Supporters' Trust" is not Chelsea.
func (r *run) orgTail(toks []token, j, b int) int {
	end := -1
	for k := j; k < b && k-j < 6; k++ {
		t := &toks[k]
		if t.word && t.cap {
			if t.cls&cOrgword != 0 && (k > j || headWord(t.raw) && !t.allcap && k+1 < b && toks[k+1].word && toks[k+1].cap) {
				// "Supporters' Trust"; "Persib Club Heru Joko": a head word
				// of its own when a name follows.
				end = k + 1
			}
			continue
		}
		if (t.raw == "'" || t.raw == "’") && k > j && !t.spaceB && k+1 < b && toks[k+1].cap {
			continue // "Supporters' Trust"
		}
		if t.word && orgConnector(t.low) && k > j && k+1 < b && toks[k+1].cap {
			continue
		}
		break
	}
	// The tail may itself open with an organisation word: "New York Police
	// Department", "Indonesia Police Watch".
	if end > j && toks[j].word && toks[j].cap && headWord(toks[end-1].raw) {
		return end
	}
	return -1
}

// headWord reports whether an organisation word is written as a name's head
// (Trust, Agency), not as an acronym of one letter.
func headWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && utf8.RuneCountInString(s) > 2
}

// roleBeforeOrg extends a role phrase ending at toks[j] over the capitalised
// words up to the organisation that follows it: "Kepala Eksekutif Pengawas
// Perbankan OJK Dian Ediana Rae", "Kepala Bagian Pemberitaan KPK Ali
// Fikri". Indonesian capitalises every word of a title, so without an
// organisation to stop at the words would be read as the person's name.
func (r *run) roleBeforeOrg(toks []token, j, b int) int {
	m := j
	// "Deputi Bidang Pengawasan Obat, Narkotika, dan Zat Adiktif BPOM Sri
	// Handayani": a field (Bidang) may list its subjects with commas.
	field := j < b && (toks[j].low == "bidang" || j > 0 && toks[j-1].low == "bidang")
	limit := 4
	if field {
		limit = 12
	} else if j < b && toks[j].low == "dan" || j+1 < b && (toks[j+1].low == "dan" || j+2 < b && toks[j+2].low == "dan") {
		limit = 8
	}
	for m < b && m-j < limit {
		if (m > j || j > 0 && toks[j-1].cap) && m+1 < b && toks[m+1].word && toks[m+1].cap && (field && toks[m].raw == "," || toks[m].low == "dan" || toks[m].low == "and") {
			// "Direktur Pencegahan dan Penyelesaian Perselisihan Hubungan
			// Industrial Kemnaker Haryanto Siregar"
			m++
			continue
		}
		if field && m > j && m+2 < b && toks[m].raw == "," && toks[m+1].low == "dan" && toks[m+2].cap {
			m += 2
			continue
		}
		stop := cOrgword | cPlaceword | cMedia | cTitle
		if field {
			stop = cOrgword | cTitle // "Bidang Protokol, Pers dan Media": words of the field
		}
		if !(toks[m].word && toks[m].cap && toks[m].cls&stop == 0 && !toks[m].allcap) {
			break
		}
		if _, _, ok := r.x.gaz.match(toks, m, b); ok {
			break
		}
		if n, _ := r.knownOrgAt(toks, m, b); n > 0 {
			break
		}
		m++
	}
	if m == j || m >= b || !toks[m].word || !toks[m].cap {
		return j
	}
	n := 0
	if e, gn, ok := r.x.gaz.match(toks, m, b); ok && r.x.gaz.entries[e].kind != klaim.KindPerson && r.x.gaz.entries[e].kind != klaim.KindPlace {
		n = gn
	} else if kn, _ := r.knownOrgAt(toks, m, b); kn > 0 {
		n = kn
	} else if toks[m].allcap {
		n = 1
	} else if field && toks[m].cls&cOrgword != 0 {
		// "… Pers dan Media Sekretariat Presiden Bey Machmudin": an office
		// named by its words, then a name, most often of two words.
		run := m
		for run < b && toks[run].word && toks[run].cap {
			run++
		}
		if run-m >= 4 {
			n = run - m - 2
		}
	}
	// "Sekretaris Perusahaan PT Bank Mandiri (Persero) Tbk Yudi …": the
	// legal form after the organisation.
	q := m + n
	if n > 0 && q+2 < b && toks[q].raw == "(" && toks[q+1].low == "persero" && toks[q+2].raw == ")" {
		q += 3
	}
	if n > 0 && q < b && toks[q].low == "tbk" {
		q++
	}
	if n > 0 && q+1 < b && toks[q].raw == "," && toks[q+1].word && toks[q+1].cap {
		q++ // "… Pengguna Jasa DJBC, Budi Prasetyo Wibowo,": the name in apposition
	}
	// The organisation must be followed by the person's name.
	if n == 0 || q >= b || !toks[q].word || !toks[q].cap {
		return j
	}
	return m
}

// romanNumeral reports whether s is a small Roman numeral in capitals, as
// numbered bodies are named: "Komisi I", "Kodam IV", "Division II".
func romanNumeral(s string) bool {
	switch s {
	case "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII":
		return true
	}
	return false
}

// camelCase reports whether a word of the name has a capital inside it after
// a stem of three or more letters, as brands are written (AeroSystems,
// PayPal, LinkedIn) and surnames are not (McConnell, MacArthur, DeSantis,
// LeBron).
func camelCase(toks []token) bool {
	for _, t := range toks {
		if !t.word || t.allcap {
			continue
		}
		lowers := 0
		for i, c := range t.raw {
			switch {
			case i == 0:
			case unicode.IsLower(c):
				lowers++
			case unicode.IsUpper(c):
				stem := strings.ToLower(t.raw[:i])
				if lowers >= 3 || lowers == 2 && stem != "mac" && stem != "van" && stem != "von" && stem != "del" && stem != "den" {
					return true
				}
				lowers = 0
			default:
				lowers = 0
			}
		}
	}
	return false
}

// isNumber reports whether s is written in digits.
func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// stateRoles are the offices held in a state, not in an organisation: after
// them comes the person, however many words the name has ("Menko Luhut
// Binsar Pandjaitan", "Presiden Susilo Bambang Yudhoyono").
var stateRoles = map[string]bool{
	"presiden": true, "menteri": true, "menko": true, "gubernur": true, "bupati": true, "wali": true,
	"walikota": true, "perdana": true, "raja": true, "ratu": true, "sultan": true, "paus": true,
	"senator": true, "kaisar": true, "camat": true, "lurah": true, "panglima": true, "kapolri": true,
	"jaksa": true, "hakim": true, "duta": true, "dubes": true, "pelatih": true, "kapten": true,
	"wapres": true, "wagub": true, "wawali": true, "wabup": true, "sekda": true, "kapolda": true,
	"kapolres": true, "kapolsek": true, "kajati": true, "kajari": true, "kasad": true, "kasal": true,
	"kasau": true, "pangdam": true, "danrem": true, "dandim": true, "kabareskrim": true,
}

// orgBoundRole reports whether the role toks[rs.a:rs.b] is held in an
// organisation named next (Direktur, CEO, Ketua, Peneliti), not an office
// of state.
func orgBoundRole(toks []token, rs span) bool {
	for k := rs.a; k < rs.b; k++ {
		// Ministers go by abbreviations of "menteri": Menkeu, Mensesneg,
		// Wamenlu.
		if w := toks[k].low; stateRoles[w] || strings.HasPrefix(w, "men") || strings.HasPrefix(w, "wamen") {
			return false
		}
	}
	return true
}

// spokesRole reports whether the role toks[a:b] speaks for an organisation:
// a spokesperson or representative.
func spokesRole(toks []token, a, b int) bool {
	for k := a; k < b; k++ {
		switch toks[k].low {
		case "spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative", "bicara", "jubir", "humas":
			return true
		}
	}
	return false
}

// inTitle reports whether the article's title names e.
func (r *run) inTitle(e *entity) bool {
	if r.a.Title == "" {
		return false
	}
	if strings.Contains(r.a.Title, e.name) {
		return true
	}
	for _, a := range e.aliases {
		if len(a) > 2 && strings.Contains(r.a.Title, a) {
			return true
		}
	}
	return false
}
