package crawler

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/klaim/klaim"
	"github.com/klaim/klaim/crawler/article"
	"github.com/klaim/klaim/crawler/claims"
)

// MaxFileSize caps what one ingested file may hold, compressed or not: a news
// article is rarely over a megabyte, so 32 MiB is generous and still keeps a
// stray disk image or gzip bomb from exhausting memory.
const MaxFileSize = 32 << 20

// ErrSkipped marks a source that was deliberately not ingested (an
// unsupported file type, an empty file); errors.Is(err, ErrSkipped) tells it
// from a failure.
var ErrSkipped = errors.New("skipped")

// PageFetcher fetches one page for an ingest request that names only a URL.
type PageFetcher interface {
	FetchPage(ctx context.Context, pageURL string) (body []byte, contentType string, err error)
}

// Pipeline is klaim's ingest path: a source becomes an article (extraction),
// the article a document of statements, entities and claims (attribution),
// and the document is written to the graph store and the search index.
// It implements klaim.Ingester.
type Pipeline struct {
	Store  klaim.Store
	Index  klaim.Index // may be nil: the graph alone is still useful
	Claims *claims.Extractor
	// Dedup, when set, links an article whose text was already ingested
	// under another URL (a syndicated copy) instead of storing its
	// statements twice.
	Dedup Deduper
	// Fetcher, when set, fetches sources that carry only a URL.
	Fetcher PageFetcher

	// pending, while IngestPaths runs, collects documents for the index,
	// which writes a batch several times faster than one article at a time.
	pending *[]*klaim.Document
}

// indexBatchSize is how many articles IngestPaths indexes at once. The graph
// is written article by article, so a crash loses at most this many
// articles' index entries, and `klaim reindex` rebuilds them from the graph.
const indexBatchSize = 64

// BatchIndex is an index that can write many documents at once.
type BatchIndex interface {
	IndexDocuments(ctx context.Context, docs []*klaim.Document) error
}

// Deduper finds an earlier article with the same or nearly the same text.
// *Dedup implements it.
type Deduper interface {
	Check(articleID, text string) (duplicateOf string, near bool, err error)
}

var _ klaim.Ingester = (*Pipeline)(nil)

// Ingest extracts, attributes and stores one source. Ingesting the same
// source again replaces what it produced before.
func (p *Pipeline) Ingest(ctx context.Context, src klaim.Source) (*klaim.IngestResult, error) {
	art, err := p.articleOf(ctx, src)
	if err != nil {
		return nil, err
	}
	return p.IngestArticle(ctx, art)
}

// IngestArticle attributes and stores an already extracted article.
func (p *Pipeline) IngestArticle(ctx context.Context, art *klaim.Article) (*klaim.IngestResult, error) {
	if strings.TrimSpace(art.Text) == "" {
		return nil, fmt.Errorf("%s: %w: no article text", art.URL, ErrSkipped)
	}
	replaced := false
	if _, err := p.Store.Article(ctx, art.ID); err == nil {
		replaced = true
	} else if !errors.Is(err, klaim.ErrNotFound) {
		return nil, fmt.Errorf("ingest %s: %w", art.URL, err)
	}
	if p.Dedup != nil && art.DuplicateOf == "" {
		dup, _, err := p.Dedup.Check(art.ID, art.Text)
		if err != nil {
			return nil, fmt.Errorf("ingest %s: duplicate check: %w", art.URL, err)
		}
		if dup != "" && dup != art.ID {
			art.DuplicateOf = dup
		}
	}
	var doc *klaim.Document
	if art.DuplicateOf != "" {
		// A syndicated copy: keep the article (its URL is evidence of where
		// the story ran) but not a second set of the same statements.
		doc = &klaim.Document{Article: *art}
	} else {
		var err error
		doc, err = extractStatements(ctx, p.Claims, art, p.Store)
		if err != nil {
			return nil, fmt.Errorf("extract statements from %s: %w", art.URL, err)
		}
		if replaced {
			old, err := p.Store.Statements(ctx, klaim.StatementFilter{Article: art.ID})
			if err != nil {
				return nil, fmt.Errorf("ingest %s: previous statements: %w", art.URL, err)
			}
			keepClaimIDs(doc, old)
		}
	}
	inferPublished(doc)
	if err := doc.Validate(); err != nil {
		return nil, fmt.Errorf("ingest %s: %w", art.URL, err)
	}
	if err := p.Store.PutDocument(ctx, doc); err != nil {
		return nil, fmt.Errorf("store %s: %w", art.URL, err)
	}
	if p.Index != nil {
		if p.pending != nil {
			*p.pending = append(*p.pending, doc)
		} else if err := p.Index.IndexDocument(ctx, doc); err != nil {
			return nil, fmt.Errorf("index %s: %w", art.URL, err)
		}
	}
	return &klaim.IngestResult{
		Article:    art.Ref(),
		Statements: len(doc.Statements),
		Entities:   len(doc.Entities),
		Claims:     len(doc.Claims),
		Relations:  len(doc.Relations),
		Replaced:   replaced,
	}, nil
}

// keepClaimIDs gives the statements of a re-ingested article the claim IDs
// they had before. Claim IDs come partly from the store (a similar claim
// another article created), so a second extraction can choose differently as
// other articles arrive; but a statement with the same ID (same article, same
// span) is the same statement and keeps its claim. The document's claims are
// then the ones its statements use.
func keepClaimIDs(doc *klaim.Document, old []klaim.Statement) {
	was := make(map[string]string, len(old))
	for _, s := range old {
		was[s.ID] = s.Claim.ID
	}
	byID := make(map[string]klaim.Claim, len(doc.Claims))
	for _, c := range doc.Claims {
		byID[c.ID] = c
	}
	used := make(map[string]bool)
	var claims []klaim.Claim
	for i := range doc.Statements {
		s := &doc.Statements[i]
		c := byID[s.Claim.ID]
		if prev, ok := was[s.ID]; ok {
			s.Claim.ID = prev
			c.ID = prev
		}
		if !used[c.ID] {
			used[c.ID] = true
			claims = append(claims, c)
		}
	}
	doc.Claims = claims
}

// inferPublished dates an article that came without a date (a .txt file, a
// page without metadata) from its text: the latest full date any of its
// statements was said on, since reported speech comes before publication.
// Statements with no date of their own then take the article's, as they
// would have had it been known.
func inferPublished(doc *klaim.Document) {
	if !doc.Article.Published.IsZero() {
		return
	}
	var latest time.Time
	for _, s := range doc.Statements {
		if t, err := time.Parse(time.DateOnly, s.SaidAt); err == nil && t.After(latest) {
			latest = t
		}
	}
	if latest.IsZero() {
		return
	}
	doc.Article.Published = latest
	day := latest.Format(time.DateOnly)
	for i := range doc.Statements {
		doc.Statements[i].Article.Published = day
		if doc.Statements[i].SaidAt == "" {
			doc.Statements[i].SaidAt = day
		}
	}
}

// extractStatements runs the statement extractor, turning a panic into an
// error: the extractor is a large body of rules over hostile text, and one
// article that trips it must not take a batch or a server down with it.
func extractStatements(ctx context.Context, x *claims.Extractor, art *klaim.Article, f claims.ClaimFinder) (doc *klaim.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("internal error in the statement extractor: %v (please report it with the article)", r)
		}
	}()
	return x.Extract(ctx, art, f)
}

// articleOf extracts the article a source holds.
func (p *Pipeline) articleOf(ctx context.Context, src klaim.Source) (*klaim.Article, error) {
	switch {
	case src.Path != "":
		return ReadArticleFile(src.Path)
	case len(src.HTML) > 0:
		if src.URL == "" {
			return nil, errors.New("an HTML source needs the URL it came from")
		}
		a, err := article.Extract(src.HTML, src.URL, src.ContentType)
		if err != nil {
			return nil, fmt.Errorf("extract %s: %w", src.URL, skipIfNoText(err))
		}
		return a, nil
	case src.Text != "":
		return textArticle(src.Title, src.Text, src.URL)
	case src.URL != "":
		if p.Fetcher == nil {
			return nil, fmt.Errorf("fetch %s: this server does not fetch URLs; send the page's html with it", src.URL)
		}
		body, ct, err := p.Fetcher.FetchPage(ctx, src.URL)
		if err != nil {
			return nil, fmt.Errorf("fetch %s: %w", src.URL, err)
		}
		a, err := article.Extract(body, src.URL, ct)
		if err != nil {
			return nil, fmt.Errorf("extract %s: %w", src.URL, skipIfNoText(err))
		}
		return a, nil
	}
	return nil, errors.New("empty source: give a path, a URL, HTML with its URL, or a title and text")
}

// skipIfNoText marks a page without article text (a front page, a tag page,
// a video page) as skipped: it is not an error to have met one.
func skipIfNoText(err error) error {
	if errors.Is(err, article.ErrNoText) {
		return fmt.Errorf("%w: %w", ErrSkipped, err)
	}
	return err
}

// textArticle builds an article from a title and plain text sent through the
// API. Without a URL its identity is its content, so sending the same text
// twice replaces rather than duplicates.
func textArticle(title, text, pageURL string) (*klaim.Article, error) {
	if pageURL == "" {
		sum := sha256.Sum256([]byte(title + "\n\n" + text))
		pageURL = "urn:klaim:text:" + hex.EncodeToString(sum[:12])
	}
	body := title + "\n\n" + text
	if strings.TrimSpace(title) == "" {
		body = text
	}
	a, err := article.FromText(pageURL, []byte(body))
	if err != nil {
		return nil, err
	}
	a.URL = pageURL
	a.ID = klaim.ArticleID(pageURL)
	return a, nil
}

// ReadArticleFile reads and extracts one local article file: .txt (the first
// non-empty line is the title), .html or .htm, each optionally gzipped (.gz).
// The article's URL is the file's absolute file:// URL, so its ID is the same
// on every ingest and its statements can be traced back to the file.
func ReadArticleFile(path string) (*klaim.Article, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	kind := FileKind(abs)
	if kind == "" {
		return nil, fmt.Errorf("%s: %w: not a .txt, .html or .htm file (optionally .gz)", path, ErrSkipped)
	}
	data, err := readCapped(abs)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: %w: empty file", path, ErrSkipped)
	}
	if looksBinary(data) {
		return nil, fmt.Errorf("%s: %w: binary data, not a text or HTML article", path, ErrSkipped)
	}
	fileURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	var a *klaim.Article
	if kind == "txt" {
		a, err = article.FromText(fileURL, data)
	} else {
		a, err = article.Extract(data, fileURL, "")
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, skipIfNoText(err))
	}
	a.URL = fileURL
	a.ID = klaim.ArticleID(fileURL)
	return a, nil
}

// FileKind returns "txt" or "html" for the file names ingest reads, "" otherwise.
func FileKind(name string) string {
	n := strings.ToLower(strings.TrimSuffix(strings.ToLower(name), ".gz"))
	switch filepath.Ext(n) {
	case ".txt":
		return "txt"
	case ".html", ".htm", ".xhtml":
		return "html"
	}
	return ""
}

// readCapped reads a file, gunzipping .gz files, refusing more than MaxFileSize.
func readCapped(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("gunzip: %w", err)
		}
		defer zr.Close()
		r = zr
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("larger than %d MiB", MaxFileSize>>20)
	}
	return data, nil
}

// looksBinary reports whether data is not text: NUL bytes, or mostly invalid
// UTF-8 in a sample that no legacy single-byte charset would explain.
func looksBinary(data []byte) bool {
	sample := data
	if len(sample) > 8192 {
		sample = sample[:8192]
	}
	if bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, b := range sample {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctrl++
		}
	}
	return ctrl*20 > len(sample) || (!utf8.Valid(sample) && ctrl*100 > len(sample))
}

// FileResult is the outcome of ingesting one file found under a path.
type FileResult struct {
	Path   string
	Result *klaim.IngestResult // nil when Err is set
	Err    error               // errors.Is(Err, ErrSkipped) for deliberate skips
}

// IngestPaths ingests files and folders (recursively, in name order). A bad
// file never stops the batch: each file's outcome goes to report as soon as
// it is known. Only a cancelled context ends it early. The index is written
// in batches; IngestPaths must not run beside other calls on p.
func (p *Pipeline) IngestPaths(ctx context.Context, paths []string, report func(FileResult)) (err error) {
	if bi, ok := p.Index.(BatchIndex); ok && p.pending == nil {
		var docs []*klaim.Document
		p.pending = &docs
		flush := func() error {
			if len(docs) == 0 {
				return nil
			}
			// A cancelled run still indexes what it stored.
			err := bi.IndexDocuments(context.WithoutCancel(ctx), docs)
			docs = docs[:0]
			if err != nil {
				return fmt.Errorf("index: %w (run 'klaim reindex' to rebuild the index from the graph)", err)
			}
			return nil
		}
		defer func() {
			p.pending = nil
			err = errors.Join(err, flush())
		}()
		inner := report
		report = func(r FileResult) {
			inner(r)
			if len(docs) >= indexBatchSize {
				if ferr := flush(); ferr != nil {
					inner(FileResult{Path: r.Path, Err: ferr})
				}
			}
		}
	}
	for _, root := range paths {
		files, err := ListFiles(root)
		if err != nil {
			report(FileResult{Path: root, Err: err})
			continue
		}
		for _, f := range files {
			if err := ctx.Err(); err != nil {
				return err
			}
			res, err := p.Ingest(ctx, klaim.Source{Path: f})
			report(FileResult{Path: f, Result: res, Err: err})
		}
	}
	return nil
}

// ListFiles returns the files a path names: itself, or the ingestible files
// below a folder (hidden entries skipped), sorted.
func ListFiles(root string) ([]string, error) {
	info, err := os.Stat(root)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file or folder", root)
		}
		return nil, fmt.Errorf("%s: %w", root, err)
	}
	if !info.IsDir() {
		return []string{root}, nil
	}
	var out []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		name := d.Name()
		if path != root && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			// Files ingest cannot read are listed too, so the summary
			// can say which were skipped and why.
			out = append(out, path)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}
