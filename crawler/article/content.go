package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The main-text extractor is a scored-candidate method in the spirit of
// Readability, followed by a block filter in the spirit of jusText:
//
//  1. prune: drop everything a reader never sees as article text (scripts,
//     forms, navigation, hidden nodes, and boxes whose class or id says they
//     are comments, share bars, related links, ads...);
//  2. score: every paragraph-like block gives points to its ancestors for its
//     length and commas; an ancestor's points are scaled by its class/id
//     weight and its link density; the best-scoring ancestor is the article
//     container, joined with siblings that score nearly as well;
//  3. emit: the container is flattened into paragraphs; boxes that are
//     mostly links, images or form controls are dropped, and so are
//     paragraphs that are site furniture ("Baca juga:", "ADVERTISEMENT",
//     share prompts, photo credits).

// nodeStats are the per-element counts that scoring and cleaning use.
type nodeStats struct {
	textLen, linkLen, commas int
	paras, imgs, lis, inputs int
	headings, embeds         int
	good                     int // characters in text-like paragraphs (long, few links)
	// looseLen and looseLink count the text the element holds directly or
	// through inline children: <br>-separated paragraphs.
	looseLen, looseLink int
	score               float64
	scored              bool
}

type extractor struct {
	stats map[*html.Node]*nodeStats
	cc    *classCache
}

var (
	// unlikely marks boxes that are almost never article text.
	unlikely = newKeywords(`-ad- ai2html banner breadcrumb combx comment community cover-wrap disqus extra footer gdpr header legends menu related remark replies rss shoutbox sidebar skyscraper social sponsor supplemental ad-break agegate pagination popup popover tooltip rollover hovercard yom-remote share sharing newsletter subscri promo recommend trending popular most-read mostread baca-juga bacajuga readmore read-more taglist tag-list tags-list tag-cloud tagcloud author-bio authorbio signup sign-up cookie modal outbrain taboola navbar navigation masthead toolbar byline dateline timestamp caption credit copyright disclaimer advert adsbygoogle gpt-ad adslot ad-slot adunit ad-unit ad-container ad-wrap jumplink skip-link print-only visually-hidden sr-only screen-reader rating ticker video-player videoplayer playlist donate paywall subscription login signin author-info about-author post-meta entry-meta article-meta meta-info topics keywords hashtag inline-related more-stories also-read lihat-juga see-also next-article prev-article nextprev`,
		`ad ads dfp pager`)
	// maybe rescues boxes that match unlikely but also say they hold the
	// content ("main-content-header" is not "header").
	maybe = newKeywords(`and article body column content main shadow story entry post-text detail media-embed social-embed embed-social tweet instagram`, ``)
	// positive and negative weigh a candidate's class and id.
	positive = newKeywords(`article body content entry hentry h-entry main page post text blog story isi detail konten artikel berita read__ txt`, ``)
	negative = newKeywords(`-ad- hidden banner combx comment com- contact foot footer footnote gdpr masthead media meta outbrain promo related scroll share shoutbox sidebar skyscraper sponsor shopping tags tool caption credit byline author recommend newsletter social nav menu`, `hid`)
)

// skipTags are elements whose content is never article text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Input: true, atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Head: true,
	atom.Link: true, atom.Meta: true, atom.Video: true, atom.Audio: true, atom.Map: true,
	atom.Figcaption: true, atom.Label: true, atom.Dialog: true, atom.Menu: true,
	atom.Header: true, atom.Picture: true, atom.Source: true, atom.Img: false,
}

// blockTags break the text flow: each starts a new paragraph.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dd: true, atom.Dt: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Caption: true,
	atom.Figure: true, atom.Address: true, atom.Center: true, atom.Hr: true, atom.Form: true,
	atom.Fieldset: true, atom.Details: true, atom.Summary: true, atom.Body: true, atom.Html: true,
	atom.Header: true, atom.Footer: true, atom.Nav: true, atom.Aside: true,
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// classID is the class and id of n, joined, for pattern matching.
func classID(n *html.Node) string {
	c, id := attr(n, "class"), attr(n, "id")
	if id == "" {
		return c
	}
	if c == "" {
		return id
	}
	return c + " " + id
}

// hiddenClasses are the utility classes of common CSS frameworks that hide
// an element.
var hiddenClasses = map[string]bool{
	"hidden": true, "hide": true, "d-none": true, "is-hidden": true, "display-none": true,
	"invisible": true, "visuallyhidden": true, "visually-hidden": true, "sr-only": true,
	"screen-reader-text": true, "u-hidden": true,
}

// hasHiddenClass reports whether a class attribute holds one of the
// hiding classes, without allocating.
func hasHiddenClass(class string) bool {
	if !strings.Contains(class, "hid") && !strings.Contains(class, "none") && !strings.Contains(class, "invisible") && !strings.Contains(class, "only") && !strings.Contains(class, "screen") {
		return false
	}
	for class != "" {
		class = strings.TrimLeft(class, " \t\n\r\f")
		end := strings.IndexAny(class, " \t\n\r\f")
		if end < 0 {
			end = len(class)
		}
		if hiddenClasses[lowerASCII(class[:end])] {
			return true
		}
		class = class[end:]
	}
	return false
}

// isHidden reports whether n is hidden by attribute, inline style or a
// hiding utility class.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			// "article-body hidden" is usually revealed by a "read
			// more" button: keep boxes that say they are the content.
			if hasHiddenClass(a.Val) && !maybe.match(a.Val) {
				return true
			}
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			s := strings.ToLower(a.Val)
			if strings.Contains(s, "display") && (strings.Contains(s, "display:none") || strings.Contains(s, "display: none")) {
				return true
			}
			if strings.Contains(s, "visibility:hidden") || strings.Contains(s, "visibility: hidden") {
				return true
			}
		}
	}
	return false
}

// prune removes from the tree what can never be article text. It works on
// an explicit stack so that pathological nesting cannot exhaust anything.
// keep, when not nil, vetoes the removal of a box matched only by its
// class or id (a page wrapper named "container penci_sidebar" holds the
// article, not a sidebar).
func prune(root *html.Node, cc *classCache, byClass bool, keep func(*html.Node) bool) {
	var stack []*html.Node
	stack = append(stack, root)
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if shouldPrune(c, cc, byClass) && (keep == nil || !keep(c)) {
				n.RemoveChild(c)
			} else if c.Type == html.ElementNode {
				stack = append(stack, c)
			}
			c = next
		}
	}
}

func shouldPrune(n *html.Node, cc *classCache, byClass bool) bool {
	switch n.Type {
	case html.CommentNode, html.DoctypeNode:
		return true
	case html.ElementNode:
	default:
		return false
	}
	if skipTags[n.DataAtom] {
		return true
	}
	if n.DataAtom == 0 && strings.Contains(n.Data, "-") && unlikely.match(n.Data) && !maybe.match(n.Data) {
		// A custom element named like a widget: <ad-slot>, <social-share>.
		return true
	}
	if isHidden(n) {
		return true
	}
	switch attr(n, "role") {
	case "navigation", "complementary", "banner", "contentinfo", "menu", "menubar", "dialog", "alert", "search", "toolbar":
		return true
	}
	if !byClass || n.DataAtom == atom.Body || n.DataAtom == atom.Html || n.DataAtom == atom.A || n.DataAtom == atom.Article || n.DataAtom == atom.Main {
		return false
	}
	if ip := attr(n, "itemprop"); ip == "articleBody" || ip == "text" {
		return false
	}
	if inlineTags[n.DataAtom] {
		// Inside a sentence a box named "rollover-people" holds the
		// name being hovered; cleanInline decides, children first.
		return false
	}
	f := cc.flags(classID(n))
	return f&ccUnlikely != 0 && f&ccMaybe == 0
}

func hasLinkChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			return true
		}
	}
	return false
}

var inlineTags = map[atom.Atom]bool{
	atom.Span: true, atom.Em: true, atom.Strong: true, atom.B: true, atom.I: true, atom.U: true,
	atom.Font: true, atom.Small: true, atom.Sup: true, atom.Sub: true, atom.Mark: true, atom.Cite: true,
	atom.Abbr: true, atom.Q: true, atom.Time: true,
}

// cleanInline removes inline boxes whose class says they are furniture,
// unless they only wrap a link (a name in a hover-card wrapper), deciding for
// the children first: once the card inside the wrapper is gone (it holds
// media or blocks), the wrapped name stays. It reports whether n still holds
// media or blocks.
func cleanInline(n *html.Node, cc *classCache, depth int) bool {
	rich := false
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			sub := depth < 2000 && cleanInline(c, cc, depth+1)
			if inlineTags[c.DataAtom] && (sub || !hasLinkChild(c)) {
				if f := cc.flags(classID(c)); f&ccUnlikely != 0 && f&ccMaybe == 0 {
					n.RemoveChild(c)
					c = next
					continue
				}
			}
			switch {
			case sub:
				rich = true
			case c.DataAtom == atom.Img || c.DataAtom == atom.Picture || c.DataAtom == atom.Figure || (blockTags[c.DataAtom] && !inlineTags[c.DataAtom]):
				rich = true
			}
		}
		c = next
	}
	return rich
}

// collapse appends s to b with every run of white space made one space.
func collapse(b *strings.Builder, s string, space *bool) {
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' {
			*space = true
			continue
		}
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			continue // control characters and undecodable bytes
		}
		if *space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		*space = false
		b.WriteRune(r)
	}
}

// textLen counts the visible characters of a text node, white space runs
// counted once.
func textStats(s string) (n, commas int) {
	space := true
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' {
			if !space {
				n++
			}
			space = true
			continue
		}
		space = false
		n++
		if r == ',' || r == '，' || r == '、' || r == '،' {
			commas++
		}
	}
	return n, commas
}

// computeStats fills e.stats bottom-up for every element under root.
func (e *extractor) computeStats(root *html.Node) *nodeStats {
	type frame struct {
		n     *html.Node
		child *html.Node
		st    *nodeStats
	}
	rootSt := &nodeStats{}
	e.stats[root] = rootSt
	stack := []frame{{n: root, child: root.FirstChild, st: rootSt}}
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		c := top.child
		if c == nil {
			// Done with top: fold into the parent.
			done := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if len(stack) > 0 {
				p := stack[len(stack)-1].st
				s := done.st
				if s.good == 0 && s.textLen >= 70 && s.linkLen*4 < s.textLen && isParagraphLike(done.n) {
					s.good = s.textLen
				} else if s.looseLen >= 70 && s.looseLink*4 < s.looseLen && !isParagraphLike(done.n) {
					s.good += s.looseLen
				}
				p.good += s.good
				if !blockTags[done.n.DataAtom] {
					p.looseLen += s.textLen
					if done.n.DataAtom == atom.A {
						p.looseLink += s.textLen
					} else {
						p.looseLink += s.linkLen
					}
				}
				p.textLen += s.textLen
				p.commas += s.commas
				p.paras += s.paras
				p.imgs += s.imgs
				p.lis += s.lis
				p.inputs += s.inputs
				p.headings += s.headings
				p.embeds += s.embeds
				if done.n.DataAtom == atom.A {
					p.linkLen += s.textLen
				} else {
					p.linkLen += s.linkLen
				}
			}
			continue
		}
		top.child = c.NextSibling
		switch c.Type {
		case html.TextNode:
			n, k := textStats(c.Data)
			top.st.textLen += n
			top.st.looseLen += n
			top.st.commas += k
		case html.ElementNode:
			st := &nodeStats{}
			switch c.DataAtom {
			case atom.P:
				st.paras = 1
			case atom.Img:
				st.imgs = 1
			case atom.Li:
				st.lis = 1
			case atom.Input, atom.Select, atom.Textarea, atom.Button:
				st.inputs = 1
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				st.headings = 1
			case atom.Iframe, atom.Embed, atom.Object, atom.Video:
				st.embeds = 1
			}
			e.stats[c] = st
			stack = append(stack, frame{n: c, child: c.FirstChild, st: st})
		}
	}
	return rootSt
}

func (e *extractor) linkDensity(n *html.Node) float64 {
	st := e.stats[n]
	if st == nil || st.textLen == 0 {
		return 0
	}
	return float64(st.linkLen) / float64(st.textLen)
}

// classWeight is Readability's class/id weight: +25 for content-like names,
// −25 for boilerplate-like names.
func (e *extractor) classWeight(n *html.Node) float64 {
	w := 0.0
	if ip := attr(n, "itemprop"); ip == "articleBody" || ip == "text" {
		w += 25
	}
	for _, v := range [2]string{attr(n, "class"), attr(n, "id")} {
		if v == "" {
			continue
		}
		f := e.cc.flags(v)
		if f&ccNegative != 0 {
			w -= 25
		}
		if f&ccPositive != 0 {
			w += 25
		}
	}
	return w
}

func tagWeight(n *html.Node) float64 {
	switch n.DataAtom {
	case atom.Div, atom.Article, atom.Main:
		return 5
	case atom.Section:
		return 3
	case atom.Pre, atom.Td, atom.Blockquote:
		return 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		return -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		return -5
	}
	return 0
}

// hasBlockChild reports whether n contains a block-level element, in which
// case a <div> is a container rather than a paragraph.
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			switch c.DataAtom {
			case atom.A, atom.Span, atom.B, atom.I, atom.Em, atom.Strong, atom.Br, atom.Font, atom.U, atom.Sup, atom.Sub, atom.Small, atom.Img, atom.Abbr, atom.Cite, atom.Q, atom.Code, atom.Mark, atom.S, atom.Time:
				if hasBlockChild(c) {
					return true
				}
				continue
			}
			if blockTags[c.DataAtom] {
				return true
			}
		}
	}
	return false
}

func isParagraphLike(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Pre, atom.Td, atom.Blockquote:
		return true
	case atom.Div, atom.Section, atom.Article:
		return !hasBlockChild(n)
	case atom.Span, atom.Font:
		// Text written as bare spans or fonts separated by <br>.
		return n.Parent != nil && (n.Parent.DataAtom == atom.Div || n.Parent.DataAtom == atom.Td) && !hasBlockChild(n)
	}
	return false
}

// candidate scores and picks the article container under body.
func (e *extractor) candidate(body *html.Node) []*html.Node {
	var cands []*html.Node
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if isParagraphLike(c) {
				e.scoreParagraph(c, &cands)
				if c.DataAtom != atom.Td && c.DataAtom != atom.Blockquote {
					continue
				}
			} else if c.DataAtom == atom.Div || c.DataAtom == atom.Section || c.DataAtom == atom.Article {
				e.scoreLooseText(c, &cands)
			}
			if depth < 5000 {
				walk(c, depth+1)
			}
		}
	}
	walk(body, 0)
	var top *html.Node
	best := -1e18
	for _, c := range cands {
		st := e.stats[c]
		st.score *= 1 - e.linkDensity(c)
		if st.score > best {
			best, top = st.score, c
		}
	}
	if top == nil {
		return []*html.Node{body}
	}
	// Climb while the parent scores better: the article is often split
	// over several sibling boxes whose common parent collects their points.
	topScore := e.stats[top].score
	lastScore := topScore
	threshold := lastScore / 3
	for p := top.Parent; p != nil && p != body && p.Type == html.ElementNode; p = p.Parent {
		ps := e.stats[p]
		if ps == nil || !ps.scored {
			continue
		}
		if ps.score < threshold {
			break
		}
		if ps.score > lastScore {
			top = p
			topScore = ps.score
			break
		}
		lastScore = ps.score
	}
	for top.Parent != nil && top.Parent != body && onlyElementChild(top) {
		top = top.Parent
	}
	// Climb further while the parent adds a real amount of paragraph text
	// and what it adds is mostly such text, not navigation or teasers: an
	// article split into sections that sit in separate wrappers.
	for p := top.Parent; p != nil && p != body && p.Type == html.ElementNode; p = p.Parent {
		ts, ps := e.stats[top], e.stats[p]
		if ts == nil || ps == nil {
			break
		}
		extraGood := ps.good - ts.good
		extraText := ps.textLen - ts.textLen
		if extraGood < 200 || float64(extraGood) < 0.15*float64(ts.good) || extraGood*2 < extraText {
			if extraText > 0 {
				break
			}
			continue
		}
		top = p
		if s := e.stats[p]; s.scored && s.score > topScore {
			topScore = s.score
		}
	}
	// Join siblings that hold article text too.
	parent := top.Parent
	if parent == nil {
		return []*html.Node{top}
	}
	thresh := topScore * 0.2
	if thresh < 10 {
		thresh = 10
	}
	topClass := attr(top, "class")
	var out []*html.Node
	for s := parent.FirstChild; s != nil; s = s.NextSibling {
		if s.Type != html.ElementNode {
			continue
		}
		if s == top {
			out = append(out, s)
			continue
		}
		st := e.stats[s]
		if st == nil {
			continue
		}
		bonus := 0.0
		if topClass != "" && attr(s, "class") == topClass {
			bonus = topScore * 0.2
		}
		if st.scored && st.score+bonus >= thresh {
			out = append(out, s)
			continue
		}
		if s.DataAtom == atom.P || (isParagraphLike(s) && s.DataAtom != atom.Td) {
			ld := e.linkDensity(s)
			switch {
			case st.textLen > 80 && ld < 0.25:
				out = append(out, s)
			case st.textLen > 0 && st.textLen <= 80 && ld == 0 && endsSentence(s):
				out = append(out, s)
			}
		}
	}
	return out
}

func onlyElementChild(n *html.Node) bool {
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c != n && (c.Type == html.ElementNode || (c.Type == html.TextNode && strings.TrimSpace(c.Data) != "")) {
			return false
		}
	}
	return true
}

var sentenceEnd = regexp.MustCompile(`[.!?。"”]\s*$`)

func endsSentence(n *html.Node) bool {
	return sentenceEnd.MatchString(innerText(n))
}

// textOf is innerText for metadata: it stops after max bytes of text or
// 8·max nodes and then reports ok=false, so that looking at every nested
// "date" box of a hostile page stays linear.
func textOf(n *html.Node, max int) (text string, ok bool) {
	var b strings.Builder
	space := false
	budget := 8*max + 64
	stack := []*html.Node{n.LastChild}
	if n.LastChild == nil {
		return "", true
	}
	// Iterate children in document order with an explicit stack of
	// "next sibling to visit" pointers, walking from first to last.
	stack[0] = n.FirstChild
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		if c == nil {
			stack = stack[:len(stack)-1]
			continue
		}
		stack[len(stack)-1] = c.NextSibling
		if budget--; budget < 0 || b.Len() > max {
			return b.String(), false
		}
		switch c.Type {
		case html.TextNode:
			collapse(&b, c.Data, &space)
		case html.ElementNode:
			switch c.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript:
				continue
			}
			if c.DataAtom == atom.Br || blockTags[c.DataAtom] {
				space = true
			}
			if c.FirstChild != nil {
				stack = append(stack, c.FirstChild)
			}
		}
	}
	return b.String(), b.Len() <= max
}

func innerText(n *html.Node) string {
	var b strings.Builder
	space := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				collapse(&b, c.Data, &space)
			case html.ElementNode:
				if c.DataAtom == atom.Br || blockTags[c.DataAtom] {
					space = true
				}
				walk(c)
				if blockTags[c.DataAtom] {
					space = true
				}
			}
		}
	}
	walk(n)
	return b.String()
}

// scoreLooseText scores the text a container holds directly, outside any
// block child: Readability wraps such runs in <p>; we score them in place.
func (e *extractor) scoreLooseText(n *html.Node, cands *[]*html.Node) {
	length, commas := 0, 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			l, k := textStats(c.Data)
			length += l
			commas += k
		case c.Type == html.ElementNode && !blockTags[c.DataAtom]:
			if st := e.stats[c]; st != nil {
				length += st.textLen
				commas += st.commas
			}
		}
	}
	if length < 25 {
		return
	}
	e.addScore(n, 1+float64(commas)+min(float64(length/100), 3), cands)
}

func (e *extractor) scoreParagraph(p *html.Node, cands *[]*html.Node) {
	st := e.stats[p]
	if st.textLen < 25 {
		return
	}
	e.addScore(p.Parent, 1+float64(st.commas)+min(float64(st.textLen/100), 3), cands)
}

// addScore gives score to first and, diminishing, to its ancestors.
func (e *extractor) addScore(first *html.Node, score float64, cands *[]*html.Node) {
	level := 0
	for a := first; a != nil && a.Type == html.ElementNode && level < 5; a = a.Parent {
		as := e.stats[a]
		if as == nil {
			break
		}
		if !as.scored {
			as.scored = true
			as.score = tagWeight(a) + e.classWeight(a)
			*cands = append(*cands, a)
		}
		div := 1.0
		switch {
		case level == 1:
			div = 2
		case level > 1:
			div = float64(level * 3)
		}
		as.score += score / div
		level++
	}
}

// paragraph is one block of emitted text.
type paragraph struct {
	text    string
	linkLen int
	heading bool
	item    bool
}

// emitter flattens the chosen containers into paragraphs.
type emitter struct {
	e      *extractor
	paras  []paragraph
	b      strings.Builder
	space  bool
	inLink int
	link   int
	head   int
	item   int
	isHead bool
	isItem bool
}

func (m *emitter) flush() {
	t := strings.TrimSpace(m.b.String())
	if t != "" {
		m.paras = append(m.paras, paragraph{text: t, linkLen: m.link, heading: m.isHead, item: m.isItem})
	}
	m.b.Reset()
	m.space = false
	m.link = 0
	m.isHead = m.head > 0
	m.isItem = m.item > 0
}

// keepBox decides whether a box inside the article container is text or
// furniture (Readability's "clean conditionally").
func (e *extractor) keepBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Ul, atom.Ol, atom.Table, atom.Form, atom.Dl:
	default:
		return true
	}
	st := e.stats[n]
	if st == nil {
		return true
	}
	ci := lowerASCII(classID(n))
	if strings.Contains(ci, "embed") || strings.Contains(ci, "tweet") {
		// Embedded posts (tweets, Instagram) quote what people said;
		// they are link-heavy by nature.
		return st.linkLen*10 < st.textLen*9
	}
	w := e.classWeight(n)
	if w < 0 {
		// A box with a boilerplate-sounding name ("el__leafmedia")
		// that holds nothing but plain paragraphs is still text.
		return st.good >= 80 && st.good*10 >= st.textLen*8 && st.linkLen*5 < st.textLen
	}
	if st.commas >= 10 {
		return true
	}
	ld := e.linkDensity(n)
	isList := n.DataAtom == atom.Ul || n.DataAtom == atom.Ol
	switch {
	case st.inputs > st.paras/3 && st.inputs > 0:
		return false
	case st.imgs > 1 && float64(st.paras)/float64(st.imgs) < 0.5 && st.textLen < 200:
		return false
	case !isList && st.lis > st.paras+5 && ld > 0.3:
		return false
	case w < 25 && ld > 0.33 && st.textLen < 500:
		return false
	case ld > 0.5:
		return false
	case st.embeds > 0 && st.textLen < 75:
		return false
	}
	return true
}

func (m *emitter) walk(n *html.Node, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if m.b.Len() == 0 {
				m.space = false
			}
			before := m.b.Len()
			collapse(&m.b, c.Data, &m.space)
			if m.inLink > 0 {
				m.link += utf8.RuneCountInString(m.b.String()[before:])
			}
		case html.ElementNode:
			if c.DataAtom == atom.Br {
				m.flush()
				continue
			}
			if depth > 5000 {
				continue
			}
			block := blockTags[c.DataAtom]
			if block {
				if !m.e.keepBox(c) {
					continue
				}
				m.flush()
			}
			switch c.DataAtom {
			case atom.A:
				m.inLink++
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				m.head++
				m.isHead = true
			case atom.Li:
				m.item++
				m.isItem = true
			}
			m.walk(c, depth+1)
			switch c.DataAtom {
			case atom.A:
				m.inLink--
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				m.flush()
				m.head--
				m.isHead = m.head > 0
			case atom.Li:
				m.flush()
				m.item--
				m.isItem = m.item > 0
			}
			if block {
				m.flush()
			}
		}
	}
}

// furniture matches whole paragraphs that are site furniture rather than
// article text, in Indonesian and English.
var furniture = regexp.MustCompile(`(?i)^(?:(?:baca(?: juga)?|lihat juga|simak(?: juga)?(?: video)?|tonton(?: juga)?|saksikan(?: juga)?)\b|tulis komentar|(?:artikel|berita) terkait\b|related(?: articles?| stories| news| posts?| content| coverage| topics)?\s*(?::|$)|read (?:more|also|next)\b|see also\b|also read\b|more:|recommended(?: for you| stories| articles| reading| videos?)?\s*(?::|$)|advert(?:isement|isment)?\b|iklan\b|this (?:slideshow|video|content) requires javascript|(?:please )?enable javascript|tell us what you think|what do you think\?|(?:have|got) a (?:news )?tip|get the latest|sign up for|subscribe to|(?:image|photo|foto|gambar|video) (?:copyright|caption|credit|source|by|courtesy)\b|scroll to (?:continue|resume)|share (?:this|on)\b|bagikan(?: (?:artikel|berita))?(?: ini)?\s*(?::|$)|follow us\b|ikuti (?:kami|berita)|sign up\b|subscribe(?: now| here)?\s*[.!]?$|click here\b|klik (?:di ?sini|link)|download aplikasi|dapatkan (?:update|berita)|copyright\s*(?:©|\(c\)|@|\d{4})|hak cipta\b|all rights reserved|\(?(?:foto|photo|image|gambar|ilustrasi|credit|sumber foto)\s*:|editor\s*:|penulis\s*:|reporter\s*:|pewarta\s*:|tags?\s*:|topik\s*:|kata kunci\s*:|comments?\s*(?:\(\d+\)|\d+|:|$)|komentar\s*(?:\(\d+\)|\d+|:|$)|leave a (?:comment|reply)|\[gambas:|halaman (?:selanjutnya|berikutnya|sebelumnya)|halaman\s*:|next page|previous page|artikel ini (?:telah )?(?:tayang|terbit|sudah tayang)|sumber\s*:|laporan wartawan|\(\w+/\w+\)$)`)

// inlineFurniture is removed from inside paragraphs.
var inlineFurniture = regexp.MustCompile(`(?i)\[gambas:[^\]]*\]|\bADVERTISEMENT\b|\bSCROLL TO (?:CONTINUE|RESUME) WITH CONTENT\b|\(\s*baca(?: juga)?\s*:[^)]*\)`)

// isByline reports whether a short line (as a normKey) starts with an
// author's name, after an optional "by"/"oleh".
func isByline(k string, authors []string) bool {
	for _, p := range [...]string{"by", "oleh", "penulis", "reporter", ""} {
		if !strings.HasPrefix(k, p) {
			continue
		}
		for _, a := range authors {
			if strings.HasPrefix(k[len(p):], a) {
				return true
			}
		}
	}
	return false
}

// bioVerbs follow an author's name at the start of an author blurb.
var bioVerbs = regexp.MustCompile(`^(?:,\s)?\s*(?:is|was|has been|covers|writes|reports|adalah|merupakan|menulis|meliput)\b`)

// isAuthorBio reports whether a paragraph is the author's blurb: it starts
// with an author's name followed by "is", "covers", "adalah"...
func isAuthorBio(t string, authors []string) bool {
	for _, a := range authors {
		if len(a) >= 3 && strings.HasPrefix(t, a) {
			if bioVerbs.MatchString(t[len(a):]) {
				return true
			}
		}
		// The first name alone: "Regan is a...".
		if first, _, ok := strings.Cut(a, " "); ok && len(first) >= 3 && strings.HasPrefix(t, first+" ") {
			if bioVerbs.MatchString(t[len(first):]) {
				return true
			}
		}
	}
	return false
}

// editorCode matches editors' initials at the end of a paragraph.
var editorCode = regexp.MustCompile(`\s\((?:[a-z]{2,6}/){1,3}[a-z]{2,6}\)$`)

// dateline matches short lines that only say who wrote the article and
// when ("By Justine Coleman - 11/18/19 11:04 PM EST", "Updated: 18 Nov
// 2019 9:38 pm").
var dateline = regexp.MustCompile(`(?i)^(?:by\s+\p{Lu}|updated\b|posted\b|published\b|last (?:updated|modified)\b|diperbarui\b|dipublikasikan\b|diterbitkan\b)`)

// creditEnd matches the end of a photo credit line.
var creditEnd = regexp.MustCompile(`(?i)(?:getty images|shutterstock|istock(?:photo)?|antara foto|ap photo|afp photo|reuters/[^ ]+)\)?\.?$`)

// contactLine matches the author's contact blurb under an article.
var contactLine = regexp.MustCompile(`(?i)\b(?:reached at|reach (?:him|her|them|me) at|contact (?:him|her|them|me|us)|email (?:him|her|them|me|us)|follow (?:him|her|them|me|us) on|write to)\b`)

// shortcode matches unrendered WordPress shortcodes ("[button link=...]").
var shortcode = regexp.MustCompile(`^\[/?[a-z_\-]+(?:\s[^\]]*)?\]`)

// filterParagraphs drops furniture paragraphs and trims link-only lines.
// titles are the page's headline texts: the headline repeated at the top
// of the container is not body text.
// authors are the article's author names: a short line that starts with
// one is the byline.
func filterParagraphs(ps []paragraph, titles, authors []string) []string {
	tkeys := make(map[string]bool, len(titles))
	for _, t := range titles {
		if k := normKey(t); len(k) > 10 {
			tkeys[k] = true
		}
	}
	var akeys []string
	for _, a := range authors {
		if k := normKey(a); len(k) >= 4 {
			akeys = append(akeys, k)
		}
	}
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		t := p.text
		if strings.Contains(t, "[") || strings.Contains(t, "ADVERTISEMENT") || strings.Contains(t, "SCROLL") || strings.Contains(t, "(Baca") || strings.Contains(t, "(baca") || strings.Contains(t, "(BACA") {
			if r := inlineFurniture.ReplaceAllString(t, ""); r != t {
				t = cleanSpace(r)
			}
		}
		if strings.HasSuffix(t, ")") && strings.Contains(t, "/") {
			// The editors' initials Indonesian sites end an article
			// with: "... kata dia. (rdp/rdp)".
			if loc := editorCode.FindStringIndex(t); loc != nil && loc[0] > 0 {
				t = strings.TrimSpace(t[:loc[0]])
			}
		}
		if t == "" {
			continue
		}
		n := utf8.RuneCountInString(t)
		if p.linkLen*2 > n && (n < 200 || p.linkLen*10 > n*9) {
			continue
		}
		if n < 120 && furniture.MatchString(t) {
			continue
		}
		if n < 100 && dateline.MatchString(t) && (n < 40 || !sentenceEnd.MatchString(t)) {
			continue
		}
		if n < 60 && isDateLine(t) {
			continue // "Nov. 20, 2019 6:02 AM EST", "Rabu, 19 Desember 2018 10:05 WIB"
		}
		if n < 80 && creditEnd.MatchString(t) {
			continue // a photo credit
		}
		if n < 250 && strings.Contains(t, "@") && contactLine.MatchString(t) {
			continue // "Reach the writer at x@example.com. Follow her on Twitter."
		}
		if n < 150 && strings.ContainsRune(t, '©') {
			continue // a photo credit or copyright line
		}
		if t[0] == '[' && shortcode.MatchString(t) {
			continue
		}
		if n < 300 && len(tkeys) > 0 && tkeys[normKey(t)] {
			continue
		}
		if n < 80 && len(akeys) > 0 && isByline(normKey(t), akeys) {
			continue
		}
		if n < 500 && len(authors) > 0 && isAuthorBio(t, authors) {
			continue // "Regan is a Connecticut native who writes about..."
		}
		out = append(out, t)
	}
	return out
}

// mainText extracts the article text from a parsed document.
func mainText(doc *html.Node, cc *classCache, titles, authors []string) string {
	body := findBody(doc)
	if body == nil {
		return ""
	}
	e := &extractor{stats: make(map[*html.Node]*nodeStats, 2048), cc: cc}
	prune(body, e.cc, false, nil)
	total := e.computeStats(body)
	// A box that holds most of the page's paragraphs is the page, whatever
	// its class says.
	prune(body, e.cc, true, func(n *html.Node) bool {
		st := e.stats[n]
		if st == nil {
			return false
		}
		if st.paras >= 3 && st.paras*2 > total.paras {
			return true
		}
		// Pages that write paragraphs as <br>-separated text have no
		// <p> to count; count their text-like blocks instead, but never
		// keep a comment section for its long comments.
		ci := lowerASCII(classID(n))
		return st.good >= 500 && st.good*2 > total.good && !strings.Contains(ci, "comment") && !strings.Contains(ci, "disqus") && !strings.Contains(ci, "repl")
	})
	cleanInline(body, e.cc, 0)
	clear(e.stats)
	all := e.computeStats(body)
	nodes := e.candidate(body)
	if len(nodes) > 0 && nodes[0] != body && all.good >= 1000 {
		// Safety net: when the chosen boxes hold under a third of the
		// page's paragraph text, the scoring picked a teaser or a
		// side box; take the smallest box that holds most of it.
		got := 0
		for _, n := range nodes {
			if st := e.stats[n]; st != nil {
				got += st.good
			}
		}
		if got*3 < all.good {
			nodes = []*html.Node{e.textContainer(body)}
		}
	}
	m := &emitter{e: e}
	for _, n := range nodes {
		if blockTags[n.DataAtom] && n.DataAtom != atom.Body && !e.keepBox(n) && len(nodes) > 1 {
			continue
		}
		m.flush()
		m.walkNode(n)
	}
	m.flush()
	return strings.Join(filterParagraphs(m.paras, titles, authors), "\n\n")
}

// textContainer descends from root into the child that holds most of the
// paragraph text while that child holds at least 70% of it: the smallest box
// around nearly all of the text-like paragraphs.
func (e *extractor) textContainer(root *html.Node) *html.Node {
	n := root
	for depth := 0; depth < 10000; depth++ {
		st := e.stats[n]
		var best *html.Node
		bestGood := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if cs := e.stats[c]; cs != nil && cs.good > bestGood {
				best, bestGood = c, cs.good
			}
		}
		if best == nil || st == nil || bestGood*10 < st.good*7 {
			return n
		}
		n = best
	}
	return n
}

// walkNode emits n itself (not only its children).
func (m *emitter) walkNode(n *html.Node) {
	switch n.DataAtom {
	case atom.A:
		m.inLink++
		m.walk(n, 0)
		m.inLink--
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		m.head++
		m.isHead = true
		m.walk(n, 0)
		m.flush()
		m.head--
		m.isHead = false
	default:
		m.walk(n, 0)
	}
}

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func findBody(doc *html.Node) *html.Node {
	var stack []*html.Node
	stack = append(stack, doc)
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			return n
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			if c.Type == html.ElementNode || c.Type == html.DocumentNode {
				stack = append(stack, c)
			}
		}
	}
	return nil
}

// dateWords are the words a bare date line is made of, besides numbers.
var dateWords = wordSet(`am pm a m p at on pukul jam updated published posted diperbarui diterbitkan
	monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun
	senin selasa rabu kamis jumat sabtu minggu`)

// isDateLine reports whether a short paragraph is only a date: a month
// name, numbers, and day and zone names, nothing else. (Lines of bare
// numbers are scores and table rows, not dates.)
func isDateLine(t string) bool {
	hasDigit, hasMonth := false, false
	for _, w := range strings.FieldsFunc(lowerASCII(t), func(r rune) bool {
		if r >= '0' && r <= '9' {
			hasDigit = true
		}
		return !unicode.IsLetter(r)
	}) {
		if _, ok := months[w]; ok {
			hasMonth = true
			continue
		}
		if _, ok := zones[w]; ok || dateWords[w] {
			continue
		}
		return false
	}
	return hasDigit && hasMonth
}
