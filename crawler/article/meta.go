package article

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/klaim/klaim"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// metadata is what the page says about itself, gathered in one walk over
// the tree before the content extractor prunes it.
type metadata struct {
	pageURL   *url.URL
	ref       time.Time
	htmlLang  string
	title     string
	h1        string
	meta      map[string][]string // lower-case name/property/itemprop → contents
	canonical string
	relAuthor []string
	ld        []map[string]any // JSON-LD objects, @graph flattened
	times     []string         // <time datetime> values, in page order
	dateTexts []string         // short visible texts that look like dates
	bylines   []string         // short visible texts that look like bylines
	body      string           // JSON-LD articleBody
	cc        *classCache

	authorList  []string // memo of authors()
	authorsDone bool
}

var (
	bylineClass = newKeywords(`author byline penulis reporter writer contributor creator editor redaktur kontributor`, ``)
	dateClass   = newKeywords(`date time publish posted tanggal waktu tgl dateline`, `jam`)
	bylineText  = regexp.MustCompile(`(?i)^(?:penulis|reporter|editor|oleh|pewarta|kontributor|written by|words by|by|author|authors)\s*[:|]?\s+\S`)
)

func readMetadata(doc *html.Node, pageURL string, ref time.Time, cc *classCache) *metadata {
	md := &metadata{meta: make(map[string][]string), ref: ref, cc: cc}
	md.pageURL, _ = url.Parse(pageURL)
	type frame struct {
		n     *html.Node
		depth int
	}
	stack := []frame{{doc, 0}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		if n.Type == html.ElementNode {
			if !md.element(n) {
				continue
			}
		} else if n.Type == html.TextNode {
			md.text(n)
			continue
		}
		if f.depth > 10000 {
			continue
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			if c.Type == html.ElementNode || c.Type == html.TextNode || c.Type == html.DocumentNode {
				stack = append(stack, frame{c, f.depth + 1})
			}
		}
	}
	for _, o := range md.ld {
		if isType(o, "NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle", "OpinionNewsArticle", "WebPage", "LiveBlogPosting", "ScholarlyArticle", "TechArticle", "Report") {
			if b, ok := o["articleBody"].(string); ok && len(b) > len(md.body) {
				md.body = b
			}
		}
	}
	return md
}

// element records what n says and reports whether to descend into it.
func (md *metadata) element(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html:
		md.htmlLang = attr(n, "lang")
		if md.htmlLang == "" {
			md.htmlLang = attr(n, "xml:lang")
		}
	case atom.Title:
		if md.title == "" {
			md.title, _ = textOf(n, 2000)
		}
		return false
	case atom.Meta:
		key := attr(n, "property")
		if key == "" {
			key = attr(n, "name")
		}
		if key == "" {
			key = attr(n, "itemprop")
		}
		if key == "" {
			key = attr(n, "http-equiv")
		}
		content := strings.TrimSpace(attr(n, "content"))
		if key == "" && attr(n, "itemprop") == "" {
			return false
		}
		if content == "" {
			content = strings.TrimSpace(attr(n, "datetime"))
		}
		if content != "" {
			k := strings.ToLower(key)
			md.meta[k] = append(md.meta[k], content)
		}
		return false
	case atom.Link:
		rel := strings.ToLower(attr(n, "rel"))
		if rel == "canonical" && md.canonical == "" {
			md.canonical = strings.TrimSpace(attr(n, "href"))
		}
		return false
	case atom.Script:
		if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
			md.addJSONLD(n.FirstChild.Data)
		}
		return false
	case atom.Style, atom.Noscript, atom.Template, atom.Svg:
		return false
	case atom.Time:
		if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" && len(md.times) < 20 {
			md.times = append(md.times, dt)
		} else if len(md.dateTexts) < 40 {
			if t, ok := textOf(n, 200); ok && t != "" {
				md.dateTexts = append(md.dateTexts, t)
			}
		}
	case atom.H1:
		if md.h1 == "" {
			md.h1, _ = textOf(n, 2000)
		}
	case atom.A:
		if strings.Contains(strings.ToLower(attr(n, "rel")), "author") && len(md.relAuthor) < 10 {
			if t, ok := textOf(n, 200); ok && t != "" {
				md.relAuthor = append(md.relAuthor, t)
			}
		}
	}
	if ip := attr(n, "itemprop"); ip != "" {
		switch strings.ToLower(ip) {
		case "datepublished", "datemodified", "datecreated":
			v := attr(n, "datetime")
			if v == "" {
				v = attr(n, "content")
			}
			if v == "" {
				v, _ = textOf(n, 200)
			}
			if v != "" {
				k := strings.ToLower(ip)
				md.meta[k] = append(md.meta[k], v)
			}
		case "author", "creator":
			if len(md.bylines) < 20 {
				if t, ok := textOf(n, 200); ok && t != "" && utf8.RuneCountInString(t) < 80 {
					md.bylines = append(md.bylines, t)
				}
			}
		}
	}
	if ci := classID(n); ci != "" && len(ci) < 200 {
		f := md.cc.flags(ci)
		if f&ccByline != 0 && len(md.bylines) < 20 {
			if t, ok := textOf(n, 400); ok && t != "" && utf8.RuneCountInString(t) < 120 {
				md.bylines = append(md.bylines, t)
			}
		}
		if f&ccDate != 0 && len(md.dateTexts) < 40 {
			if t, ok := textOf(n, 400); ok && t != "" && utf8.RuneCountInString(t) < 100 {
				md.dateTexts = append(md.dateTexts, t)
			}
		}
	}
	return true
}

// text looks at a visible text node for "Penulis: X" style bylines and
// date lines.
func (md *metadata) text(n *html.Node) {
	t := strings.TrimSpace(n.Data)
	if t == "" || len(t) > 150 {
		return
	}
	if p := n.Parent; p != nil && (p.DataAtom == atom.Script || p.DataAtom == atom.Style || p.DataAtom == atom.Title) {
		return
	}
	switch t[0] | 0x20 { // the first letters of the byline labels
	case 'p', 'r', 'e', 'o', 'k', 'b', 'w', 'a':
	default:
		return
	}
	if bylineText.MatchString(t) && len(md.bylines) < 20 {
		md.bylines = append(md.bylines, t)
	}
}

// addJSONLD parses one JSON-LD script, tolerating the usual defects (raw
// newlines in strings, trailing commas), and keeps every object in it,
// descending into @graph and arrays.
func (md *metadata) addJSONLD(s string) {
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		fixed := strings.NewReplacer("\n", " ", "\r", " ", "\t", " ").Replace(s)
		fixed = trailingComma.ReplaceAllString(fixed, "$1")
		if err := json.Unmarshal([]byte(fixed), &v); err != nil {
			return
		}
	}
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 8 || len(md.ld) > 200 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e, depth+1)
			}
		case map[string]any:
			if _, ok := x["@type"]; ok {
				md.ld = append(md.ld, x)
			}
			if g, ok := x["@graph"]; ok {
				walk(g, depth+1)
			}
			if me, ok := x["mainEntity"]; ok {
				walk(me, depth+1)
			}
		}
	}
	walk(v, 0)
}

var urlDate = regexp.MustCompile(`/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-)`)

var trailingComma = regexp.MustCompile(`,\s*([}\]])`)

// isType reports whether a JSON-LD object has one of the given @types.
func isType(o map[string]any, types ...string) bool {
	match := func(s string) bool {
		s = strings.TrimPrefix(strings.TrimPrefix(s, "http://schema.org/"), "https://schema.org/")
		for _, t := range types {
			if strings.EqualFold(s, t) {
				return true
			}
		}
		return false
	}
	switch t := o["@type"].(type) {
	case string:
		return match(t)
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok && match(s) {
				return true
			}
		}
	}
	return false
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		if s, ok := x["name"].(string); ok {
			return strings.TrimSpace(s)
		}
		if s, ok := x["@value"].(string); ok {
			return strings.TrimSpace(s)
		}
	case []any:
		if len(x) > 0 {
			return str(x[0])
		}
	case float64:
		return ""
	}
	return ""
}

// names lists the names in a JSON-LD author value: a string, an object
// with a name, or an array of either; organisations are left out.
func names(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case map[string]any:
		if isType(x, "Organization", "NewsMediaOrganization", "Corporation", "WebSite", "WebPage") {
			return nil // the publisher named as author is not a person
		}
		if s := str(x); s != "" {
			return []string{s}
		}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, names(e)...)
		}
		return out
	}
	return nil
}

func (md *metadata) first(keys ...string) string {
	for _, k := range keys {
		for _, v := range md.meta[k] {
			if v != "" {
				return v
			}
		}
	}
	return ""
}

// articleLD returns the JSON-LD objects that describe the article itself.
func (md *metadata) articleLD() []map[string]any {
	var out []map[string]any
	for _, o := range md.ld {
		if isType(o, "NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle", "OpinionNewsArticle", "LiveBlogPosting", "ScholarlyArticle", "TechArticle", "Report", "SocialMediaPosting", "ClaimReview") {
			out = append(out, o)
		}
	}
	for _, o := range md.ld {
		if isType(o, "WebPage", "ItemPage") {
			out = append(out, o)
		}
	}
	return out
}

// titles lists every headline text the page declares.
func (md *metadata) titles() []string {
	t := []string{md.h1, md.title, md.first("og:title"), md.first("twitter:title")}
	for _, o := range md.articleLD() {
		t = append(t, str(o["headline"]))
	}
	return t
}

// apply fills the article's metadata fields.
func (md *metadata) apply(a *klaim.Article, text string) {
	a.Text = text
	a.CanonicalURL = md.canonicalURL()
	idKey := a.URL
	if a.CanonicalURL != "" && (md.pageURL == nil || md.pageURL.Scheme != "file") {
		idKey = a.CanonicalURL
	}
	a.ID = klaim.ArticleID(idKey)
	a.Site = md.site(a.CanonicalURL)
	a.Title = md.articleTitle(a.Site)
	a.Lang = md.lang(text)
	loc := time.UTC
	if a.Lang == "id" || strings.HasSuffix(a.Site.Host, ".id") {
		loc = wib
	}
	ref := md.ref.In(loc)
	a.Published, a.Modified = md.dates(ref)
	a.Authors = md.authors(a.Site)
	a.Verdicts = md.verdicts()
}

func (md *metadata) canonicalURL() string {
	for _, raw := range []string{md.canonical, md.first("og:url")} {
		if raw == "" {
			continue
		}
		u, err := url.Parse(raw)
		if err != nil {
			continue
		}
		if md.pageURL != nil && !u.IsAbs() && md.pageURL.Scheme != "file" {
			u = md.pageURL.ResolveReference(u)
		}
		if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
			continue
		}
		u.Fragment = ""
		u.Host = strings.ToLower(u.Host)
		return u.String()
	}
	return ""
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

func (md *metadata) site(canonical string) klaim.Site {
	var s klaim.Site
	if md.pageURL != nil && md.pageURL.Scheme != "file" {
		s.Host = strings.TrimPrefix(strings.ToLower(md.pageURL.Hostname()), "www.")
	}
	if s.Host == "" && canonical != "" {
		s.Host = hostOf(canonical)
	}
	s.Name = cleanSpace(md.first("og:site_name", "application-name"))
	if i := strings.Index(s.Name, " | "); i > 0 {
		s.Name = s.Name[:i] // "LinkNaija | Nigeria's popular news platform"
	}
	if s.Name == "" {
		for _, o := range md.articleLD() {
			if p := str(o["publisher"]); p != "" {
				s.Name = p
				break
			}
		}
	}
	if s.Name == "" {
		for _, o := range md.ld {
			if isType(o, "NewsMediaOrganization", "Organization", "WebSite") {
				if n := str(o["name"]); n != "" {
					s.Name = n
					break
				}
			}
		}
	}
	if s.Name == "" {
		// A Twitter handle ("@kompascom") is the last resort.
		s.Name = strings.TrimPrefix(cleanSpace(md.first("twitter:site")), "@")
	}
	return s
}

var titleSep = regexp.MustCompile(`\s+[-|–—:·•»]\s+|\s*\|\s*`)

// articleTitle picks the headline and removes the site-name suffix or
// prefix (" - Kompas.com", " | VIVA").
func (md *metadata) articleTitle(site klaim.Site) string {
	cands := []string{md.first("og:title", "twitter:title")}
	for _, o := range md.articleLD() {
		cands = append(cands, str(o["headline"]))
	}
	cands = append(cands, md.h1, md.title)
	var t string
	for _, c := range cands {
		if c = cleanSpace(html.UnescapeString(c)); c != "" {
			t = c
			break
		}
	}
	return stripSiteName(t, site, md.h1)
}

func stripSiteName(t string, site klaim.Site, h1 string) string {
	return stripSiteNameN(t, site, h1, 3)
}

func stripSiteNameN(t string, site klaim.Site, h1 string, depth int) string {
	if depth == 0 || len(t) > 1000 {
		return t
	}
	locs := titleSep.FindAllStringIndex(t, 50)
	if len(locs) == 0 {
		return t
	}
	siteKey := normKey(site.Name)
	hostKey := normKey(strings.SplitN(site.Host, ".", 2)[0])
	isSite := func(part string) bool {
		k := normKey(part)
		if k == "" {
			return true
		}
		if siteKey != "" && (k == siteKey || strings.Contains(k, siteKey) && len(k) < len(siteKey)+8) {
			return true
		}
		if hostKey != "" && len(hostKey) > 2 && strings.Contains(k, hostKey) && len(strings.Fields(part)) <= 3 {
			return true
		}
		return false
	}
	// Suffix.
	last := locs[len(locs)-1]
	if isSite(t[last[1]:]) {
		return stripSiteNameN(strings.TrimSpace(t[:last[0]]), site, h1, depth-1)
	}
	first := locs[0]
	if isSite(t[:first[0]]) {
		return stripSiteNameN(strings.TrimSpace(t[first[1]:]), site, h1, depth-1)
	}
	// Unknown site name: a short last part after the h1 text is the site.
	if h1 != "" && strings.EqualFold(strings.TrimSpace(t[:last[0]]), cleanSpace(h1)) {
		return strings.TrimSpace(t[:last[0]])
	}
	return t
}

// normKey folds a name for comparing site names: letters and digits only,
// lower case.
func normKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func cleanSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// lang returns the page language: declared (html lang, og:locale,
// content-language), checked against the text. Many Indonesian WordPress
// sites keep the theme's lang="en-US", so a confident DetectLang on the text
// overrides a declared "en" or "id".
func (md *metadata) lang(text string) string {
	declared := ""
	for _, v := range []string{md.htmlLang, md.first("og:locale"), md.first("content-language", "language", "dc.language")} {
		if l := primaryLang(v); l != "" {
			declared = l
			break
		}
	}
	detected, share := detectLang(text)
	switch {
	case detected != "" && (declared == "" || declared == "en" || declared == "id"):
		return detected
	case detected != "" && share >= 0.2:
		// A page declared in a third language whose text is plainly
		// English or Indonesian (a translated template).
		return detected
	case declared != "":
		return declared
	}
	return ""
}

func primaryLang(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	if i := strings.IndexAny(v, "-_,; "); i >= 0 {
		v = v[:i]
	}
	if v == "in" {
		return "id" // the old ISO 639 code for Indonesian
	}
	if len(v) == 2 && v[0] >= 'a' && v[0] <= 'z' && v[1] >= 'a' && v[1] <= 'z' {
		return v
	}
	return ""
}

// dates returns the published and modified instants, from the most to the
// least reliable source: JSON-LD, meta tags, <time datetime>, visible text.
func (md *metadata) dates(ref time.Time) (pub, mod time.Time) {
	try := func(vals ...string) time.Time {
		for _, v := range vals {
			if v == "" {
				continue
			}
			if t, ok := ParseDate(v, ref); ok {
				return t
			}
		}
		return time.Time{}
	}
	var ldPub, ldMod []string
	for _, o := range md.articleLD() {
		ldPub = append(ldPub, str(o["datePublished"]), str(o["dateCreated"]))
		ldMod = append(ldMod, str(o["dateModified"]))
	}
	pubKeys := []string{"article:published_time", "og:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "published_time", "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date", "parsely-pub-date", "sailthru.date", "article.published", "article_date_original", "original-publish-date", "cxenseparse:recs:publishtime", "content_publish_date", "datecreated", "release_date", "displaydate", "dc.date.created", "citation_publication_date"}
	modKeys := []string{"article:modified_time", "og:updated_time", "og:modified_time", "datemodified", "last-modified", "lastmod", "dcterms.modified", "dc.date.modified", "article.updated", "updated_time", "eomportal-lastupdate"}
	pub = try(ldPub...)
	if pub.IsZero() {
		for _, k := range pubKeys {
			if pub = try(md.meta[k]...); !pub.IsZero() {
				break
			}
		}
	}
	if pub.IsZero() {
		pub = try(md.times...)
	}
	if pub.IsZero() {
		pub = try(md.dateTexts...)
	}
	if pub.IsZero() && md.pageURL != nil {
		// Last resort, day precision: the date in the URL path
		// (/read/2018/12/19/...), common on news sites.
		if m := urlDate.FindStringSubmatch(md.pageURL.Path); m != nil {
			if t, ok := build(atoi(m[1]), atoi(m[2]), atoi(m[3]), 0, 0, 0, ref.Location()); ok && !t.After(ref) && t.Year() >= 1990 {
				pub = t
			}
		}
	}
	mod = try(ldMod...)
	if mod.IsZero() {
		for _, k := range modKeys {
			if mod = try(md.meta[k]...); !mod.IsZero() {
				break
			}
		}
	}
	if !mod.IsZero() && !pub.IsZero() && mod.Before(pub) {
		mod = time.Time{}
	}
	return pub, mod
}

// notNames are bylines that name no person.
var notNames = map[string]bool{
	"admin": true, "administrator": true, "redaksi": true, "tim redaksi": true, "redaksi1": true,
	"staff": true, "staf": true, "editor": true, "editorial": true, "webmaster": true, "reporter": true,
	"penulis": true, "author": true, "guest": true, "anonymous": true, "unknown": true, "newsroom": true,
	"the associated press": false, "wire": true, "staff writer": true, "staff reporter": true,
	"by": true, "oleh": true, "tim": true, "team": true, "user": true, "humas": true, "contributor": true,
	"nama": true, "name": true, "staff reports": true, "wires": true, "desk": true,
}

// orgWords mark a byline fragment that names an organisation ("CNN
// Business", "Fox News"), not a person.
var orgWords = newKeywords(``, `news business media times post tribune journal magazine radio tv network group agency inc ltd corp com online daily`)

// roleWords mark a byline fragment that is a job, not a name ("AP Auto
// Writer", "Staff Reports").
var roleWords = newKeywords(``, `writer writers correspondent correspondents editor editors columnist contributor contributors reporter reporters staff covers desk`)

var (
	bylinePrefix = regexp.MustCompile(`(?i)^(?:penulis|reporter|editor|oleh|pewarta|kontributor|written by|words by|posted by|by|author|authors|redaktur|editor)\s*[:|]?\s*`)
	nameSplit    = regexp.MustCompile(`(?i)\s*(?:,|&|;|\||/|\band\b|\bdan\b)\s*`)
	// bylineTail cuts what follows a name in a byline: a date, a role.
	bylineTail = regexp.MustCompile(`(?i)\s*(?:[-–—|•·]\s|\b(?:updated|published|diperbarui|diterbitkan|on|pada)\b|\d{1,2}[/:.]\d|\(|\bfor\b|\bin\b).*$`)
)

// authors returns the article's authors, best source first: JSON-LD, meta
// tags, rel=author links, byline text.
func (md *metadata) authors(site klaim.Site) []string {
	if md.authorsDone {
		return md.authorList
	}
	md.authorList, md.authorsDone = md.findAuthors(site), true
	return md.authorList
}

func (md *metadata) findAuthors(site klaim.Site) []string {
	var raw []string
	for _, o := range md.articleLD() {
		raw = append(raw, names(o["author"])...)
		if len(cleanNames(raw, site)) > 0 {
			break
		}
		raw = raw[:0]
	}
	if len(raw) == 0 {
		for _, k := range []string{"author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "cxenseparse:author", "twitter:creator"} {
			for _, v := range md.meta[k] {
				raw = append(raw, v)
			}
			if len(cleanNames(raw, site)) > 0 {
				break
			}
			raw = raw[:0]
		}
	}
	if len(raw) > 0 {
		return cleanNames(raw, site)
	}
	// Visible bylines: the first one that names someone. Later ones
	// belong to comments, related articles or author boxes.
	for _, group := range [][]string{md.relAuthor, md.bylines} {
		for _, b := range group {
			if n := cleanNames([]string{b}, site); len(n) > 0 {
				return n
			}
		}
	}
	return nil
}

// cleanNames turns byline strings into person names: prefixes ("By",
// "Penulis:") and tails (dates, roles) removed, lists split, and whatever is
// not a name rejected (URLs, e-mail addresses, the site's own name,
// "Admin", "Redaksi"). One-word names ("Arief") are kept.
func cleanNames(raw []string, site klaim.Site) []string {
	var out []string
	seen := map[string]bool{}
	siteKey := normKey(site.Name)
	hostKey := normKey(strings.SplitN(site.Host, ".", 2)[0])
	for _, r := range raw {
		if len(r) > 300 {
			r = r[:300] // a byline, not a document
		}
		r = cleanSpace(html.UnescapeString(r))
		if strings.Contains(r, "://") || strings.HasPrefix(r, "www.") {
			continue
		}
		// "Penulis: A | Editor: B" holds two bylines.
		for _, seg := range splitBylines(r) {
			seg = bylinePrefix.ReplaceAllString(seg, "")
			seg = bylineTail.ReplaceAllString(seg, "")
			for _, name := range nameSplit.Split(seg, -1) {
				name = strings.Trim(name, " .:-–—@")
				name = bylinePrefix.ReplaceAllString(name, "")
				if !looksLikeName(name) || roleWords.match(name) || orgWords.match(name) || isCredential(name) {
					continue
				}
				name = fixCase(name)
				k := normKey(name)
				if notNames[strings.ToLower(name)] || k == siteKey || k == hostKey || (siteKey != "" && strings.Contains(k, siteKey)) ||
					(len(k) >= 4 && (strings.Contains(siteKey, k) || strings.Contains(hostKey, k))) || seen[k] {
					continue
				}
				seen[k] = true
				out = append(out, name)
				if len(out) >= 10 {
					return out
				}
			}
		}
		if len(out) >= 10 {
			break
		}
	}
	return out
}

var bylineLabel = regexp.MustCompile(`(?i)\b(?:penulis|reporter|editor|pewarta|kontributor|redaktur)\s*:`)

func splitBylines(s string) []string {
	locs := bylineLabel.FindAllStringIndex(s, -1)
	if len(locs) < 2 {
		return []string{s}
	}
	var out []string
	for i, l := range locs {
		end := len(s)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		out = append(out, strings.Trim(s[l[0]:end], " |,-"))
	}
	return out
}

// isCredential reports whether s is a degree or title written after a name
// ("MS", "RDN", "PhD").
func isCredential(s string) bool {
	if len(s) > 5 || strings.Contains(s, " ") {
		return false
	}
	switch strings.ToLower(strings.Trim(s, ".")) {
	case "phd", "ph.d", "md", "ms", "msc", "ma", "mba", "rdn", "rd", "jr", "sr", "ii", "iii", "cfa", "se", "sh", "mh", "msi":
		return true
	}
	up := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			up++
		}
	}
	return up == utf8.RuneCountInString(s) && up <= 3
}

// fixCase turns an all-capitals byline ("TOM KRISHER") into "Tom Krisher".
func fixCase(s string) string {
	if strings.ToUpper(s) != s || strings.ToLower(s) == s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// looksLikeName accepts one to five words of letters (with the usual name
// punctuation), starting with a capital or a letter of a caseless script.
func looksLikeName(s string) bool {
	if s == "" || strings.ContainsAny(s, "@#<>{}[]=+*\"") {
		return false
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 || utf8.RuneCountInString(s) > 50 {
		return false
	}
	for _, r := range s {
		if unicode.IsDigit(r) {
			return false
		}
		if !unicode.IsLetter(r) && !strings.ContainsRune(" .'-’", r) {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || !unicode.IsLower(r)
}

// verdicts harvests schema.org ClaimReview objects.
func (md *metadata) verdicts() []klaim.Verdict {
	var out []klaim.Verdict
	for _, o := range md.ld {
		if !isType(o, "ClaimReview") {
			continue
		}
		v := klaim.Verdict{
			ClaimReviewed: cleanSpace(str(o["claimReviewed"])),
			Author:        str(o["author"]),
			URL:           str(o["url"]),
			Date:          str(o["datePublished"]),
		}
		if rr, ok := o["reviewRating"].(map[string]any); ok {
			v.Rating = str(rr["alternateName"])
			if v.Rating == "" {
				v.Rating = str(rr["name"])
			}
		}
		if ir, ok := o["itemReviewed"].(map[string]any); ok {
			v.ClaimAuthor = str(ir["author"])
			if v.ClaimReviewed == "" {
				v.ClaimReviewed = cleanSpace(str(ir["name"]))
			}
		}
		if v.ClaimReviewed == "" && v.Rating == "" {
			continue
		}
		out = append(out, v)
	}
	return out
}

func utf8Len(s string) int { return utf8.RuneCountInString(s) }

var blankLines = regexp.MustCompile(`\n\s*\n+`)

// normalizeText makes plain text follow the article text format: paragraphs
// separated by one blank line, white space inside a paragraph collapsed.
// Text that has blank lines keeps them as the paragraph breaks (its single
// newlines are hard wraps); text without any breaks at every newline.
func normalizeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	sep := "\n"
	if blankLines.MatchString(s) {
		s = blankLines.ReplaceAllString(s, "\n\n")
		sep = "\n\n"
	}
	var paras []string
	for _, p := range strings.Split(s, sep) {
		if p = cleanSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}
