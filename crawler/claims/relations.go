package claims

import (
	"github.com/klaim/klaim"
)

// relations reads who works for whom and which company owns which from the
// sentence toks[a:b]: appositives with roles ("Direktur komunikasi Meta,
// Andy Stone", "Andy Stone, a Meta spokesman", "Meta's communications
// director Andy Stone"), founders ("yang didirikan Mark Zuckerberg",
// "founded by") and parents ("induk Facebook, Meta", "Facebook's parent
// company, Meta", "perusahaan induk dari WhatsApp dan Instagram itu").
func (r *run) relations(toks []token, a, b int, ms []mention, roles []span) {
	lex := r.x.lex
	at := func(i int) *mention { // the entity mention starting at token i
		for k := range ms {
			if ms[k].a == i && ms[k].ent != nil {
				return &ms[k]
			}
			if ms[k].a > i {
				break
			}
		}
		return nil
	}
	endingAt := func(i int) *mention { // the entity mention ending at token i
		for k := range ms {
			if ms[k].b == i && ms[k].ent != nil {
				return &ms[k]
			}
		}
		return nil
	}
	isOrg := func(m *mention) bool {
		return m != nil && m.ent != nil && (m.ent.kind == klaim.KindOrganization || m.ent.kind == klaim.KindMedia)
	}
	isPerson := func(m *mention) bool { return m != nil && m.ent != nil && m.ent.kind == klaim.KindPerson }
	skipDet := func(j int) int {
		for j < b && toks[j].word && (toks[j].cls&cDet != 0) {
			j++
		}
		return j
	}

	for _, rs := range roles {
		role := r.surface(toks, rs.a, rs.b)
		var org, person *mention
		if rs.a >= 2 && toks[rs.a-1].low == "'s" {
			if m := endingAt(rs.a - 1); isOrg(m) {
				org = m // Meta's communications director
			}
		}
		if m := endingAt(rs.a); org == nil && isOrg(m) && r.lang == "en" {
			org = m // a Meta spokesman
		}
		j := rs.b
		if org == nil {
			k := j
			if k < b && (toks[k].cls&cRolelink != 0) {
				k = skipDet(k + 1)
			}
			if m := at(k); isOrg(m) {
				org, j = m, m.b // juru bicara Meta; spokesman for Meta
			}
		}
		// The person after the role: "CEO X", "VP … Facebook, Ime Archibong",
		// "CEO Netflix saat itu, Reed Hastings".
		q := j
		if org != nil {
			for n := 0; q < b && n < 3 && toks[q].word && !toks[q].cap; n++ {
				q++
			}
		}
		if q < b && toks[q].raw == "," {
			q++
		}
		if m := at(q); isPerson(m) {
			person = m
		} else {
			// "Andy Stone, a Meta spokesman": the person before the role.
			p := rs.a
			if org != nil && org.b == rs.a {
				p = org.a
			}
			for p > a && toks[p-1].word && (toks[p-1].cls&cDet != 0) {
				p--
			}
			if p > a && toks[p-1].raw == "," {
				if m := endingAt(p - 1); isPerson(m) {
					person = m
				}
			}
		}
		if person == nil {
			continue
		}
		if org == nil {
			// "para eksekutif Facebook (Meta) termasuk CEO Mark Zuckerberg"
			for k := range ms {
				m := &ms[k]
				if m.b <= rs.a && isOrg(m) && !m.inq && !commaBetween(toks, m.b, rs.a) {
					org = m
				}
			}
		}
		p := person.ent
		if p.role == "" {
			p.role = role
		}
		if org != nil {
			if p.org == nil {
				p.org = org.ent
			}
			r.relate(klaim.RelWorksFor, p, org.ent, role)
		}
	}

	for k := a; k < b; k++ {
		w := toks[k].low
		switch {
		case (lex.bits[w]&cFounded != 0):
			j := k + 1
			if j < b && (toks[j].cls&cAgentprep != 0) {
				j++
			}
			founder := at(j)
			if !isPerson(founder) {
				continue
			}
			var org *entity
			h := k
			if h > a && (toks[h-1].cls&cRelpron != 0) {
				h--
			}
			if h > a && toks[h-1].raw == "," {
				h--
			}
			if m := endingAt(h); isOrg(m) {
				org = m.ent
			} else {
				org = r.resolve(pronDescOrg)
			}
			if org != nil {
				r.relate(klaim.RelWorksFor, founder.ent, org, "founder")
			}
		case (lex.bits[w]&cParent != 0):
			r.parentOf(toks, a, b, k, ms, at, endingAt, isOrg)
		}
	}
}

// parentOf reads a parent-company phrase whose parent word is toks[k].
func (r *run) parentOf(toks []token, a, b, k int, ms []mention, at, endingAt func(int) *mention, isOrg func(*mention) bool) {
	j := k + 1
	for j < b && toks[j].word && (toks[j].cls&cParentfill != 0) {
		j++
	}
	var children []*entity
	for j < b {
		m := at(j)
		if !isOrg(m) {
			break
		}
		children = append(children, m.ent)
		j = m.b
		if j < b && (toks[j].cls&cConjAnd != 0) {
			if n := at(j + 1); isOrg(n) {
				j++
				continue
			}
		}
		if j < b && toks[j].raw == "," {
			// a list goes on ("A, B dan C"); otherwise the name after the
			// comma is the parent in apposition
			if n := at(j + 1); isOrg(n) && n.b < b && ((toks[n.b].cls&cConjAnd != 0) || toks[n.b].raw == ",") {
				j++
				continue
			}
		}
		break
	}
	var parent *entity
	// "induk Facebook, Meta": the parent in apposition after.
	if len(children) == 1 && j+1 < b && toks[j].raw == "," {
		if m := at(j + 1); isOrg(m) {
			parent = m.ent
		}
	}
	// "Facebook's parent company, Meta"
	if len(children) == 0 && k >= 2 && toks[k-1].low == "'s" {
		if m := endingAt(k - 1); isOrg(m) {
			children = append(children, m.ent)
			if j < b && toks[j].raw == "," {
				if p := at(j + 1); isOrg(p) {
					parent = p.ent
				}
			}
		}
	}
	if len(children) == 0 {
		return
	}
	if parent == nil {
		// "Meta, the parent company of Facebook"
		p := k
		for p > a && toks[p-1].word && ((toks[p-1].cls&cDet != 0) || (toks[p-1].cls&cParentfill != 0)) {
			p--
		}
		if p > a && toks[p-1].raw == "," {
			if m := endingAt(p - 1); isOrg(m) {
				parent = m.ent
			}
		}
	}
	if parent == nil {
		// "perusahaan induk dari WhatsApp dan Instagram itu": a description
		// of the company talked about before this sentence.
		saved := r.sent
		r.sent--
		parent = r.resolveBefore(pronDescOrg, children)
		r.sent = saved
	}
	if parent == nil {
		return
	}
	for _, c := range children {
		if c != parent {
			r.relate(klaim.RelParentOf, parent, c, "parent company")
		}
	}
}

// resolveBefore resolves a description to an entity last seen before the
// current sentence, other than those excluded.
func (r *run) resolveBefore(p pronKind, exclude []*entity) *entity {
	var best *entity
	for _, e := range r.recent {
		if !compatible(p, e.kind) || e.lastSent > r.sent {
			continue
		}
		skip := false
		for _, x := range exclude {
			skip = skip || x == e
		}
		if !skip && (best == nil || e.lastSent > best.lastSent) {
			best = e
		}
	}
	return best
}

// relate records a relation once.
func (r *run) relate(t klaim.RelationType, from, to *entity, role string) {
	if from == to {
		return
	}
	key := string(t) + "\x00" + from.id + "\x00" + to.id + "\x00" + role
	if r.relSeen[key] {
		return
	}
	r.relSeen[key] = true
	r.rels = append(r.rels, klaim.Relation{
		Type: t, From: klaim.EntityRef{ID: from.id, Name: from.name},
		To: klaim.EntityRef{ID: to.id, Name: to.name}, Role: role, Article: r.a.ID,
	})
}

// commaBetween reports whether a comma stands in toks[from:to]: "In an
// interview with CNN, Senator Warren" does not make CNN her employer.
func commaBetween(toks []token, from, to int) bool {
	for k := from; k < to && k < len(toks); k++ {
		if toks[k].raw == "," {
			return true
		}
	}
	return false
}
