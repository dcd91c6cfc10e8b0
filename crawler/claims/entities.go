package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/klaim/klaim"
)

// entity is an entity of the article being analysed.
type entity struct {
	id, name string
	kind     klaim.EntityKind
	aliases  []string
	known    bool   // from the gazetteer
	concept  string // the entity ID that stands for it in claim concepts
	role     string
	// guessed: a person only because nothing in its name or context said
	// otherwise ("Abbott Nutrition"); a description may show it is an
	// organisation.
	guessed bool
	// source: it spoke only through its analysts or experts ("analysts at
	// Jefferies"), a source on the story rather than a party to it
	source bool
	org    *entity
	// gender: 'f' or 'm' once a title, a role word or a resolved he/she
	// showed it, else 0. "she said" never goes to a man.
	gender byte
	// salience: the sentence numbers it was last seen in, as anything, as a
	// subject and as a speaker
	lastSent, lastSubj, lastSpeaker int
}

// pronKind is what a pronoun or description can refer to.
type pronKind uint8

const (
	pronNone       pronKind = iota
	pronPerson              // ia, dia, -nya, he, she
	pronOrg                 // mereka, pihaknya, they, it
	pronDescOrg             // perusahaan tersebut, the company
	pronDescPerson          // the spokesperson, sang menteri
	pronDoc                 // dokumen tersebut, the filing
	pronPost                // the statement, postingan blog tersebut: the last speaker's
	pronFirst               // kami, we: the speaker of the quote
)

// mention is an entity, pronoun or description found in a sentence: tokens
// [a, b) of the paragraph.
type mention struct {
	a, b    int
	ent     *entity
	pron    pronKind
	oblique bool // after a preposition or as a possessor: not a subject
	inq     bool
	title   bool      // introduced by a title (Pak, Mr, Dr): a person
	agree   agreement // what a pronoun or description requires of its referent
}

// span is a role phrase found in a sentence: tokens [a, b).
type span struct{ a, b int }

// entityFor returns the article's entity of canonical name name, creating it.
func (r *run) entityFor(name string, kind klaim.EntityKind, known bool) *entity {
	id := klaim.EntityID(name)
	if e := r.ents[id]; e != nil {
		if !e.known && known {
			e.known, e.kind, e.name = true, kind, name
		}
		return e
	}
	e := &entity{id: id, name: name, kind: kind, known: known, lastSent: -10, lastSubj: -10, lastSpeaker: -10}
	r.ents[id] = e
	r.order = append(r.order, e)
	return e
}

func (e *entity) addAlias(s string) {
	s = strings.TrimSpace(s)
	if s == "" || len(e.aliases) >= 16 {
		return
	}
	for _, a := range e.aliases {
		if a == s {
			return
		}
	}
	e.aliases = append(e.aliases, s)
}

// surface returns the text of tokens [a, b).
func (r *run) surface(toks []token, a, b int) string {
	if a >= b {
		return ""
	}
	return r.text[toks[a].s:toks[b-1].e]
}

// mentions finds the entities, pronouns, descriptions and role phrases of the
// sentence toks[a:b].
func (r *run) mentions(toks []token, a, b int, ms []mention, roles []span) ([]mention, []span) {
	lex := r.x.lex
	headline := isHeadline(toks, a, b)
	first := a // the sentence's first word
	for first < b && !toks[first].word {
		first++
	}
	// apposEnd is where a name in apposition to a role may start: after
	// the role and the organisations that follow it ("Kepala Badan Siber
	// dan Sandi Negara (BSSN) Hinsa Siburian", "Anggota Komisi I DPR
	// Sukamta"). Such a name is a person's, even of one word.
	apposEnd := -1
	var apposRole span // the role apposEnd follows, if a role
	orgMention := func(m mention) {
		if m.a == apposEnd {
			apposEnd = m.b
		}
		ms = append(ms, m)
	}
	for i := a; i < b; i++ {
		t := &toks[i]
		if !t.word {
			continue
		}
		if !headline {
			if end, acr, ok := r.definedOrg(toks, i, b); ok {
				ent := r.addOrg(toks, i, end, acr)
				last := acr + 1 // the closing parenthesis
				if be := branchEnd(toks, acr+2, b); be > 0 {
					// "Ikatan Dokter Indonesia (IDI) Cabang Pelalawan"
					last = be - 1
				}
				orgMention(mention{a: i, b: last + 1, ent: ent, inq: t.inq})
				if apposEnd == i || apposEnd == end {
					apposEnd = last + 1
				}
				i = last
				continue
			}
		}
		// Role phrases: "juru bicara", "VP Product Partnership", "CEO".
		k := i
		for k < b && toks[k].word && toks[k].cap && (toks[k].cls&cRolemod != 0) && k-i < 4 {
			if _, _, ok := lex.roles.match(toks, k, b); ok {
				break
			}
			k++
		}
		if _, n, ok := lex.roles.match(toks, k, b); ok {
			j := k + n
			for j < b && toks[j].word {
				if _, n2, ok2 := lex.roles.match(toks, j, b); ok2 {
					j += n2
					continue
				}
				if toks[j].cls&cRolemod != 0 {
					j++
					continue
				}
				break
			}
			j = r.roleBeforeOrg(toks, j, b)
			afterCue := false
			if i-2 >= a && toks[i-2].word {
				_, _, afterCue = r.x.lex.cueTrie.match(toks, i-2, i-1)
			}
			if i > a && toks[i-1].word && toks[i-1].cls&cDet != 0 && (j >= b || !toks[j].word || !toks[j].cap) && (j >= b || toks[j].low != "'s") &&
				// "…, said the chief constable." names the speaker; "said
				// the president would veto" is what was said.
				(!afterCue || j >= b || !toks[j].word) {
				// "the prime minister said", "sang menteri": a role
				// standing for the person who holds it; "a spokesperson
				// said": for the organisation it speaks for.
				p := pronDescPerson
				if spokesRole(toks, i, j) {
					p = pronDescOrg
				}
				ms = append(ms, mention{a: i, b: j, pron: p, inq: t.inq})
				i = j - 1
				continue
			}
			roles = append(roles, span{i, j})
			apposEnd, apposRole = j, span{i, j}
			i = j - 1
			continue
		}
		if !headline {
			if end, ent := r.companyAt(toks, i, b); end > 0 {
				// "Manajemen PT BKN membantah": the legal form before a
				// company the article named.
				orgMention(mention{a: i, b: end, ent: ent, inq: t.inq})
				i = end - 1
				continue
			}
		}
		if !headline {
			if n, ent := r.knownOrgAt(toks, i, b); n > 0 {
				if end := r.orgTail(toks, i+n, b); end > 0 {
					// "Denver International Airport" after "DENVER —": a
					// longer organisation's name that opens with the known one.
					ent = r.addOrg(toks, i, end, -1)
					n = end - i
				}
				orgMention(mention{a: i, b: i + n, ent: ent, inq: t.inq})
				i += n - 1
				continue
			}
		}
		if e, n, ok := r.x.gaz.match(toks, i, b); ok {
			g := r.x.gaz.entries[e]
			if g.kind == klaim.KindPlace && !headline && i+n < b && toks[i+n].word && toks[i+n].cap && toks[i+n].cls&cOrgword != 0 && headWord(toks[i+n].raw) {
				// "Alaska Airlines", "Florida Power": a place's name opens
				// the organisation's.
				end := r.orgTail(toks, i+n, b) // "New York Police Department"
				if end < 0 {
					end = i + n + 1
				}
				ent := r.addOrg(toks, i, end, -1)
				orgMention(mention{a: i, b: end, ent: ent, inq: t.inq})
				i = end - 1
				continue
			}
			if g.kind != klaim.KindPerson && !headline {
				if end := r.orgTail(toks, i+n, b); end > 0 {
					// "Chelsea Supporters' Trust", "Indonesia Corruption Watch"
					ent := r.addOrg(toks, i, end, -1)
					orgMention(mention{a: i, b: end, ent: ent, inq: t.inq})
					i = end - 1
					continue
				}
			}
			if g.kind == klaim.KindOrganization && !headline {
				if end := branchEnd(toks, i+n, b); end > 0 {
					// "BPJS Kesehatan Cabang Sukabumi": a branch of the
					// organisation, which speaks as itself.
					ent := r.addOrg(toks, i, end, -1)
					orgMention(mention{a: i, b: end, ent: ent, inq: t.inq})
					i = end - 1
					continue
				}
			}
			ent := r.entityFor(g.name, g.kind, true)
			ent.concept = klaim.EntityID(g.concept)
			ent.addAlias(r.surface(toks, i, i+n))
			if g.kind == klaim.KindPerson {
				r.registerNames(ent)
			}
			if g.kind == klaim.KindPerson {
				ms = append(ms, mention{a: i, b: i + n, ent: ent, inq: t.inq})
			} else {
				orgMention(mention{a: i, b: i + n, ent: ent, inq: t.inq})
			}
			i += n - 1
			continue
		}
		balinese := i+1 < b && (t.raw == "I" || t.raw == "Ni") && toks[i+1].cls&cBalinese != 0
		if p := r.pronoun(toks, i, a, b); p != pronNone && !balinese {
			ms = append(ms, mention{a: i, b: i + 1, pron: p, inq: t.inq, agree: agreementOf(t.low)})
			continue
		}
		if !t.cap || headline {
			continue
		}
		// A run of capitalised words, joined by name particles.
		j := i
		title := false
		for j < b && toks[j].word && (toks[j].cls&cTitle != 0) && toks[j].cap {
			j++
			if j < b && toks[j].raw == "." {
				j++
			}
			title = true
		}
		start := j
		if j+1 < b && (toks[j].raw == "I" || toks[j].raw == "Ni") && toks[j+1].cls&cBalinese != 0 {
			// "I Wayan Suardika Putra", "Ni Made …": a Balinese name, whose
			// I or Ni belongs to it.
			j++
			title = true
		}
		for j < b {
			w := &toks[j]
			nameWord := !(w.cls&cNonname != 0) ||
				j == start && j > a && toks[j-1].raw == "," && j+1 < b && toks[j+1].cap && toks[j+1].word && !(toks[j+1].cls&cNonname != 0) ||
				// "The World Anti-Doping Agency": a common word opens a name after "the".
				j == start && j > a && toks[j-1].low == "the" && j+1 < b && toks[j+1].cap && toks[j+1].word ||
				// "Punchbowl News", "BBC Sport": a media or organisation
				// word ends a name even when it is a common word.
				j > start && w.cap && w.cls&(cMedia|cOrgword) != 0 ||
				// "the Australian Federal Police", "National Transportation
				// Safety Board": common words inside a name that an
				// organisation word ends.
				j > first && w.cap && r.orgTail(toks, j, b) > 0 ||
				// "PT Kereta Api Indonesia": inside an organisation's name
				// common words are words of the name.
				j > start && toks[start].cls&cOrgword != 0 && j+1 < b && toks[j+1].word && toks[j+1].cap ||
				// "Gunawan A. Hartoyo": an initial inside a name, even one
				// that spells a common word.
				j > start && romanNumeral(w.raw) && toks[start].cls&cOrgword != 0 || // "Komisi I DPR"
				j > start && len(w.raw) == 1 && j+2 < b && toks[j+1].raw == "." && !toks[j+1].spaceB && toks[j+2].cap && toks[j+2].word
			if w.word && w.cap && nameWord && w.low != "-nya" && !strings.HasSuffix(w.low, "-based") && !(j == start && j > a && toks[j-1].raw == "," && w.cls&cDegree != 0) {
				if j > start {
					if e, n, ok := r.x.gaz.match(toks, j, b); ok {
						if r.x.gaz.entries[e].kind != klaim.KindPerson {
							// "the National Samsung Electronics Union": a
							// known name inside a longer organisation's.
							if end := r.orgTail(toks, j+n, b); end > 0 {
								j = end
								continue
							}
							if q := j + n; q < b && toks[q].word && toks[q].cap && toks[q].cls&cOrgword != 0 && headWord(toks[q].raw) && !toks[q].allcap {
								j = q + 1
								continue
							}
							if r.x.gaz.entries[e].kind != klaim.KindPlace && r.bodyOf(toks, start, j, n, b) {
								j += n
								break
							}
						}
						// "Bank Syariah Indonesia", "Ikatan Pedagang Pasar
						// Indonesia": a place inside an organisation's name.
						// "Hotman Paris", "Inter Milan", "Timnas Indonesia": a
						// place's name ending a name is part of it.
						if !(r.x.gaz.entries[e].kind == klaim.KindPlace && (toks[start].cls&cOrgword != 0 || n == 1) && (j+n >= b || !toks[j+n].word || !toks[j+n].cap)) {
							break
						}
						j += n
						continue
					}
					if n, _ := r.knownOrgAt(toks, j, b); n > 0 {
						if r.bodyOf(toks, start, j, n, b) {
							j += n
						}
						break // "Ikappi Abdullah Mansuri": the organisation, then a person
					}
					if _, _, ok := lex.roles.match(toks, j, b); ok {
						break
					}
				}
				j++
				continue
			}
			if w.raw == "&" && j > start && j+1 < b && toks[j+1].cap && toks[j+1].word {
				j++ // "Central Valley Pipe & Grading", "Procter & Gamble"
				continue
			}
			if w.raw == "." && j > start && !w.spaceB && len(toks[j-1].raw) == 1 && toks[j-1].cap && j+1 < b && toks[j+1].cap && toks[j+1].word {
				j++ // an initial: "Hera F. Haryn"
				continue
			}
			if w.word && !w.cap && j > start && orgConnector(w.low) && j+1 < b && toks[j+1].cap && toks[j+1].word && toks[j+1].cls&cOrgword == 0 {
				// "Food and Drug Administration": a connector inside a name
				// that an organisation word ends; "Spotify and Netflix"
				// stay two names.
				if end := r.orgTail(toks, j+1, b); end > 0 && toks[end-1].cls&cOrgword != 0 {
					j = end
					continue
				}
				if toks[start].cls&cBodyhead != 0 {
					// "Department of Health and Social Care": a public
					// body's name runs on, unless another name follows.
					_, _, known := r.x.gaz.match(toks, j+1, b)
					if n, _ := r.knownOrgAt(toks, j+1, b); n == 0 && !known {
						j++
						continue
					}
				}
			}
			if w.word && j > start && j+1 < b && toks[j+1].cap && toks[j+1].word && (w.cls&cParticle != 0) && !(r.lang == "id" && (w.low == "di" || w.low == "da")) {
				if _, _, ok := r.x.gaz.match(toks, j+1, b); ok {
					break
				}
				j++
				continue
			}
			break
		}
		if j == start {
			if title {
				i = j - 1
			}
			continue
		}
		// "Metro Jaya Irjen Karyoto": a title inside the run starts the name.
		for k := j - 2; k > start; k-- {
			if toks[k].cls&cTitle != 0 && !(toks[start].cls&cOrgword != 0 && toks[k].cls&cHonorific != 0) {
				ent := r.nameEntity(toks, start, k, false)
				ent.addAlias(r.surface(toks, start, k))
				ms = append(ms, mention{a: start, b: k, ent: ent, inq: t.inq})
				start, title = k+1, true
				break
			}
		}
		if start > a && isNumber(toks[start-1].raw) && j < b && isNumber(toks[j].raw) {
			// "737 Max 9", "Galaxy S 24": a product's model, not a name.
			i = j - 1
			continue
		}
		if start == apposEnd && (j-start == 1 && toks[start].allcap || j < b && toks[j].word && toks[j].cap) {
			// "Ketua DPP Partai NasDem Willy Aditya", "Pelatih Timnas
			// Indonesia Shin Tae-yong": an acronym after a role, or words
			// a known name cuts short, are an organisation; the person
			// comes later.
			ent := r.nameEntity(toks, start, j, false)
			ent.addAlias(r.surface(toks, start, j))
			// The employer is no subject: the holder after the comma is.
			orgMention(mention{a: start, b: j, ent: ent, inq: t.inq, oblique: true})
			if n, org := r.knownOrgAt(toks, j, b); n > 0 && !r.apposedPerson(toks, j, b) {
				orgMention(mention{a: j, b: j + n, ent: org, inq: t.inq, oblique: true})
				j += n
			}
			i = j - 1
			continue
		}
		if start == apposEnd && j-start >= 3 && toks[start].cls&cOrgword != 0 {
			// "Pakar hukum Universitas Andalas Feri Amsari … kata Feri":
			// where a word of the run comes back on its own, a person's
			// name starts.
			for k := start + 2; k < j && k <= start+6; k++ {
				// Without that, four words after a role are two of the
				// organisation's ("Universitas Andalas") and two of the
				// person's, the commonest split.
				if j-k <= 3 && toks[k].cls&(cOrgword|cPlaceword|cMedia|cParticle) == 0 && r.capCount[toks[k].low] > 1 &&
					r.capCount[toks[k].low] > r.capCount[toks[k-1].low] ||
					j-start == 4 && k == start+2 && !hasClass(toks, k, j, cOrgword|cPlaceword|cMedia|cParticle) {
					if _, _, ok := r.x.gaz.match(toks, k, j); ok {
						break
					}
					ent := r.nameEntity(toks, start, k, false)
					ent.addAlias(r.surface(toks, start, k))
					orgMention(mention{a: start, b: k, ent: ent, inq: t.inq})
					start = k
					break
				}
			}
		}
		if start == apposEnd && apposRole.b > 0 && (r.apposedPerson(toks, j, b) || r.apposedPersonAfterOrg(toks, j, b)) {
			// "Pemilik PO Trans Mulia Jaya, Haryono Salim, mengakui",
			// "Analis Mirae Asset Sekuritas Indonesia, Andreas Wibisono,
			// menilai": the role's employer, then its holder in apposition.
			ent := r.nameEntity(toks, start, j, false)
			if ent.kind == klaim.KindPerson && !ent.known && len(ent.aliases) == 0 {
				// New here; a person met before ("Manajer Nadira") stays one.
				ent.kind, ent.guessed = klaim.KindOrganization, false
				r.orgNames[strings.ToLower(ent.name)] = ent
			}
			ent.addAlias(r.surface(toks, start, j))
			orgMention(mention{a: start, b: j, ent: ent, inq: t.inq})
			i = j - 1
			continue
		}
		if start == apposEnd && !hasClass(toks, start, j, cOrgword|cPlaceword|cMedia) {
			title = true // "Menteri Sekretaris Negara Pratikno"
			if r.lang == "id" && j-start >= 3 && apposRole.b == start && orgBoundRole(toks, apposRole) && r.byToken[toks[start].low] == nil {
				// "Direktur Eksekutif Indef Tauhid Ahmad", "CEO Indodax
				// Oscar Darmawan": a role held in a company names the
				// company before the person; offices of state do not.
				ent := r.nameEntity(toks, start, start+1, false)
				if ent.kind == klaim.KindPerson {
					ent.kind, ent.guessed = klaim.KindOrganization, false
				}
				ent.addAlias(r.surface(toks, start, start+1))
				orgMention(mention{a: start, b: start + 1, ent: ent, inq: t.inq})
				start++
			}
		}
		if start == first && j == start+1 && toks[start].allcap && j < b && (isDash(toks[j].raw) || toks[j].raw == ",") && start == a {
			// "DENVER — …", "JAKARTA, KOMPAS.com -": a dateline's city.
			ent := r.nameEntity(toks, start, j, false)
			if !ent.known {
				ent.kind = klaim.KindPlace
			}
			ms = append(ms, mention{a: start, b: j, ent: ent, inq: t.inq, oblique: true})
			i = j - 1
			continue
		}
		if j-start >= 3 && ageGroup(toks[start].raw) {
			start++ // "Timnas Indonesia U-23 Marco Verbeek": the team's age group
		}
		if start == apposEnd && j-start >= 3 && toks[start].allcap && !toks[start+1].allcap && toks[start].cls&cOrgword == 0 && utf8.RuneCountInString(toks[start].raw) >= 3 {
			// "Ketua Satgas PASTI Wahyu Pramudito": the organisation's
			// acronym, then the person.
			ent := r.nameEntity(toks, start, start+1, false)
			if ent.kind == klaim.KindPerson && !ent.known {
				ent.kind, ent.guessed = klaim.KindOrganization, false
			}
			orgMention(mention{a: start, b: start + 1, ent: ent, inq: t.inq, oblique: true})
			start, title = start+1, true
		}
		if start == first && j-start >= 2 && (toks[start].low == "manajemen" || toks[start].low == "direksi" || toks[start].low == "management") {
			start++ // "Manajemen PT BKN membantah": the company's management
		}
		if j == start+1 {
			if end, org := r.companyAt(toks, start, b); end > 0 {
				orgMention(mention{a: start, b: end, ent: org, inq: t.inq}) // "PT BKN"
				i = end - 1
				continue
			}
		}
		n := j - start
		name := r.surface(toks, start, j)
		initial := start == first || (start > a && (toks[start-1].qmark || isDash(toks[start-1].raw) || toks[start-1].raw == ":"))
		// "Ofcom, the UK regulator, said", "Ofcom, regulator Inggris,
		// mengatakan": an appositive description shows the word is a name.
		appositive := j+1 < b && toks[j].raw == "," && toks[j+1].word && !toks[j+1].cap && toks[j+1].cls&(cDet|cDescOrg|cDescPerson) != 0
		common := initial && !title && !r.capSeen[toks[start].low] && r.byToken[toks[start].low] == nil &&
			(r.lowSeen[toks[start].low] || r.lang == "id" && derivedNoun(toks[start].low) || toks[start].cls&cGroupnoun != 0)
		if initial && !title && n == 1 && !r.capSeen[toks[start].low] && r.byToken[toks[start].low] == nil && (!r.verbFollows(toks, j, b) || common) && !appositive ||
			initial && n == 1 && (toks[start].cls&cAdverb != 0 || r.lang == "en" && strings.HasSuffix(toks[start].low, "ly") && j < b && toks[j].raw == ",") && !r.capSeen[toks[start].low] { // "Earlier, the union said", "Separately, …"
			i = j - 1
			continue
		}
		if n == 1 && !title && initial && toks[start].cls&cOrgword != 0 && j < b && toks[j].word && !toks[j].cap && !r.verbFollows(toks, j, b) {
			// "Kantor berita pemerintah Kamboja, Agence Kampuchea Presse
			// (AKP), melaporkan": a common noun opening a description.
			i = j - 1
			continue
		}
		if n == 1 && !title && r.lang == "en" && demonym(toks[start].low) && j < b && toks[j].word && !toks[j].cap && !r.verbFollows(toks, j, b) &&
			r.byToken[toks[start].low] == nil {
			// "the Sudanese army", "Nigerian police": an adjective of a
			// people.
			i = j - 1
			continue
		}
		if common && n > 1 && toks[start].cls&(cOrgword|cMedia|cPlaceword) == 0 {
			// "Kemarahan Ferreira dipicu …": a common word opening the
			// sentence, then the name.
			start, n = start+1, n-1
			for start < j-1 && (!toks[start].cap || !toks[start].word) {
				start, n = start+1, n-1 // "Members of Unison": past "of"
			}
			name = r.surface(toks, start, j)
		}
		// "Bupati Sidoarjo Ahmad Muhdlor": the place the role governs first.
		if n >= 3 && start > a && toks[start-1].cls&cPlacerole != 0 {
			ent := r.nameEntity(toks, start, start+1, false)
			if !ent.known {
				ent.kind = klaim.KindPlace
			}
			ent.addAlias(r.surface(toks, start, start+1))
			ms = append(ms, mention{a: start, b: start + 1, ent: ent, inq: t.inq})
			start, n = start+1, n-1
		}
		// "Dinas Kesehatan DKI Ani Ruspitawati", "Jawa Barat Dedi Mulyadi":
		// an acronym or a place word ends the organisation or place, and the
		// name of a person follows.
		if r.lang == "id" && toks[start].cls&cPlaceword != 0 && j-start >= 4 {
			// "Kabupaten Lembata Maria Goreti Ama", "Kota Tangerang Selatan
			// Benyamin Davnie": the administrative word, the place's name (and
			// its direction), then a person's name of two words or more.
			k := start + 1
			for k+1 < j && toks[k+1].cls&cDirection != 0 {
				k++
			}
			if j-(k+1) >= 2 {
				ent := r.nameEntity(toks, start, k+1, false)
				ent.kind = klaim.KindPlace
				ent.addAlias(r.surface(toks, start, k+1))
				ms = append(ms, mention{a: start, b: k + 1, ent: ent, inq: t.inq})
				start, n = k+1, j-k-1
				name = r.surface(toks, start, j)
				title = true
			}
		}
		for k := start; k < j-2; k++ {
			if toks[k].cls&cPlaceword != 0 && k > start && (toks[k].cls&cDirection != 0 || r.lang != "id") || toks[k].allcap && k > start && toks[start].cls&cOrgword != 0 {
				ent := r.nameEntity(toks, start, k+1, false)
				ent.addAlias(r.surface(toks, start, k+1))
				ms = append(ms, mention{a: start, b: k + 1, ent: ent, inq: t.inq})
				start, n = k+1, j-k-1
				break
			}
		}
		if toks[start].allcap && n == 1 && utf8.RuneCountInString(name) > 6 && !r.capSeen[toks[start].low] {
			// SHOUTED words are headings, not names.
			i = j - 1
			continue
		}
		ent := r.nameEntity(toks, start, j, title)
		if ent.kind == klaim.KindPerson && ent.guessed && appositiveOrg(toks, j, b) {
			// "The Emergency Lawyers, a Sudanese rights group, said"
			ent.kind, ent.guessed = klaim.KindOrganization, false
		}
		ent.addAlias(name)
		if ent.kind == klaim.KindPerson && ent.gender == 0 && n >= 2 {
			// "Melissa Grant", "Gareth Ainsley": a common given name.
			switch {
			case toks[start].cls&cNameF != 0 && toks[start].cls&cNameM == 0:
				ent.gender = byte(agreeFemale)
			case toks[start].cls&cNameM != 0 && toks[start].cls&cNameF == 0:
				ent.gender = byte(agreeMale)
			}
		}
		if n == 1 && title && ent.kind == klaim.KindPerson && ent.gender != 0 {
			// "Ms Hendry" after "Clare Hendry" and her nephew "Oliver Hendry":
			// the one of that name whose gender the title shows.
			for k := i; k < start; k++ {
				if g := agreementOf(toks[k].low); (g == agreeFemale || g == agreeMale) && byte(g) != ent.gender {
					for _, o := range r.order {
						if o != ent && o.kind == klaim.KindPerson && (o.gender == 0 || o.gender == byte(g)) &&
							strings.HasSuffix(strings.ToLower(o.name), " "+toks[start].low) {
							ent = o
						}
					}
				}
			}
		}
		if ent.kind == klaim.KindPerson && ent.gender == 0 {
			// "Mrs Okeke", "spokeswoman Helen Marsh"
			from := i
			if start == apposEnd && apposRole.b == start {
				from = min(from, apposRole.a)
			} else if i > a && toks[i-1].word && !toks[i-1].cap {
				from = i - 1 // "spokeswoman Helen Marsh" after a lower-case role
			}
			for k := from; k < start; k++ {
				if g := agreementOf(toks[k].low); g == agreeFemale || g == agreeMale {
					ent.gender = byte(g)
				}
			}
		}
		if ent.kind == klaim.KindOrganization || ent.kind == klaim.KindPlace {
			orgMention(mention{a: start, b: j, ent: ent, inq: t.inq, title: title})
		} else {
			ms = append(ms, mention{a: start, b: j, ent: ent, inq: t.inq, title: title})
		}
		i = j - 1
	}
	for k := range ms {
		r.markOblique(toks, a, &ms[k])
		if m := &ms[k]; m.ent != nil && m.ent.kind != klaim.KindPerson && r.apposedPerson(toks, m.b, b) {
			for _, rs := range roles {
				if rs.b <= m.a && m.a-rs.b <= 3 {
					// "Ketua Bawaslu Banggai Laut, Nurhayati Djafar,": the
					// role's organisation, whose holder follows the comma.
					m.oblique = true
				}
			}
		}
		for _, rs := range roles {
			if ms[k].a == rs.b && ms[k].ent != nil && ms[k].ent.kind != klaim.KindPerson {
				ms[k].oblique = true
			}
			if ms[k].a == rs.b && ms[k].ent != nil && ms[k].ent.kind == klaim.KindPerson && ms[k].oblique &&
				!(rs.a > a && toks[rs.a-1].word && toks[rs.a-1].cls&cOblique != 0) && !(ms[k].b < b && toks[ms[k].b].raw == ",") {
				// ("Kuasa hukum Ahmad Muhdlor, Mustofa Abidin, membantah":
				// the client, then the lawyer in apposition.)
				// "Pengamat ekonomi Faisal Basri menilai": a role that ends
				// in a lower-case word is no possessor of the name.
				ms[k].oblique = false
			}
		}
	}
	return ms, roles
}

// nameEntity returns the entity of an unknown capitalised name toks[a:b]: a
// person seen before under a longer name ("Archibong" after "Ime
// Archibong"), or a new entity whose kind the name's words tell.
func (r *run) nameEntity(toks []token, a, b int, title bool) *entity {
	n := b - a
	if n == 1 {
		if e := r.byToken[toks[a].low]; e != nil {
			return e
		}
	}
	kind := klaim.KindPerson
	guessed := false
	switch {
	case hasClass(toks, a, b, cMedia):
		kind = klaim.KindMedia
	case hasClass(toks, a, b, cOrgword):
		kind = klaim.KindOrganization
	case title:
		kind = klaim.KindPerson
	case b+1 < len(toks) && (toks[b].low == "nomor" || toks[b].low == "no") && isNumber(toks[b+1].raw):
		kind = klaim.KindDocument // "Permenaker Nomor 5 Tahun 2026"
	case hasRaw(toks, a, b, "&"):
		kind = klaim.KindOrganization // "Procter & Gamble": partners, a firm
	case a > 0 && isNumber(toks[a-1].raw) && !toks[a].inq:
		// "a 2024 Porsche Cayenne": a product, which no "he" refers to.
		kind = klaim.KindOrganization
	case b+1 < len(toks) && toks[b].raw == "," && strings.HasSuffix(toks[b+1].low, "-based"):
		// "The Columbus, Ohio-based company": a city.
		kind = klaim.KindPlace
	case hasClass(toks, a, b, cPlaceword):
		kind = klaim.KindPlace
	case a > 0 && toks[a-1].cls&cOrgnoun != 0 && !toks[a-1].cap,
		camelCase(toks[a:b]):
		// "its supplier Spirit AeroSystems", "perusahaan rintisan
		// GoTo": the noun before says what it is; people's names have no
		// capitals inside their words (McConnell, DeSantis aside).
		kind = klaim.KindOrganization
	case n <= 3 && a > 0 && toks[a-1].low == "in" && !toks[a].inq,
		// "a lake house in Show Low": a place.
		n == 1 && a > 0 && (toks[a-1].cls&cLocprep != 0),
		r.lang == "id" && a > 0 && toks[a-1].low == "di":
		// "di Kelapa Gading": Indonesian puts people after kata or oleh,
		// not after di.
		kind = klaim.KindPlace
	case n == 1 && a > 0 && b < len(toks) && toks[a-1].raw == "," && toks[b].raw == "," && !toks[a].allcap:
		kind = klaim.KindPerson // "Orang tua korban, Rina, menyebut": an appositive name
	case n == 1 || n > 4 || toks[a].allcap:
		kind = klaim.KindOrganization
	default:
		guessed = true
	}
	if kind == klaim.KindPerson && n >= 2 {
		// "Koos Wulandari" later written "Kooswardini Wulandari": the same
		// family name and first initial is the same person.
		last := toks[b-1].low
		if e := r.byToken[last]; e != nil && e.kind == klaim.KindPerson && strings.HasPrefix(strings.ToLower(e.name), toks[a].low) {
			return e
		}
	}
	name := r.surface(toks, a, b)
	if kind == klaim.KindOrganization && n >= 2 {
		// "PT Maju Jaya Tbk" is Maju Jaya: the legal form is an alias.
		name = r.orgCanonical(toks, a, b)
	}
	e := r.entityFor(name, kind, false)
	if e.kind == klaim.KindPerson {
		e.guessed = guessed && !e.known && (e.guessed || len(e.aliases) == 0)
	}
	if kind == klaim.KindOrganization && n >= 2 && hasClass(toks, a, b, cOrgword) {
		// "Perum Bulog" may come back glued to a person: "Direktur Utama
		// Perum Bulog Bayu Krisnamurthi".
		r.orgNames[strings.ToLower(name)] = e
		if n == 2 && toks[b-1].cls&cOrgword != 0 && toks[a].cls&(cOrgword|cNonname|cPlaceword) == 0 && r.byToken[toks[a].low] == nil {
			// "Thamesmead Bank" is "Thamesmead" later on.
			r.byToken[toks[a].low] = e
		}
	}
	if kind == klaim.KindPerson && n >= 2 && !toks[a].inq {
		// The latest person of that first or family name is meant (not a
		// title in quotation marks: her podcast, "Marsh Madness").
		for k := a; k < b; k++ {
			if toks[k].cls&cParticle == 0 && toks[k].word {
				r.byToken[toks[k].low] = e
			}
		}
	}
	return e
}

func hasClass(toks []token, a, b int, class wordClass) bool {
	for k := a; k < b; k++ {
		if toks[k].cls&class != 0 {
			return true
		}
	}
	return false
}

// pronoun recognises a pronoun or a description (the company, perusahaan
// tersebut) at toks[i] of the sentence toks[a:b].
func (r *run) pronoun(toks []token, i, a, b int) pronKind {
	w := toks[i].low
	cls := toks[i].cls
	switch {
	case (cls&cPronPerson != 0) || w == "-nya":
		return pronPerson
	case (cls&cPronOrg != 0):
		return pronOrg
	case (cls&cPronFirst != 0):
		return pronFirst
	}
	var kind pronKind
	switch {
	case (cls&cDescOrg != 0):
		kind = pronDescOrg
	case (cls&cDescPerson != 0):
		kind = pronDescPerson
	case (cls&cDescDoc != 0):
		kind = pronDoc
	case (cls&cDescPost != 0):
		kind = pronPost
	default:
		return pronNone
	}
	// English: "the company", "the streamer"; Indonesian: "perusahaan
	// (media sosial yang …) itu/tersebut". A description directly followed
	// by a name is a classifier ("perusahaan Netflix"), not a reference.
	if i+1 < b && toks[i+1].cap && toks[i+1].word {
		return pronNone
	}
	if toks[i].cap && i+2 < b && toks[i+1].word && (orgConnector(toks[i+1].low) || toks[i+1].cls&cParticle != 0) && toks[i+2].cap && toks[i+2].word {
		// "the Department of Transport", "Kementerian dan Lembaga": a
		// capitalised description that goes on is a name.
		return pronNone
	}
	if kind == pronDescPerson && toks[i].cap && i+1 < b && toks[i+1].word && toks[i+1].cls&(cAdverb|cRelpron|cNeg|cCoord) == 0 {
		// "the Australian said" refers to a person; "the American
		// company" does not.
		if _, _, ok := r.x.lex.cueTrie.match(toks, i+1, b); !ok {
			return pronNone
		}
	}
	if i > a && (toks[i-1].cls&cDet != 0) {
		return kind
	}
	if i == a && toks[i].cap && i+1 < b && toks[i+1].word && !toks[i+1].cap && kind == pronDescOrg && r.lang == "id" && !r.classifies(toks, i+1, b) {
		return kind // "Perusahaan memastikan …"
	}
	for k := i + 1; k < b && k <= i+8; k++ {
		if toks[k].cls&cDemonstrative != 0 {
			return kind
		}
		if !toks[k].word || (toks[k].cls&cComplementizer != 0) {
			break
		}
	}
	return pronNone
}

// markOblique flags mentions that cannot be the subject of a verb: after a
// preposition, a possessor ("Meta's", "pengguna Facebook"), or inside quotes.
func (r *run) markOblique(toks []token, a int, m *mention) {
	lex := r.x.lex
	if m.b < len(toks) && toks[m.b].low == "'s" {
		m.oblique = true
		return
	}
	if r.lang == "en" && m.ent != nil && m.b+1 < len(toks) && r.nounAdjunct(toks, m.b) {
		// "The Nike workers' union said": the name modifies a noun.
		m.oblique = true
		return
	}
	p := m.a - 1
	for p >= a && toks[p].word && (toks[p].cls&cDet != 0) {
		p--
	}
	if p < a || !toks[p].word {
		return
	}
	w := toks[p].low
	switch {
	case (lex.bits[w]&cOblique != 0):
		m.oblique = true
	case r.lang == "id" && !toks[p].cap && !(lex.bits[w]&cPresubject != 0) && !(lex.bits[w]&cClassifier != 0) && m.pron == pronNone && !describedName(toks, a, p):
		// Indonesian puts the possessor after its noun: "pengguna
		// Facebook", "postingan X".
		m.oblique = true
	}
}

// describedName reports whether the lower-case words ending at toks[p] are a
// description that opens the clause at toks[a] and classifies the name after
// them: "Perusahaan teknologi finansial PT Dana Kilat", "Produsen sirup
// tersebut, PT Farmasi" — not a noun the name possesses.
func describedName(toks []token, a, p int) bool {
	k := p
	for k > a && k > p-6 && (toks[k].word && !toks[k].cap || toks[k].raw == ")" || toks[k].raw == "(" || k > 0 && toks[k-1].raw == "(") {
		k-- // "Perusahaan rintisan (startup) logistik Kurirnesia"
	}
	return k == a && toks[k].word && toks[k].cls&cDescOrg != 0
}

// isHeadline reports whether the sentence is written in Title Case: a
// heading whose capitals say nothing about names.
func isHeadline(toks []token, a, b int) bool {
	if b > a {
		switch toks[b-1].raw {
		case ".", "!", "?", "…", ",", ":":
			return false // headings do not end like sentences
		}
	}
	words, caps := 0, 0
	for i := a; i < b; i++ {
		if toks[i].qmark {
			return false
		}
		if toks[i].word && !toks[i].inq {
			words++
			if toks[i].cap {
				caps++
			}
		}
	}
	return words >= 4 && caps*4 >= words*3
}

// resolve returns the entity a pronoun or description refers to: the most
// salient compatible entity, speakers first, then subjects, then recency.
func (r *run) resolve(p pronKind, exclude ...*entity) *entity {
	return r.resolveG(p, 0, exclude...)
}

// resolveG is resolve for a pronoun or description that requires g of its
// referent: a gender ("she") or being a news outlet ("the newspaper").
func (r *run) resolveG(p pronKind, g agreement, exclude ...*entity) *entity {
	var best *entity
	bestScore := -1 << 30
	for _, e := range r.recent {
		if !compatible(p, e.kind) && !(p == pronDescOrg && e.guessed && e.kind == klaim.KindPerson && e.role == "" && e.org == nil) {
			continue
		}
		if !g.fits(e) {
			continue
		}
		skip := false
		for _, x := range exclude {
			if x == e {
				skip = true
			}
		}
		if skip {
			continue
		}
		s := 2 * e.lastSent
		if v := 2*e.lastSubj + 1; v > s {
			s = v
		}
		v := 2*e.lastSpeaker + 3
		if p == pronDescOrg && r.inTitle(e) {
			// "the company" of a story is most often the one its headline
			// names.
			s += 6
		}
		if p == pronDescOrg && e.lastSpeaker >= 0 && !e.source {
			// "Spirit AeroSystems said … The company denied": a description
			// takes up the organisation that spoke, over one only named in
			// between (the regulator it spoke about).
			v += 8
		}
		if v > s {
			s = v
		}
		if p == pronPost && e != r.lastSpeaker {
			s -= 100
		}
		if p == pronDescOrg && e.kind == klaim.KindMedia {
			// "the company", "perusahaan tersebut" is the party a story is
			// about, hardly the outlet that reported on it.
			s -= 12
		}
		if s > bestScore {
			best, bestScore = e, s
		}
	}
	if best != nil && r.sent-best.lastSent > 12 {
		return nil
	}
	if best != nil && p == pronDescOrg && best.kind == klaim.KindPerson && !r.givenName(best) {
		// "Abbott Nutrition said … The company denied": what was taken
		// for a person's name is a company's.
		best.kind, best.guessed = klaim.KindOrganization, false
	}
	g.mark(best)
	return best
}

// agreement is what a pronoun or description requires of what it refers to.
type agreement byte

const (
	agreeAny    agreement = 0
	agreeFemale agreement = 'f' // she, her, Mrs, spokeswoman
	agreeMale   agreement = 'm' // he, his, Mr, spokesman
	agreeMedia  agreement = 'n' // the newspaper, the broadcaster, koran itu
)

// fits reports whether e may be what a word of agreement g refers to.
func (g agreement) fits(e *entity) bool {
	switch g {
	case agreeFemale, agreeMale:
		return e.gender == 0 || e.gender == byte(g)
	case agreeMedia:
		return e.kind == klaim.KindMedia
	}
	return true
}

// mark records on e, which a word of agreement g was resolved to, the
// gender g shows.
func (g agreement) mark(e *entity) {
	if e != nil && e.gender == 0 && e.kind == klaim.KindPerson && (g == agreeFemale || g == agreeMale) {
		e.gender = byte(g)
	}
}

// agreementOf returns what a word requires of its referent: a gender
// (English pronouns, titles, role words) or a news outlet (newspaper, koran).
func agreementOf(low string) agreement {
	switch low {
	case "she", "her", "hers", "herself", "mrs", "ms", "miss", "madam", "dame", "lady", "spokeswoman", "chairwoman",
		"businesswoman", "congresswoman", "councilwoman", "woman", "mother", "wife", "daughter", "sister", "grandmother", "widow", "ibu", "bu", "nyonya":
		return agreeFemale
	case "newspaper", "paper", "tabloid", "broadcaster", "outlet", "publication", "magazine", "koran", "harian", "majalah", "media":
		return agreeMedia
	case "he", "him", "his", "himself", "mr", "sir", "lord", "spokesman", "chairman", "businessman", "congressman",
		"councilman", "man", "father", "husband", "son", "brother", "grandfather", "widower", "bapak", "pak":
		return agreeMale
	}
	return agreeAny
}

func compatible(p pronKind, k klaim.EntityKind) bool {
	switch p {
	case pronPerson, pronDescPerson:
		return k == klaim.KindPerson
	case pronOrg, pronDescOrg:
		return k == klaim.KindOrganization || k == klaim.KindMedia
	case pronDoc:
		return k == klaim.KindDocument
	case pronPost:
		return k != klaim.KindPlace
	}
	return false
}

// touch records that e was seen in the current sentence.
func (r *run) touch(e *entity, subject, speaker bool) {
	e.lastSent = r.sent
	if subject {
		e.lastSubj = r.sent
	}
	if speaker {
		e.lastSpeaker = r.sent
		r.lastSpeaker = e
	}
	for i, x := range r.recent {
		if x == e {
			copy(r.recent[1:i+1], r.recent[:i])
			r.recent[0] = e
			return
		}
	}
	if len(r.recent) < 48 {
		r.recent = append(r.recent, nil)
	}
	copy(r.recent[1:], r.recent[:len(r.recent)-1])
	r.recent[0] = e
}

// titleCaseWord reports whether s starts upper-case and goes on lower-case.
func titleCaseWord(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, c := range s[n:] {
		if unicode.IsUpper(c) {
			return false
		}
	}
	return true
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" }

// registerNames lets a person's first and family names stand for the person
// later in the article.
func (r *run) registerNames(e *entity) {
	toks := tokenize(e.name, 0, len(e.name), nil)
	r.x.lex.classify(toks)
	if len(toks) < 2 {
		return
	}
	for _, t := range toks {
		if t.word && t.cls&cParticle == 0 {
			r.byToken[t.low] = e
		}
	}
}

// verbFollows reports whether a reporting verb follows toks[j]: "Ryanair
// says", where a capitalised first word is a name.
func (r *run) verbFollows(toks []token, j, b int) bool {
	for j < b && toks[j].word && toks[j].cls&cAdverb != 0 {
		j++
	}
	// "Revolut on Thursday denied", "Garuda pada Senin membantah": a day
	// between the subject and its verb.
	if j+1 < b && toks[j].word && (toks[j].low == "on" || toks[j].low == "pada") && toks[j+1].word && toks[j+1].cls&cNonname != 0 && toks[j+1].cap {
		j += 2
		for j < b && toks[j].raw == "," {
			j++
		}
	}
	if j >= b || !toks[j].word || toks[j].cap {
		return false
	}
	v, _, ok := r.x.lex.cueTrie.match(toks, j, b)
	if !ok {
		return false
	}
	k := r.x.lex.cues[v].kind
	return k == cueVerb || k == cueBoth
}

// nounAdjunct reports whether toks[j], right after an English name, is a
// common noun the name modifies ("Nike workers"), not the verb or adverb
// that follows a subject.
func (r *run) nounAdjunct(toks []token, j int) bool {
	t := &toks[j]
	if !t.word || t.cap || t.spaceB == false || t.cls&(cAdverb|cOblique|cNeg|cConjAnd|cRelpron|cComplementizer|cDet|cCoord|cRefuse|cRolelink) != 0 {
		return false
	}
	if strings.HasSuffix(t.low, "ly") || strings.HasSuffix(t.low, "ed") {
		return false // recently, reportedly; denied, stated
	}
	if _, _, ok := r.x.lex.cueTrie.match(toks, j, len(toks)); ok {
		return false
	}
	// A plural noun before a possessive or a verb: "workers' union",
	// "employees said".
	return strings.HasSuffix(t.low, "s") && j+1 < len(toks) && (toks[j+1].raw == "'" || toks[j+1].raw == "’" || toks[j+1].low == "'s")
}

// derivedNoun reports whether an Indonesian word has the shape of a noun
// derived with ke-…-an or pe(N)-…-an ("kemarahan", "penangkapan",
// "pernyataan"), which names no one.
func derivedNoun(w string) bool {
	n := utf8.RuneCountInString(w)
	return strings.HasSuffix(w, "an") && (strings.HasPrefix(w, "ke") && n >= 7 || strings.HasPrefix(w, "pe") && n >= 8)
}

// bodyOf reports whether the known organisation toks[j:j+n] ends a name that
// an organisation word opened at toks[start] ("Komite Wasit PSSI menepis",
// "Dewan Pengawas KPK menyatakan"): a body of that organisation, named with
// it. A capitalised word after it is a person's name ("Ikappi Abdullah
// Mansuri"), which the name does not take.
func (r *run) bodyOf(toks []token, start, j, n, b int) bool {
	return toks[start].cls&cOrgword != 0 && j-start >= 2 && (j+n >= b || !toks[j+n].word || !toks[j+n].cap)
}

// classifies reports whether the lower-case words from toks[j] lead, before
// any speech verb, to a name: "Perusahaan teknologi finansial PT Dana Kilat
// membantah" describes the name that follows, and refers to nothing before.
func (r *run) classifies(toks []token, j, b int) bool {
	for k := j; k < b && k < j+7 && (toks[k].word || toks[k].raw == "(" || toks[k].raw == ")"); k++ {
		if toks[k].cap && toks[k].word && !(k > 0 && toks[k-1].raw == "(") {
			return true
		}
		if _, _, ok := r.x.lex.cueTrie.match(toks, k, b); ok {
			return false
		}
	}
	return false
}

// apposedPerson reports whether toks[j:] is ", Full Name," — a name of two
// words or more set off by commas, as the holder of a role is after the
// role's organisation.
func (r *run) apposedPerson(toks []token, j, b int) bool {
	if j+3 >= b || toks[j].raw != "," {
		return false
	}
	k := j + 1
	for k < b && toks[k].word && toks[k].cap && toks[k].cls&(cOrgword|cMedia|cPlaceword|cNonname) == 0 {
		k++
	}
	return k-(j+1) >= 2 && k < b && toks[k].raw == ","
}

// demonym reports whether an English word has the shape of an adjective of
// a people or country: Sudanese, Nigerian, Turkish, Korean, Pakistani.
func demonym(w string) bool {
	if utf8.RuneCountInString(w) < 5 {
		return false
	}
	for _, suf := range []string{"ese", "ian", "ish", "ean", "ani", "aqi", "eli", "udi", "ese"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// appositiveOrg reports whether toks[j:] is an apposition that describes an
// organisation: ", a Sudanese rights group", ", the company's parent".
func appositiveOrg(toks []token, j, b int) bool {
	if j+2 >= b || toks[j].raw != "," || toks[j+1].cls&cDet == 0 {
		return false
	}
	for k := j + 2; k < b && k <= j+6 && toks[k].word && (!toks[k].cap || toks[k].cls&cNonname != 0 || demonym(toks[k].low)); k++ {
		if toks[k].cls&cDescOrg != 0 {
			return true
		}
	}
	return false
}

// apposedPersonAfterOrg is apposedPerson after a known organisation:
// "Direktur Industri Alat Transportasi Kemenperin, Rudi Hartawan, …".
func (r *run) apposedPersonAfterOrg(toks []token, j, b int) bool {
	if j >= b {
		return false
	}
	if n, _ := r.knownOrgAt(toks, j, b); n > 0 {
		return r.apposedPerson(toks, j+n, b)
	}
	if _, n, ok := r.x.gaz.match(toks, j, b); ok {
		return r.apposedPerson(toks, j+n, b)
	}
	return false
}

// hasRaw reports whether one of toks[a:b] is written s.
func hasRaw(toks []token, a, b int, s string) bool {
	for k := a; k < b; k++ {
		if toks[k].raw == s {
			return true
		}
	}
	return false
}

// branchEnd returns the end of a branch's name after an organisation's,
// "Cabang Sukabumi", "Perwakilan Jawa Tengah", "Kantor Wilayah DKI", or -1.
func branchEnd(toks []token, j, b int) int {
	if j+1 >= b || !toks[j].word || !toks[j].cap {
		return -1
	}
	switch toks[j].low {
	case "cabang", "perwakilan", "wilayah", "kanwil", "kantor", "branch":
	default:
		return -1
	}
	k := j + 1
	if toks[j].low == "kantor" && k < b && toks[k].low == "wilayah" {
		k++
	}
	end := -1
	for ; k < b && k < j+5 && toks[k].word && toks[k].cap; k++ {
		end = k + 1
	}
	return end
}

// givenName reports whether e's name opens with a common given name, which
// shows a person, never a company ("Clare Hendry", not "Abbott Nutrition").
func (r *run) givenName(e *entity) bool {
	first, _, _ := strings.Cut(strings.ToLower(e.name), " ")
	return r.x.lex.bits[first]&(cNameF|cNameM) != 0
}

// ageGroup reports whether s names a team's age group: U-23, U23, U-19.
func ageGroup(s string) bool {
	if len(s) < 3 || s[0] != 'U' {
		return false
	}
	s = strings.TrimPrefix(s[1:], "-")
	return isNumber(s)
}

// companyAt returns the end of a company named with its legal form at
// toks[i] — "PT" and a company the article named or the gazetteer knows,
// with "(Persero)" and "Tbk" after it: "PT BKN", "PT Bank Mandiri (Persero)
// Tbk" — and the company; 0 when there is none.
func (r *run) companyAt(toks []token, i, b int) (int, *entity) {
	if i+1 >= b || toks[i].low != "pt" && toks[i].low != "pt." {
		return 0, nil
	}
	n, ent := r.knownOrgAt(toks, i+1, b)
	if e, gn, ok := r.x.gaz.match(toks, i+1, b); n == 0 && ok && r.x.gaz.entries[e].kind == klaim.KindOrganization {
		g := r.x.gaz.entries[e]
		ent, n = r.entityFor(g.name, g.kind, true), gn
		ent.concept = klaim.EntityID(g.concept)
	}
	if n == 0 {
		return 0, nil
	}
	q := i + 1 + n
	for q < b && legalForm(toks[q]) {
		q++
	}
	if q > i+1+n && toks[q-1].raw == "(" {
		q-- // an opening parenthesis alone starts something else
	}
	return q, ent
}
