package search

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/mapping"
)

// MappingVersion is the version of the index layout this code writes and
// reads. Bump it whenever the mapping or the meaning of a field changes: an
// index of another version must be rebuilt (Reset, then index every
// document again), because its results would be wrong rather than missing.
const MappingVersion = "2"

// Document types.
const (
	typeStatement = "statement"
	typeClaim     = "claim"
)

// Field names. Both document types share them where they mean the same.
const (
	fieldType       = "type"
	fieldTextID     = "text_id"     // Indonesian text: quote, sentence, claim
	fieldTextEN     = "text_en"     // English text
	fieldClaimID    = "claim_id"    // statements: their claim's text, Indonesian
	fieldClaimEN    = "claim_en"    // statements: their claim's text, English
	fieldNames      = "names"       // speaker, org and subject names, any language
	fieldStance     = "stance"      // keyword
	fieldLang       = "lang"        // keyword: the article's language
	fieldSpeakerID  = "speaker_id"  // keyword: entity ID
	fieldSpeaker    = "speaker"     // keyword: display name, for the facet
	fieldSpeakerKey = "speaker_key" // keyword: NormalizeName of name and aliases
	fieldEntities   = "entities"    // keyword: IDs of speaker, org, subjects
	fieldEntityKeys = "entity_keys" // keyword: their folded names and aliases
	fieldSite       = "site"        // keyword: host
	fieldYear       = "year"        // keyword: "2018"
	fieldClaim      = "claim"       // keyword: claim ID
	fieldArticle    = "article"     // keyword: article ID (claims: every referencing article)
	fieldConcepts   = "concepts"    // keyword: claim concepts ("c:private_message", "en_…")
	fieldSaidAt     = "said_at"     // datetime: said-at, else the article's date
	fieldSortDate   = "sort_date"   // keyword "2006-01-02", "0000-00-00" when unknown
	fieldSource     = "source"      // stored only: the JSON of the statement or claim
	fieldUses       = "uses"        // stored only, claims: JSON of claimRecord.Uses
)

// newMapping builds the index mapping: two document types, no dynamic
// fields and nothing in the _all field (it would double the indexing work).
func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	if err := addAnalyzers(m); err != nil {
		return nil, err
	}
	m.TypeField = fieldType
	m.DefaultType = typeStatement
	m.DefaultAnalyzer = standard.Name
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	m.DefaultMapping = bleve.NewDocumentDisabledMapping()

	m.AddDocumentMapping(typeStatement, newDocMapping())
	m.AddDocumentMapping(typeClaim, newDocMapping())
	return m, nil
}

func newDocMapping() *mapping.DocumentMapping {
	dm := bleve.NewDocumentStaticMapping()
	text := func(analyzer string, store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = store // highlighting reads the stored text
		f.IncludeTermVectors = true
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	kw := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = false
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = true // facets and sorting
		return f
	}
	dm.AddFieldMappingsAt(fieldTextID, text(AnalyzerID, true))
	dm.AddFieldMappingsAt(fieldTextEN, text(AnalyzerEN, true))
	dm.AddFieldMappingsAt(fieldNames, text(standard.Name, false))
	// A statement's claim text is context, weighed less than its own words:
	// no highlighting, no phrases, so no stored text and no term vectors.
	for field, analyzer := range map[string]string{fieldClaimID: AnalyzerID, fieldClaimEN: AnalyzerEN} {
		f := text(analyzer, false)
		f.IncludeTermVectors = false
		dm.AddFieldMappingsAt(field, f)
	}
	for _, name := range []string{fieldStance, fieldLang, fieldSpeakerID, fieldSpeaker,
		fieldSpeakerKey, fieldEntities, fieldEntityKeys, fieldSite, fieldYear, fieldClaim,
		fieldArticle, fieldConcepts, fieldSortDate} {
		dm.AddFieldMappingsAt(name, kw())
	}
	// The type is stored too: replacing an article must tell its
	// statements (deleted) from its claims (updated).
	typ := kw()
	typ.Store = true
	dm.AddFieldMappingsAt(fieldType, typ)

	date := bleve.NewDateTimeFieldMapping()
	date.Store = false
	date.IncludeInAll = false
	dm.AddFieldMappingsAt(fieldSaidAt, date)

	src := bleve.NewTextFieldMapping()
	src.Index = false
	src.Store = true
	src.IncludeTermVectors = false
	src.IncludeInAll = false
	src.DocValues = false
	dm.AddFieldMappingsAt(fieldSource, src)
	// A claim's uses are kept apart from it: they grow with every article
	// that cites the claim, and only writers read them.
	uses := *src
	dm.AddFieldMappingsAt(fieldUses, &uses)
	return dm
}
