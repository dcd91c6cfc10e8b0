package claims

import (
	"strings"

	"github.com/klaim/klaim"
)

// stmt is a statement being built.
type stmt struct {
	speaker *entity
	base    klaim.Stance // the cue's stance after negation
	stance  klaim.Stance // after what the quote or clause says
	cue     string
	direct  bool
	span    [2]int
	sent    [2]int
	content [][2]int // byte ranges of the quote or the reported clause
	conc    []string // concepts of the content
	subj    []*entity
	target  *stmt // the report this one answers ("membantah laporan X bahwa …")
	// report: named by a noun ("the allegation by X", "laporan Tempo"), whose
	// author is no subject of the sentence for later pronouns
	report bool
	said   string
	para   int
	sentNo int
	claim  *cluster
	id     string
}

// para is one paragraph: its tokens, quotations and sentences.
type para struct {
	toks   []token
	quotes [][2]int
	sents  [][2]int
}

// run is the state of one Extract call.
type run struct {
	x    *Extractor
	a    *klaim.Article
	text string
	lang string

	ents    map[string]*entity
	order   []*entity
	recent  []*entity          // most recently seen first, bounded
	byToken map[string]*entity // a person's first or family name → the person
	// orgNames holds the lower-case names and acronyms of the organisations
	// the article defined ("ikatan pedagang pasar indonesia", "ikappi").
	orgNames map[string]*entity
	capSeen  map[string]bool // words seen capitalised inside sentences
	// capCount counts the capitalised occurrences of each word: a word of
	// a name used again on its own is a person's name
	capCount map[string]int
	// lowSeen holds the words seen in lower case: such a word opening a
	// sentence ("Keluarga menduga …", "Police said …") is that common word.
	lowSeen map[string]bool

	sent        int // current sentence number
	lastSpeaker *entity
	lastStmt    *stmt
	stmts       []*stmt
	rels        []klaim.Relation
	relSeen     map[string]bool
	spans       map[[2]int]bool
	published   string

	mspans []mspan

	saidSent int // the sentence saidVal was read from
	saidVal  string

	buf     []token // scratch tokens of quotes and clauses
	msBuf   []mention
	ms      []mention // the mentions of the current sentence
	pending []*entity // speakers of the current sentence, made salient after it
	roleBuf []span
}

func newRun(x *Extractor, a *klaim.Article) *run {
	r := &run{
		x: x, a: a, text: a.Text,
		saidSent: -1,
		ents:     make(map[string]*entity), byToken: make(map[string]*entity), orgNames: make(map[string]*entity),
		capSeen: make(map[string]bool), capCount: make(map[string]int), lowSeen: make(map[string]bool), relSeen: make(map[string]bool), spans: make(map[[2]int]bool),
	}
	r.lang = a.Lang
	if !a.Published.IsZero() {
		r.published = a.Published.Format("2006-01-02")
	}
	return r
}

// analyse reads the article paragraph by paragraph.
func (r *run) analyse() {
	var ps []para
	// About one token for every five bytes of news text: one allocation.
	all := make([]token, 0, len(r.text)/5+16)
	for _, pr := range paragraphs(r.text) {
		start := len(all)
		all = tokenize(r.text, pr[0], pr[1], all)
		toks := all[start:len(all):len(all)]
		p := para{toks: toks}
		p.quotes = markQuotes(toks, nil)
		ps = append(ps, p)
	}
	for i := range ps {
		r.x.lex.classify(ps[i].toks)
	}
	if r.lang != "id" && r.lang != "en" {
		r.lang = detectLang(all)
	}
	// A headline capitalises every word, but the names among them come back
	// opening the lead ("Nike Cuts Forecast …" then "Nike lowered …"): a
	// word of the title that is no common word may be a name there.
	if r.a.Title != "" {
		tt := tokenize(r.a.Title, 0, len(r.a.Title), nil)
		r.x.lex.classify(tt)
		for _, t := range tt {
			if t.word && t.cap && t.cls&(cNonname|cDet|cOblique|cPresubject|cDescOrg|cDescPerson) == 0 {
				r.capSeen[t.low] = true
			}
		}
	}
	for i := range ps {
		p := &ps[i]
		r.virtualQuote(i, ps)
		p.sents = r.x.splitSentences(p.toks, nil)
		for _, s := range p.sents {
			first := true
			for k := s[0]; k < s[1]; k++ {
				t := &p.toks[k]
				if !t.word {
					continue
				}
				if t.cap {
					r.capCount[t.low]++
				} else if !t.qmark {
					r.lowSeen[t.low] = true
				}
				if !first && t.cap && !(k > 0 && (p.toks[k-1].qmark || isDash(p.toks[k-1].raw) || p.toks[k-1].raw == ":")) && !isHeadline(p.toks, s[0], s[1]) {
					r.capSeen[t.low] = true
				}
				first = false
			}
		}
	}
	for i := range ps {
		p := &ps[i]
		if r.virtualQuote(i, ps) && (r.lastStmt == nil || r.lastStmt.para != i-1) {
			// Not after a statement after all: a first-person paragraph of
			// the writer. Undo the quotation.
			for k := range p.toks {
				p.toks[k].inq = false
			}
		}
		for si, s := range p.sents {
			r.sentence(i, si, p, s[0], s[1])
		}
	}
}

// virtualQuote reports whether paragraph i is an unmarked quotation: it
// starts with a first-person pronoun (Kami, We) and has no quotation marks,
// as block quotes do once their markup is gone. It flags its tokens inside a
// quotation on the first call.
func (r *run) virtualQuote(i int, ps []para) bool {
	p := &ps[i]
	if i == 0 || len(p.quotes) > 0 || len(p.toks) < 6 {
		return false
	}
	t := &p.toks[0]
	if !t.word || !t.cap || !(t.cls&cPronFirst != 0) {
		return false
	}
	for k := range p.toks {
		p.toks[k].inq = true
	}
	return true
}

// detectLang tells Indonesian from English by their commonest words.
func detectLang(toks []token) string {
	id, en := 0, 0
	for i, t := range toks {
		if i > 3000 {
			break
		}
		switch t.low {
		case "yang", "dan", "di", "itu", "dengan", "untuk", "tidak", "ini", "dari", "dalam", "akan", "pada", "juga", "bahwa", "kata", "ujar":
			id++
		case "the", "and", "of", "to", "is", "that", "was", "with", "for", "said", "has", "have", "it", "are":
			en++
		}
	}
	if id > en {
		return "id"
	}
	return "en"
}

// cueAt is a reporting cue found in a sentence.
type cueAt struct {
	i, n   int
	c      *cue
	suffix bool // the speaker is the -nya of the cue word (katanya, ujarnya)
}

// sentence analyses the sentence toks[a:b] of paragraph pi.
func (r *run) sentence(pi, si int, p *para, a, b int) {
	toks := p.toks
	r.sent++
	ms, roles := r.mentions(toks, a, b, r.msBuf[:0], r.roleBuf[:0])
	r.msBuf, r.roleBuf = ms, roles
	r.relations(toks, a, b, ms, roles)
	for k := range ms {
		m := &ms[k]
		sp := mspan{s: toks[m.a].s, e: toks[m.b-1].e, ent: m.ent, first: m.pron == pronFirst}
		if m.ent == nil && m.pron != pronFirst {
			sp.ent = r.resolveIn(ms, k)
		}
		if sp.ent != nil || sp.first {
			r.mspans = append(r.mspans, sp)
		}
	}
	cues := r.findCues(toks, a, b, ms)
	r.ms = ms
	made := 0
	var prev *stmt
	var nouns []*stmt
	// Reports named in the sentence first, so denials can point at them.
	for _, c := range cues {
		if c.c.kind == cueNoun {
			if s := r.nounStatement(pi, p, a, b, c, ms); s != nil {
				nouns = append(nouns, s)
				made++
			}
		}
	}
	prevEnd := a
	for ci, c := range cues {
		if c.c.kind == cueNoun || c.c.kind == cueNone || c.c.kind == cueSource {
			continue
		}
		nextStart := b
		for _, d := range cues[ci+1:] {
			if d.i >= a+2 && toks[d.i-1].cls&cRelpron != 0 && toks[d.i-2].word && !toks[d.i-2].cap {
				// "membantah kabar yang menyebut …", "denied reports that
				// said …": what the rumour says is what is denied.
				continue
			}
			if d.c.kind != cueNoun && d.c.kind != cueSource {
				nextStart = d.i
				break
			}
		}
		s := r.verbStatement(pi, p, a, b, c, ms, roles, prev, prevEnd, nextStart, nouns, len(cues) > 0 && cues[0].i == c.i)
		prevEnd = c.i + c.n
		if s == nil {
			continue
		}
		prev = s
		made++
	}
	if made == 0 && allQuote(toks, a, b) {
		r.continuation(pi, si, p, a, b)
	}
	r.ms = nil
	for k := range ms {
		m := &ms[k]
		if m.ent != nil && !m.inq {
			r.touch(m.ent, !m.oblique, false)
		}
	}
	// The first speaker of a sentence is its main clause's ("Ia memastikan
	// rumor itu hoaks, karena sudah dibantah oleh Presiden"): touched last,
	// it is the one a later "katanya" or "he said" refers to.
	for k := len(r.pending) - 1; k >= 0; k-- {
		r.touch(r.pending[k], true, true)
	}
	r.pending = r.pending[:0]
}

// allQuote reports whether every word of toks[a:b] is inside a quotation.
func allQuote(toks []token, a, b int) bool {
	words := 0
	for i := a; i < b; i++ {
		if toks[i].word {
			if !toks[i].inq {
				return false
			}
			words++
		}
	}
	return words > 0
}

// findCues returns the reporting cues of the sentence outside quotations.
func (r *run) findCues(toks []token, a, b int, ms []mention) []cueAt {
	lex := r.x.lex
	var out []cueAt
	first := a
	for first < b && !toks[first].word {
		first++
	}
	mi := 0
	for i := a; i < b; i++ {
		t := &toks[i]
		if !t.word || t.inq {
			continue
		}
		for mi < len(ms) && ms[mi].b <= i {
			mi++
		}
		if mi < len(ms) && ms[mi].a <= i && ms[mi].ent != nil {
			// part of a name ("Kata Data")
			continue
		}
		if t.cap && i != first && !(i > a && (toks[i-1].qmark || toks[i-1].raw == "-" || toks[i-1].raw == "–")) {
			continue
		}
		ci, n, ok := lex.cueTrie.match(toks, i, b)
		suffix := false
		if !ok && len(t.low) > 5 && strings.HasSuffix(t.low, "nya") {
			if node := lex.cueTrie.next[t.low[:len(t.low)-3]]; node != nil && node.val != 0 {
				ci, n, ok, suffix = node.val-1, 1, true, true
			}
		}
		if !ok {
			continue
		}
		c := &lex.cues[ci]
		if c.kind != cueNoun && !suffix {
			// "denied reports in The Athletic", "a report": a noun here.
			p := i - 1
			for p >= a && toks[p].word && toks[p].cls&cDet != 0 {
				p--
			}
			afterCue := len(out) > 0 && out[len(out)-1].i+out[len(out)-1].n > p && p >= a
			// "earlier crew reports of fumes": a noun before "of".
			ofNoun := r.lang == "en" && i+1 < b && toks[i+1].low == "of"
			if afterCue || p < i-1 || ofNoun {
				if v, n2, ok2 := lex.nounTrie.match(toks, i, b); ok2 && lex.cues[v].lang == c.lang {
					ci, n, c = v, n2, &lex.cues[v]
				}
			}
		}
		if c.lang != "*" && c.lang != r.lang {
			continue
		}
		if r.lang == "en" && (c.kind == cueVerb || c.kind == cueBoth) && i > a && toks[i-1].word {
			// "pupils were told", "he was charged with": the subject is
			// spoken to or of; "a contested reef": an adjective.
			if be := toks[i-1].low; englishBe[be] || toks[i-1].cls&cDet != 0 && be != "that" && be != "this" {
				continue
			}
		}
		if (c.kind == cueVerb || c.kind == cueBoth) && (r.requested(toks, a, i) || r.asked(toks, a, i)) {
			continue
		}
		if r.lang == "en" && (c.kind == cueVerb || c.kind == cueBoth) && i+n < b && toks[i+n].low == "by" {
			// "a claim flatly rejected by the army": a participle whose
			// agent speaks.
			pc := *c
			pc.kind = cuePassive
			c = &pc
		}
		if suffix && c.kind != cueInv && c.kind != cueBoth {
			continue
		}
		if !suffix && i+n < b && toks[i+n].low == "-nya" && (c.kind == cueInv || c.kind == cueBoth) {
			suffix = true
			n++
		}
		out = append(out, cueAt{i: i, n: n, c: c, suffix: suffix})
		i += n - 1
	}
	return out
}

// speakerEntity returns the entity a mention names or refers to.
func (r *run) speakerEntity(m *mention) *entity {
	if m.ent != nil {
		if m.ent.kind == klaim.KindPlace {
			return nil
		}
		return m.ent
	}
	switch m.pron {
	case pronFirst, pronNone:
		return nil
	}
	for k := range r.ms {
		if &r.ms[k] == m {
			return r.resolveIn(r.ms, k)
		}
	}
	return r.resolveG(m.pron, m.agree)
}

// resolveIn resolves the pronoun or description ms[k]: to the nearest
// compatible subject before it in its sentence, else to the most salient
// entity of the sentences before.
func (r *run) resolveIn(ms []mention, k int) *entity {
	p, g := ms[k].pron, ms[k].agree
	for j := k - 1; j >= 0; j-- {
		m := &ms[j]
		if m.ent != nil && !m.inq && !m.oblique && compatible(p, m.ent.kind) && p != pronPost && p != pronDoc && g.fits(m.ent) {
			g.mark(m.ent)
			return m.ent
		}
	}
	return r.resolveG(p, g)
}

// speakerAfter finds the speaker named right after a cue ("kata
// Kooswardini", "according to police spokesman X", "menurut dokumen yang
// diperoleh X").
func (r *run) speakerAfter(toks []token, j, b int, ms []mention, roles []span) (*entity, int) {
	named := false // a name may start with a determiner: "The Wall Street Journal"
	for k := range ms {
		named = named || ms[k].a == j
	}
	for !named && j < b && toks[j].word && ((toks[j].cls&cDet != 0) || (toks[j].cls&cTitle != 0) && (!toks[j].cap || j+1 < b && toks[j+1].cap)) {
		// "said the …", "kata Pak Budi", "said Commodore Rafael Ilagan"
		j++
		if j < b && toks[j].raw == "." && toks[j-1].cls&cTitle != 0 {
			j++ // "said Lt. Col. …"
		}
		for k := range ms {
			named = named || ms[k].a == j
		}
	}
	// "said Wessex Water's chief operating officer, Martin Hollis": the
	// person in apposition to the organisation's role.
	for k := range ms {
		if m := &ms[k]; m.a == j && m.ent != nil && m.b+1 < b && toks[m.b].low == "'s" {
			for _, rs := range roles {
				if rs.a != m.b+1 {
					continue
				}
				q := rs.b
				if q < b && toks[q].raw == "," {
					q++
				}
				for k2 := range ms {
					if ms[k2].a == q && ms[k2].ent != nil && ms[k2].ent.kind == klaim.KindPerson && !ms[k2].inq {
						return ms[k2].ent, ms[k2].b
					}
				}
			}
		}
	}
	for _, rs := range roles {
		if rs.a == j {
			j = rs.b
			// "ucap kuasa hukum terdakwa, Hotman Paris": words that say
			// whose role it is, then the name.
			q := j
			for q < b && q < j+3 && toks[q].word && !toks[q].cap && toks[q].cls&(cOblique|cComplementizer|cNeg|cAdverb) == 0 {
				q++
			}
			if q > j && q+1 < b && toks[q].raw == "," {
				for k := range ms {
					if ms[k].a == q+1 && ms[k].ent != nil && ms[k].ent.kind == klaim.KindPerson && !ms[k].inq {
						return ms[k].ent, ms[k].b
					}
				}
			}
			if j >= b || !toks[j].word || !toks[j].cap && toks[j].cls&(cOblique|cSubord|cTimeprep|cLocprep|cPresubject) != 0 {
				// "kata Kapolres saat jumpa pers": the role alone stands
				// for the person who holds it; in "said the president
				// would veto" it is what was said.
				if e := r.roleHolder(toks, rs); e != nil {
					return e, j
				}
			}
			break
		}
	}
	for k := range ms {
		m := &ms[k]
		if m.a < j || m.inq {
			continue
		}
		if m.a > j+1 {
			break
		}
		if m.a == j+1 && toks[j].word {
			// "menurut data BPS", "kata sumber Tempo": a source of the
			// organisation named after it.
			if r.lang != "id" || toks[j].cap || toks[j].cls&(cOblique|cDet|cNeg|cComplementizer|cAdverb) != 0 || m.ent == nil ||
				m.ent.kind != klaim.KindOrganization && m.ent.kind != klaim.KindMedia {
				break
			}
		}
		if m.pron == pronDescPerson {
			// "ujar pria yang akrab disapa Bang Ucok itu": the name the
			// description gives.
			if n := r.namedAs(toks, m.b, b, ms); n != nil {
				return n.ent, n.b
			}
		}
		e := r.speakerEntity(m)
		if e == nil {
			return nil, 0
		}
		// "juru bicara Polri Kombes X": the person after the organisation.
		// Organisations and places may chain before the person: "Kepala
		// Dinas Kesehatan DKI Ani R.", "Kasat Reskrim Polres Bogor AKP X".
		for n, end := k+1, m.b; e.kind != klaim.KindPerson && m.pron == pronNone && n < len(ms) && n <= k+3; n++ {
			o := &ms[n]
			q := end
			for _, rs := range roles {
				if rs.a == q && rs.b <= o.a {
					q = rs.b // "said Mercedes team principal Toto Wolff"
				}
			}
			for q < o.a && (toks[q].word && toks[q].cls&cTitle != 0 || toks[q].raw == "." && q > end) {
				q++
			}
			gap := o.a - q
			if o.ent == nil || !(gap == 0 || gap == 1 && toks[q].raw == ",") {
				break
			}
			if o.ent.kind == klaim.KindPerson {
				return o.ent, o.b
			}
			end = o.b
		}
		if m.pron == pronDoc && (toks[m.a].cls&cDescDoc != 0) {
			// "documents obtained by the Times"
			for q := m.b; q < b && q < m.b+6; q++ {
				if toks[q].cls&cAgentprep != 0 {
					for _, n := range ms[k+1:] {
						if n.a > q && n.a <= q+2 && n.ent != nil {
							return n.ent, n.b
						}
					}
				}
			}
		}
		return e, m.b
	}
	// "menurut dokumen yang diperoleh X" without a description recognised
	for q := j; q < b && q < j+6; q++ {
		if toks[q].cls&cAgentprep != 0 {
			for k := range ms {
				if ms[k].a > q && ms[k].a <= q+2 && ms[k].ent != nil && !ms[k].inq {
					return r.speakerEntity(&ms[k]), ms[k].b
				}
			}
		}
	}
	return nil, 0
}

// clauseStart returns where the clause of a verb at token i begins: after the
// last complementizer, closing quotation, semicolon or dateline dash.
func (r *run) clauseStart(toks []token, a, i, prevEnd int) int {
	from := i - 1
	if from > a && toks[from].raw == "," {
		// "The Emergency Lawyers, a rights group that documents abuses,
		// said": past an apposition set off by commas, with its relative
		// clause, to the subject.
		for c := from - 1; c > a && c >= prevEnd; c-- {
			if toks[c].raw == "," {
				if c+1 < from && toks[c+1].word && !toks[c+1].cap && toks[c+1].cls&(cDet|cDescOrg|cDescPerson) != 0 {
					from = c - 1
				}
				break
			}
		}
	}
	for k := from; k >= a && k >= prevEnd; k-- {
		t := &toks[k]
		if t.inq {
			continue
		}
		if t.qmark || t.raw == ";" || (t.raw == "–" || t.raw == "—" || t.raw == "-") && t.spaceB || (t.word && t.cls&(cComplementizer|cSubord) != 0) {
			return k + 1
		}
	}
	if prevEnd > a {
		return prevEnd
	}
	return a
}

// speakerBefore finds the subject of a verb cue: the first mention of its
// clause that is not after a preposition, a name or a pronoun or a
// description. Coordinated subjects ("Spotify and Netflix") give several.
func (r *run) speakerBefore(toks []token, start, i int, ms []mention, roles []span) []*entity {
	lex := r.x.lex
	// "Pihak bank, melalui Corporate Secretary BRI Agustya Hendy Bernadi,
	// memastikan", "Meta, through its spokesman Andy Stone, said": the
	// person the organisation speaks through.
	for p := start; p < i; p++ {
		if w := toks[p].low; toks[p].inq || w != "melalui" && w != "lewat" && w != "through" {
			continue
		}
		if p == start {
			// "Melalui kuasa hukumnya, Dimas, Arga membantah": a fronted
			// phrase; the subject follows it.
			break
		}
		for k := range ms {
			m := &ms[k]
			if m.a > p && m.b <= i && !m.inq && m.ent != nil && m.ent.kind == klaim.KindPerson {
				return []*entity{m.ent}
			}
		}
		break
	}
	// "P is untrue, a government spokesman said": a role with no name right
	// before the cue, after a comma, is an unnamed speaker.
	if k := i - 1; k > start {
		for k > start && toks[k].word && toks[k].cls&cAdverb != 0 {
			k--
		}
		for _, rs := range roles {
			if rs.b != k+1 {
				continue
			}
			p := rs.a - 1
			for p > start && toks[p].word && !toks[p].cap {
				p--
			}
			if p >= start && p >= 0 && toks[p].raw == "," {
				return nil
			}
		}
	}
	// "A spokesperson for the FBI's Sacramento field office, Kelsey
	// Armitage, confirmed", "Its founder, Dr. Anita Shrestha, said": a person
	// set off by commas right before the cue is the subject in apposition.
	for k := len(ms) - 1; k >= 0; k-- {
		m := &ms[k]
		if m.b > i {
			continue
		}
		q := m.b
		for q+1 < i && toks[q].raw == "," && toks[q+1].cls&cDegree != 0 {
			q += 2 // "dr Melati Kusumawardani, SpPD, meminta maaf"
		}
		// An organisation in apposition when the sentence opens with a
		// description: "Mitra pengelola SPPG Kertek, Yayasan Bina Gizi
		// Sejahtera, membantah".
		described := m.ent != nil && m.ent.kind == klaim.KindOrganization && start < len(toks) && !inMention(ms, start, nil) && toks[start].cls&(cDescOrg|cDescPerson|cGroupnoun) != 0
		if q < i && toks[q].raw == "," && r.modifiersOnly(toks, q+1, i) && m.ent != nil && (m.ent.kind == klaim.KindPerson || described) && !m.inq && m.a > start {
			p := m.a - 1
			for p > start && (toks[p].word && toks[p].cls&cTitle != 0 || toks[p].raw == ".") {
				p-- // "Dr." before the name
			}
			if toks[p].raw == "," && !personEndsAt(ms, p) {
				// ("Direktur RSUD Pakuan Raharja, Kabupaten Sukabumi, Yanti
				// Rosmiati, meminta maaf": organisations and places before.)
				return []*entity{m.ent}
			}
		}
		break
	}
	// "Speaking on BBC Radio 4, she conceded", "Melalui unggahan di akun X
	// miliknya, ia menulis": after a fronted phrase, the subject is what
	// follows its comma.
	for k := len(ms) - 1; k >= 0; k-- {
		m := &ms[k]
		if m.b > i {
			continue
		}
		if m.a > start && !m.inq && !m.oblique && r.adverbsOnly(toks, m.b, i) {
			// "…, White House Press Secretary Sarah Sanders said": back over
			// the roles, titles and organisations before the subject.
			c := m.a - 1
			for c > start && (toks[c].word && toks[c].cls&(cDet|cTitle) != 0 || inRole(roles, c) || inMention(ms, c, m)) {
				c--
			}
			// ("Melalui kuasa hukumnya, Dimas, Arga membantah": what the
			// fronted phrase names is no apposition of the subject.)
			if toks[c].raw == "," && (toks[start].cls&cOblique != 0 || !r.commaApposition(toks, start, c, ms)) {
				if e := r.speakerEntity(m); e != nil {
					return []*entity{e}
				}
				if m.pron == pronDescPerson || m.pron == pronDescOrg {
					// "P, a government spokesman said": an unnamed speaker,
					// not a name in what was said.
					return nil
				}
			}
		}
		break
	}
	for k := range ms {
		m := &ms[k]
		if m.a < start || m.inq || m.oblique {
			continue
		}
		if m.b > i {
			break
		}
		if m.pron != pronNone && k+1 < len(ms) && m.b < len(toks) && toks[m.b].raw == "," {
			// "Its executive director, Kevin Marsh, conceded": the name in
			// apposition to the description.
			if n := &ms[k+1]; n.a == m.b+1 && n.b <= i && n.ent != nil && n.ent.kind == klaim.KindPerson && !n.inq {
				m = n
				k++
			}
		}
		e := r.speakerEntity(m)
		if m.ent != nil && (m.ent.kind != klaim.KindPerson || m.ent.guessed) && m.a > start && toks[m.a-1].low == "the" && m.b < i && toks[m.b].word && !toks[m.b].cap &&
			(toks[m.b].cls&cDescPerson != 0 || inRole(roles, m.b)) {
			// "the Aston Villa midfielder wrote": a person the description
			// names by the organisation they work for.
			if p := r.resolveG(pronDescPerson, agreeAny, m.ent); p != nil {
				if m.ent.kind == klaim.KindPerson {
					m.ent.kind, m.ent.guessed = klaim.KindOrganization, false
				}
				e = p
			}
		}
		if e == nil && m.ent != nil && m.ent.kind == klaim.KindPlace && m.ent.known && r.adverbsOnly(toks, m.b, i) {
			e = m.ent // "Moscow has repeatedly denied": a state speaks by its capital
		}
		if e == nil {
			if m.pron == pronFirst || (m.ent != nil && m.ent.kind == klaim.KindPlace) {
				continue
			}
			return nil
		}
		// "Kapolda Metro Jaya Irjen Karyoto": the person in apposition is
		// the subject.
		// "Universitas Indonesia Pandu Riono": past the places of an
		// organisation's name to the person.
		for k+2 < len(ms) && m.pron == pronNone && e.kind != klaim.KindPerson && ms[k+1].a == m.b && ms[k+1].ent != nil &&
			ms[k+1].ent.kind == klaim.KindPlace && ms[k+2].a == ms[k+1].b && ms[k+2].ent != nil && ms[k+2].ent.kind == klaim.KindPerson && ms[k+2].b <= i {
			m, e = &ms[k+2], ms[k+2].ent
			k += 2
		}
		if k+1 < len(ms) && m.pron == pronNone {
			n := &ms[k+1]
			q := m.b
			for _, rs := range roles {
				if rs.a == q && rs.b <= n.a {
					q = rs.b
				}
			}
			for q < n.a && toks[q].word && (toks[q].cls&cTitle != 0) || q < n.a && toks[q].raw == "." && q > m.b || q < n.a && legalForm(toks[q]) {
				q++ // titles, and "(Persero) Tbk" after a company
			}
			gap := n.a - q
			// "Juru bicara Prabowo, Dahnil Anzar Simanjuntak, memastikan":
			// a role of one person held by the person in apposition.
			roleOf := false
			for _, rs := range roles {
				roleOf = roleOf || rs.b == m.a && gap == 1 && toks[q].raw == ","
			}
			if n.b <= i && n.ent != nil && n.ent.kind == klaim.KindPerson && (e.kind != klaim.KindPerson || n.title || roleOf) &&
				(gap == 0 || gap == 1 && toks[q].raw == ",") {
				m, e = n, n.ent
				k++
			}
		}
		if k+1 < len(ms) && m.b < i && toks[m.b].cls&cParent != 0 {
			// "Google parent Alphabet said": the parent speaks.
			q := m.b + 1
			for q < i && toks[q].word && toks[q].cls&cParentfill != 0 {
				q++
			}
			if n := &ms[k+1]; n.a == q && n.b <= i && n.ent != nil && n.ent.kind != klaim.KindPlace {
				m, e = n, n.ent
				k++
			}
		}
		out := []*entity{e}
		for n := k + 1; n < len(ms) && ms[n].b <= i; n++ {
			gap := ms[n].a - ms[n-1].b
			if gap == 1 && (lex.bits[toks[ms[n-1].b].low]&cConjAnd != 0) && ms[n].ent != nil && ms[n].ent.kind != klaim.KindPlace {
				out = append(out, ms[n].ent)
				continue
			}
			break
		}
		return out
	}
	// "Analysts at Bernstein said", "pejabat di Kementerian Keuangan mengatakan"
	for k := range ms {
		m := &ms[k]
		if m.a < start+2 || m.b > i || m.inq || m.ent == nil || m.ent.known && (m.ent.kind == klaim.KindPerson || m.ent.kind == klaim.KindPlace) {
			continue
		}
		p := m.a - 1
		for p > start && toks[p].cls&cDet != 0 {
			p--
		}
		if toks[p].cls&cGroupnoun != 0 || p > start && toks[p].cls&(cRolelink|cLocprep) != 0 && toks[p-1].cls&cGroupnoun != 0 {
			if m.ent.kind == klaim.KindPlace || m.ent.kind == klaim.KindPerson {
				m.ent.kind = klaim.KindOrganization // people work at it: not a place
			}
			if toks[p].low != "spokesperson" && toks[p].low != "spokesman" && toks[p].low != "spokeswoman" && toks[p].low != "bicara" && toks[p].low != "jubir" {
				// Analysts at a bank are a source on the story, not the
				// company it is about.
				m.ent.source = true
			}
			return []*entity{m.ent}
		}
	}
	return nil
}

// negation returns the negating word before a cue, skipping adverbs and
// auxiliaries: "tidak membantah", "did not deny", "refused to apologise".
func (r *run) negation(toks []token, a, i int) (neg, refuse bool) {
	for k, seen := i-1, 0; k >= a && seen < 4; k-- {
		t := &toks[k]
		if !t.word {
			return
		}
		switch {
		case (t.cls&cNeg != 0):
			return true, false
		case (t.cls&cRefuse != 0):
			return false, true
		case (t.cls&cAdverb != 0):
			seen++
			continue
		}
		return
	}
	return
}

// verbStatement makes the statement of a verb, inverted or passive cue.
func (r *run) verbStatement(pi int, p *para, a, b int, c cueAt, ms []mention, roles []span, prev *stmt, prevEnd, nextStart int, nouns []*stmt, firstCue bool) *stmt {
	toks := p.toks
	var speakers []*entity
	spEnd := 0
	if c.c.kind == cueVerb && c.i > a && toks[c.i-1].raw == "," && c.i+c.n < b &&
		(toks[c.i+c.n].raw == "," || toks[c.i+c.n].cls&cConjAnd != 0 || toks[c.i+c.n].low == "atau" || toks[c.i+c.n].low == "or") {
		// "membaca, menulis, dan menghapus pesan", "read, write and
		// delete": a verb in a list of actions reports nothing.
		return nil
	}
	switch c.c.kind {
	case cueInv, cueBoth:
		if c.suffix {
			if e := r.resolve(pronPerson); e != nil {
				speakers = []*entity{e}
			}
			break
		}
		if c.c.kind == cueBoth {
			if speakers = r.speakerBefore(toks, r.clauseStart(toks, a, c.i, prevEnd), c.i, ms, roles); len(speakers) > 0 {
				break
			}
		}
		// "said X" is inverted only after a quote or a comma ("…,” said
		// Stone"); "said it had …" has the subject of the clause after it.
		if c.c.kind == cueBoth && c.i > a && !toks[c.i-1].qmark && toks[c.i-1].raw != "," {
			break
		}
		if e, end := r.reportReferent(toks, c.i+c.n, b); e != nil {
			// "Menurut laporan tersebut", "according to the report": the
			// report the article named before.
			speakers, spEnd = []*entity{e}, end
			break
		}
		if prev != nil && r.statementSource(toks, c.i+c.n, b) {
			// "The company rejected claims …, according to a statement":
			// the statement is where the words before were said.
			return nil
		}
		if e, end := r.speakerAfter(toks, c.i+c.n, b, ms, roles); e != nil {
			speakers, spEnd = []*entity{e}, end
		}
	case cueVerb:
		if c.suffix {
			if e := r.resolve(pronPerson); e != nil {
				speakers = []*entity{e}
			}
			break
		}
		start := r.clauseStart(toks, a, c.i, prevEnd)
		if c.i >= a+2 && toks[c.i-1].cls&cRelpron != 0 && toks[c.i-2].word && !toks[c.i-2].cap && toks[c.i-2].cls&(cDescPost|cDescDoc|cDescOrg|cDescPerson) == 0 {
			// "video yang menyebut …": a thing, not a speaker, says it.
			return nil
		}
		speakers = r.speakerBefore(toks, start, c.i, ms, roles)
	case cuePassive:
		// "disampaikan (oleh) Menteri X", "was reported by Reuters"
		j := c.i + c.n
		if j < b && (toks[j].cls&cAgentprep != 0) {
			j++
		}
		if e, end := r.speakerAfter(toks, j, b, ms, roles); e != nil && (j > c.i+c.n || r.lang == "id") {
			speakers, spEnd = []*entity{e}, end
		}
		if speakers == nil && len(nouns) > 0 {
			return nil // the report named in the sentence already says it
		}
	}
	if len(speakers) == 0 && prev != nil && c.c.kind != cuePassive && r.coordinated(toks, prevEnd, c.i) {
		// "membantah tuduhan, serta mengatakan …": the same subject.
		speakers = []*entity{prev.speaker}
	}
	if len(speakers) == 0 {
		return nil
	}
	stance := c.c.stance
	if neg, refuse := r.negation(toks, a, c.i); neg || refuse {
		switch stance {
		case klaim.StanceDeny:
			if refuse {
				return nil
			}
			stance = klaim.StanceClaim
		case klaim.StanceAdmit:
			stance = klaim.StanceDeny
		default:
			return nil
		}
	}
	s := &stmt{speaker: speakers[0], base: stance, cue: r.surface(toks, c.i, c.i+c.n), para: pi, sentNo: r.sent}
	s.sent = [2]int{toks[a].s, toks[b-1].e}
	// The quotation of the sentence, or else the reported clause.
	for _, q := range p.quotes {
		if q[0] >= a && q[0] < b && (q[0] > c.i+c.n || q[1] < c.i) && speechQuote(toks, q) {
			end := b
			if q[1] < len(toks) && q[1] <= b {
				end = q[1]
			}
			if q[0]+1 < end {
				s.content = append(s.content, [2]int{toks[q[0]+1].s, toks[end-1].e})
			}
			s.direct = true
		}
	}
	if !s.direct {
		from, to := c.i+c.n, nextStart
		if spEnd > from {
			from = spEnd
		}
		// "X membantah laporan Y bahwa P": the denial's claim is P, Y's.
		for _, n := range nouns {
			if n.span[0] >= toks[c.i+c.n-1].e && n.span[0] <= toks[min(c.i+c.n+2, b-1)].s+1 {
				s.target = n
			}
		}
		if c.c.kind == cueInv && (to-from < 4 || firstCue && c.i > a+3) {
			// "…, kata X." reports what came before it.
			from, to = r.clauseStart(toks, a, c.i, a), c.i
		}
		if from+2 < to && toks[from].raw == "(" && toks[from+2].raw == ")" {
			from += 3 // "Menurut Badan Pusat Statistik (BPS), …": the acronym
		}
		for from < to && (!toks[from].word || (toks[from].cls&cComplementizer != 0)) {
			from++
		}
		if from < to {
			s.content = append(s.content, [2]int{toks[from].s, toks[to-1].e})
		}
		if s.target != nil {
			s.content = s.target.content
		}
		if o := r.lastStmt; c.c.kind == cuePassive && o != nil && o.sentNo >= r.sent-2 && o.speaker != s.speaker && r.backReference(toks, a, c.i) {
			// "Garuda membantah kabar PHK. Hal tersebut disampaikan
			// Direktur Utama Wamildan": he said what was just reported,
			// with its stance.
			s.content, s.target = o.content, o
			if o.stance != klaim.StanceClaim {
				s.base = o.stance
			}
		}
	}
	s.span = r.uniqueSpan(s.sent, [2]int{toks[c.i].s, toks[b-1].e}, [2]int{toks[c.i].s, toks[c.i+c.n-1].e})
	s.said = r.saidAt(toks, a, b)
	r.finish(s)
	for _, e := range speakers[1:] {
		t := *s
		t.speaker = e
		t.span = r.uniqueSpan([2]int{toks[c.i].s, toks[c.i+c.n-1].e}, [2]int{toks[c.i].s, toks[c.i].e}, [2]int{toks[c.i].s, toks[c.i].s})
		r.finish(&t)
	}
	return s
}

// nounStatement makes the statement of a report named in a sentence:
// "laporan New York Times", "the Times' report", "a report by Reuters".
func (r *run) nounStatement(pi int, p *para, a, b int, c cueAt, ms []mention) *stmt {
	toks := p.toks
	var sp *entity
	from := c.i + c.n
	for k := range ms {
		m := &ms[k]
		if m.inq {
			continue
		}
		// possessor before: "the Times' report", "a Reuters report" — not
		// a platform where someone posted ("an Instagram story").
		if (m.b == c.i-1 && toks[c.i-1].low == "'s" || r.lang == "en" && m.b == c.i && m.ent != nil && m.ent.kind != klaim.KindPerson) && !r.platform(m.ent) {
			sp = r.speakerEntity(m)
			break
		}
		j := c.i + c.n
		if j < b && ((toks[j].cls&cAgentprep != 0) || toks[j].low == "in" || toks[j].low == "dari") {
			j++
		}
		d := j
		for d < b && (toks[d].cls&cDet != 0) && toks[d].cls&cComplementizer == 0 {
			// ("claims that Republicans had …": "that" opens the claim;
			// it is no determiner of its author.)
			d++
		}
		if (m.a == j || m.a == d) && (m.ent != nil || m.pron == pronDoc) {
			sp = r.speakerEntity(m)
			from = m.b
			break
		}
	}
	if sp == nil || sp.kind == klaim.KindPlace {
		return nil
	}
	s := &stmt{speaker: sp, base: c.c.stance, cue: r.surface(toks, c.i, c.i+c.n), para: pi, sentNo: r.sent, report: true}
	s.sent = [2]int{toks[a].s, toks[b-1].e}
	for from < b && (!toks[from].word || (toks[from].cls&cComplementizer != 0) || toks[from].inq) {
		from++
	}
	if to := r.reportPredicate(toks, from, r.clauseTail(toks, from, b)); from < to {
		s.content = append(s.content, [2]int{toks[from].s, toks[to-1].e})
	}
	s.span = r.uniqueSpan([2]int{toks[c.i].s, toks[b-1].e}, [2]int{toks[c.i].s, toks[c.i+c.n-1].e}, [2]int{toks[c.i].s, toks[c.i].s})
	s.said = r.saidAt(toks, a, b)
	r.finish(s)
	return s
}

// continuation handles a sentence that is only a quotation: it goes on the
// quote of the sentence before, or it is attributed by the paragraph before.
func (r *run) continuation(pi, si int, p *para, a, b int) {
	toks := p.toks
	last := r.lastStmt
	if last == nil {
		return
	}
	from, to := a, b
	for from < to && !toks[from].word {
		from++
	}
	for to > from && !toks[to-1].word && toks[to-1].raw != "." && toks[to-1].raw != "?" && toks[to-1].raw != "!" {
		to--
	}
	if from >= to {
		return
	}
	content := [2]int{toks[from].s, toks[to-1].e}
	switch {
	case last.direct && last.para == pi && last.sentNo == r.sent-1:
		delete(r.spans, last.span)
		last.span = r.uniqueSpan([2]int{last.span[0], toks[b-1].e})
		last.sent[1] = toks[b-1].e
		last.content = append(last.content, content)
		last.sentNo = r.sent
		// Only the new part can change the stance: a quote that goes on for
		// pages is not read again for every sentence.
		if last.base == klaim.StanceClaim {
			part := stmt{base: klaim.StanceClaim, direct: true, content: [][2]int{content}}
			if st := r.stanceOf(&part); stanceRank[st] > stanceRank[last.stance] {
				last.stance = st
			}
		}
	case si == 0 && last.para == pi-1:
		s := &stmt{speaker: last.speaker, base: klaim.StanceClaim, cue: last.cue, direct: true, para: pi, sentNo: r.sent}
		s.sent = [2]int{toks[a].s, toks[b-1].e}
		s.content = [][2]int{content}
		s.span = r.uniqueSpan(s.sent)
		s.said = last.said
		r.finish(s)
	}
}

// uniqueSpan returns the first of the candidate spans no statement has yet.
func (r *run) uniqueSpan(cands ...[2]int) [2]int {
	for _, c := range cands {
		if !r.spans[c] {
			r.spans[c] = true
			return c
		}
	}
	c := cands[len(cands)-1]
	for r.spans[c] && c[1] > c[0] {
		c[1]--
	}
	r.spans[c] = true
	return c
}

// finish computes a new statement's stance and records it.
func (r *run) finish(s *stmt) {
	if s.said == "" {
		s.said = r.published
	}
	s.stance = r.stanceOf(s)
	r.stmts = append(r.stmts, s)
	r.lastStmt = s
	// Speakers become salient from the next sentence on: inside this one,
	// pronouns refer back by position (resolveIn).
	if !s.report {
		r.pending = append(r.pending, s.speaker)
	}
}

// coordinated reports whether toks[from:to], between two verbs, joins them
// as verbs of one subject: a conjunction, then at most adverbs, right before
// the second verb ("membantah tuduhan, serta mengatakan", "admitted that …,
// but insisted"). A subject of its own ("…, but a source close to the
// company said") or a relative clause ("a post which suggested") is not.
func (r *run) coordinated(toks []token, from, to int) bool {
	k := min(to, len(toks)) - 1
	for k >= from && toks[k].word && toks[k].cls&cAdverb != 0 && toks[k].cls&cCoord == 0 {
		k--
	}
	return k >= from && toks[k].word && toks[k].cls&cCoord != 0
}

// speechQuote reports whether the quotation q is quoted speech rather than
// scare quotes (“hubungan khusus”) or a title (“Fakta Tentang Kemitraan”):
// it ends with its own punctuation, or it has at least four words, not all
// capitalised.
func speechQuote(toks []token, q [2]int) bool {
	if q[1] < len(toks) && q[1] > q[0]+1 {
		switch toks[q[1]-1].raw {
		case ",", ".", "!", "?":
			return true // “Betul, ada penangkapan,” kata …
		}
	}
	words, caps := 0, 0
	for k := q[0] + 1; k < q[1] && k < len(toks); k++ {
		if toks[k].word {
			words++
			if toks[k].cap {
				caps++
			}
		}
	}
	return words >= 4 && caps < words
}

// adverbsOnly reports whether toks[from:to] holds nothing but adverbs and
// auxiliaries.
func (r *run) adverbsOnly(toks []token, from, to int) bool {
	return wordsOf(toks, from, to, cAdverb)
}

// statementSource reports whether toks[j:] names an unnamed statement or
// release ("a statement", "a company statement", "keterangan tertulis"),
// with no name of its own.
func (r *run) statementSource(toks []token, j, b int) bool {
	for k := j; k < b && k < j+4; k++ {
		t := &toks[k]
		if !t.word || t.cap {
			return false
		}
		if t.cls&cDescPost != 0 {
			return k+1 >= b || !toks[k+1].word || !toks[k+1].cap
		}
	}
	return false
}

// reportReferent returns who made the report toks[j:] refers back to ("the
// report", "laporan tersebut", "laporan itu"): the speaker of the article's
// latest report; nil when toks[j:] names no earlier report.
func (r *run) reportReferent(toks []token, j, b int) (*entity, int) {
	k := j
	if k < b && toks[k].word && toks[k].cls&cDet != 0 {
		k++
	}
	if k >= b || !toks[k].word || !reportNouns[toks[k].low] {
		return nil, 0
	}
	k++
	switch {
	case k < b && toks[k].word && toks[k].cls&cDemonstrative != 0:
		k++
	case k > j+1 && (k >= b || !toks[k].word): // "the report,"
	default:
		return nil, 0
	}
	for n := len(r.stmts) - 1; n >= 0 && n >= len(r.stmts)-maxClusters; n-- {
		if s := r.stmts[n]; s.stance == klaim.StanceClaim && r.reports(s) {
			return s.speaker, k
		}
	}
	return nil, 0
}

// roleHolder returns the person who holds the role toks[rs.a:rs.b]: the most
// recent person given that role, else the most salient person.
func (r *run) roleHolder(toks []token, rs span) *entity {
	head := toks[rs.a].low
	for _, e := range r.recent {
		if e.kind == klaim.KindPerson && e.role != "" && strings.Contains(strings.ToLower(e.role), head) {
			return e
		}
	}
	return r.resolve(pronDescPerson)
}

// namedAs returns the name mention a description gives within a few words
// after toks[j] ("pria yang akrab disapa Bang Ucok", "a man named John"), or
// nil.
func (r *run) namedAs(toks []token, j, b int, ms []mention) *mention {
	for q := j; q < b && q < j+5; q++ {
		switch toks[q].low {
		case "disapa", "dipanggil", "bernama", "named", "called", "nicknamed":
			for k := range ms {
				if m := &ms[k]; m.a > q && m.a <= q+2 && m.ent != nil && !m.inq {
					if m.ent.kind != klaim.KindPerson && !m.ent.known {
						m.ent.kind = klaim.KindPerson
					}
					return m
				}
			}
			return nil
		}
	}
	return nil
}

// backReference reports whether the words before a passive cue at toks[i]
// point back at what was said before: "Hal tersebut (juga) disampaikan",
// "Pernyataan itu diungkapkan".
func (r *run) backReference(toks []token, a, i int) bool {
	k := i - 1
	for k > a && toks[k].word && toks[k].cls&cAdverb != 0 {
		k--
	}
	if k-1 < a || !toks[k].word || toks[k].cls&cDemonstrative == 0 {
		return false
	}
	switch toks[k-1].low {
	case "hal", "pernyataan", "keterangan", "penjelasan", "penegasan", "bantahan", "pengakuan":
		return true
	}
	return false
}

// commaApposition reports whether the comma at toks[c] closes a subject
// mention of the clause ("Netflix, Spotify and Amazon said", "Andy Stone,
// Meta's spokesman, he said"): then what follows the comma is no fronted
// phrase's subject.
func (r *run) commaApposition(toks []token, start, c int, ms []mention) bool {
	for k := range ms {
		m := &ms[k]
		if m.b == c && m.a >= start && !m.oblique {
			return true
		}
	}
	return false
}

// englishBe are the forms of "be" that make a following participle passive.
var englishBe = map[string]bool{"was": true, "were": true, "is": true, "are": true, "be": true, "been": true, "being": true, "am": true}

// clauseTail returns where the clause a report states, toks[from:to], ends:
// before a comma that opens what the speaker answering it adds — "denied a
// report that P, calling the story simply false", "membantah laporan bahwa
// P, sambil menyebut …" — else to.
func (r *run) clauseTail(toks []token, from, to int) int {
	for k := from + 1; k+1 < to; k++ {
		if toks[k].raw != "," || !toks[k+1].word || toks[k+1].cap {
			continue
		}
		w := toks[k+1].low
		if r.lang == "en" && len(w) > 5 && strings.HasSuffix(w, "ing") && w != "including" && w != "according" && w != "following" && w != "during" ||
			r.lang == "id" && (w == "sambil" || w == "seraya" || w == "sembari") {
			return k
		}
	}
	return to
}

// requested reports whether the verb at toks[i] is asked of someone
// ("meminta perusahaan melaporkan progres", "urged the firm to explain"): a
// request word within the three words before it, with no punctuation
// between.
func (r *run) requested(toks []token, a, i int) bool {
	for k := i - 1; k >= a && k >= i-3; k-- {
		if !toks[k].word {
			return false
		}
		if toks[k].cls&cRequest != 0 && (r.lang == "id" || k+1 < i && toks[i-1].low == "to") {
			return true
		}
	}
	return false
}

// reportPredicate returns where the clause a report states, toks[from:to],
// ends when the sentence goes on to judge the report: "A Reuters report that
// P is untrue, a spokesman said" — the report says P, not that P is untrue.
func (r *run) reportPredicate(toks []token, from, to int) int {
	if r.lang != "en" {
		return to
	}
	for k := from + 1; k < to; k++ {
		if !englishBe[toks[k].low] {
			continue
		}
		q := k + 1
		for q < to && toks[q].word && toks[q].cls&cAdverb != 0 {
			q++ // "is simply untrue"
		}
		if v, _, ok := r.x.lex.markers.match(toks, q, to); ok && r.x.lex.markerStanc[v] == klaim.StanceDeny {
			return k
		}
	}
	return to
}

// inRole reports whether token k is part of one of the role phrases.
func inRole(roles []span, k int) bool {
	for _, rs := range roles {
		if rs.a <= k && k < rs.b {
			return true
		}
	}
	return false
}

// inMention reports whether token k is part of a mention of an
// organisation or place other than m ("White House" before "Press
// Secretary Sarah Sanders").
func inMention(ms []mention, k int, m *mention) bool {
	for j := range ms {
		o := &ms[j]
		if o != m && o.a <= k && k < o.b && o.ent != nil && o.ent.kind != klaim.KindPerson {
			return true
		}
	}
	return false
}

// asked reports whether the verb at toks[i] is inside a question put to
// someone ("Asked whether Okafor-Reid had told team-mates he wanted to
// leave, Rourke said", "ditanya apakah ia mengakui"): what it says was
// asked, not said.
func (r *run) asked(toks []token, a, i int) bool {
	for k := i - 1; k >= a && k >= i-6; k-- {
		if !toks[k].word {
			return false
		}
		switch toks[k].low {
		case "whether", "apakah":
			return true
		}
	}
	return false
}

// personEndsAt reports whether a mention of a person ends at token c.
func personEndsAt(ms []mention, c int) bool {
	for k := range ms {
		if ms[k].b == c && ms[k].ent != nil && ms[k].ent.kind == klaim.KindPerson {
			return true
		}
	}
	return false
}

// legalForm reports whether t is part of a company's legal form written after
// its name: "(Persero)", "Tbk".
func legalForm(t token) bool {
	switch t.low {
	case "(", ")", "persero", "tbk":
		return true
	}
	return false
}

// modifiersOnly reports whether toks[from:to] are adverbs and negations
// only: what may stand between a subject and its verb ("tidak", "also").
func (r *run) modifiersOnly(toks []token, from, to int) bool {
	return wordsOf(toks, from, to, cAdverb|cNeg)
}

// wordsOf reports whether every token of toks[from:to] is a word of one of
// the classes cls.
func wordsOf(toks []token, from, to int, cls wordClass) bool {
	for k := from; k < to; k++ {
		if !toks[k].word || toks[k].cls&cls == 0 {
			return false
		}
	}
	return true
}

// platform reports whether e is a social network (words.tsv), where people
// post rather than report.
func (r *run) platform(e *entity) bool {
	return e != nil && r.x.lex.bits[strings.ToLower(e.name)]&cPlatform != 0
}
