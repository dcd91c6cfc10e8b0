package klaim

import (
	"context"
	"errors"
	"io"
	"time"
)

// ErrNotFound is returned (wrapped) when an ID names nothing stored.
var ErrNotFound = errors.New("not found")

// Store is the knowledge graph: articles, entities, claims, statements and
// relations. graph.Store implements it on cayley.
type Store interface {
	// PutDocument writes everything one article produced, replacing (not
	// adding to) what the same article produced before: no duplicates, and
	// nothing left behind that only the old version referenced.
	PutDocument(ctx context.Context, doc *Document) error
	// DeleteArticle removes an article and everything only it produced.
	DeleteArticle(ctx context.Context, articleID string) error

	// Article returns one article, with its text.
	Article(ctx context.Context, id string) (*Article, error)
	// Statement returns one statement. Its Rebuts include the statements of
	// other articles it contradicts (see Stance.Opposes), not only those
	// linked in its own article.
	Statement(ctx context.Context, id string) (*Statement, error)
	// Statements lists statements matching f, oldest first (by said-at, then
	// article date, then ID).
	Statements(ctx context.Context, f StatementFilter) ([]Statement, error)

	// Entity returns one entity with its aliases and relations.
	Entity(ctx context.Context, id string) (*Entity, error)
	// EntitiesByAlias returns the entities whose name or an alias folds
	// (NormalizeName) to the same as name.
	EntitiesByAlias(ctx context.Context, name string) ([]Entity, error)
	// Entities lists every entity, by name.
	Entities(ctx context.Context) ([]Entity, error)
	// Relations lists the typed edges from and to an entity.
	Relations(ctx context.Context, entityID string) ([]Relation, error)
	// Paths returns the shortest chains of relations joining two entities,
	// of at most maxHops edges each.
	Paths(ctx context.Context, from, to string, maxHops int) ([][]Relation, error)

	// Claim returns one claim.
	Claim(ctx context.Context, id string) (*Claim, error)
	// Claims lists every claim.
	Claims(ctx context.Context) ([]Claim, error)
	// SimilarClaims returns stored claims sharing concepts with the given
	// ones, most shared first, so the extractor can give the same proposition
	// one ID across articles and languages.
	SimilarClaims(ctx context.Context, concepts []string, limit int) ([]Claim, error)

	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)

	io.Closer
}

// StatementFilter selects statements. Empty fields do not filter; set fields
// must all match.
type StatementFilter struct {
	Speaker string // entity ID of the speaker
	Subject string // entity ID the statement is about
	Claim   string // claim ID
	Article string // article ID
	Stance  Stance
	Lang    string // the article's language
	From    time.Time
	To      time.Time
	Limit   int // 0: no limit
}

// Stats counts what a store holds.
type Stats struct {
	Articles   int `json:"articles"`
	Statements int `json:"statements"`
	Entities   int `json:"entities"`
	Claims     int `json:"claims"`
	Relations  int `json:"relations"`
	Quads      int `json:"quads"`
}

// Index is the full-text index of statements and claims. search.Index
// implements it on bleve.
type Index interface {
	// IndexDocument indexes the statements and claims of a document,
	// replacing what the same article had in the index before.
	IndexDocument(ctx context.Context, doc *Document) error
	// DeleteArticle removes what an article had in the index.
	DeleteArticle(ctx context.Context, articleID string) error
	// Search finds statements, best first.
	Search(ctx context.Context, q SearchQuery) (*SearchResult, error)
	// SearchClaims finds claims, best first.
	SearchClaims(ctx context.Context, q SearchQuery) (*ClaimResult, error)
	io.Closer
}

// SearchQuery is a full-text query with filters, as the search endpoint takes it.
type SearchQuery struct {
	Text    string    // the user's query, in either language
	Lang    string    // filter on the article language
	Stance  Stance    // filter on stance
	Speaker string    // filter on speaker: an entity ID or a name
	Entity  string    // filter on any entity involved (speaker, org or subject): ID or name
	Site    string    // filter on the publisher's host, e.g. "viva.co.id"
	From    time.Time // said-at (or published) on or after
	To      time.Time // said-at (or published) on or before
	Limit   int       // page size; 0 means the default (20)
	Cursor  string    // opaque: where the previous page ended
}

// SearchHit is one matching statement.
type SearchHit struct {
	Statement  Statement           `json:"statement"`
	Score      float64             `json:"score"`
	Highlights map[string][]string `json:"highlights,omitempty"`
}

// FacetCount is one bucket of a facet.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// SearchResult is a page of statement hits with facet counts.
type SearchResult struct {
	Hits       []SearchHit             `json:"hits"`
	Total      int                     `json:"total"`
	NextCursor string                  `json:"next_cursor,omitempty"`
	Facets     map[string][]FacetCount `json:"facets"` // stance, lang, speaker, site, year
}

// ClaimHit is one matching claim.
type ClaimHit struct {
	Claim Claim   `json:"claim"`
	Score float64 `json:"score"`
}

// ClaimResult is a page of claim hits.
type ClaimResult struct {
	Hits       []ClaimHit `json:"hits"`
	Total      int        `json:"total"`
	NextCursor string     `json:"next_cursor,omitempty"`
}

// Source is one article to ingest: a local file, a URL with its fetched HTML,
// or a title and plain text.
type Source struct {
	Path  string // a local file (.txt, .html, .htm, optionally .gz)
	URL   string // where the HTML came from, or a URL to fetch when HTML is empty
	HTML  []byte // raw page bytes (any charset)
	Title string // with Text: a plain-text article
	Text  string
	// ContentType is the HTTP Content-Type the page was served with, if any.
	ContentType string
}

// IngestResult says what one source produced.
type IngestResult struct {
	Article    ArticleRef `json:"article"`
	Statements int        `json:"statements"`
	Entities   int        `json:"entities"`
	Claims     int        `json:"claims"`
	Relations  int        `json:"relations"`
	// Replaced is true when the article had been ingested before.
	Replaced bool `json:"replaced"`
}

// Ingester turns a source into a document and writes it to the store and index.
type Ingester interface {
	Ingest(ctx context.Context, src Source) (*IngestResult, error)
}
