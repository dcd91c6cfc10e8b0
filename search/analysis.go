package search

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/id"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/klaim/klaim/search/indonesian"
)

// Names of the analysis components this package adds to bleve.
const (
	// StemIDFilter is the bleve token filter that stems Indonesian words
	// (package indonesian).
	StemIDFilter = "stem_id"
	// AnalyzerID analyses Indonesian text: unicode words, lower case,
	// Indonesian stop words removed, stemmed.
	AnalyzerID = "id"
	// AnalyzerEN analyses English text: bleve's English analyzer
	// (possessives, lower case, English stop words, Porter stemmer).
	AnalyzerEN = en.AnalyzerName
)

// stemFilter is the bleve token filter form of indonesian.StemBytes.
type stemFilter struct{}

// Filter stems each token in place. Keyword-marked tokens are left alone, as
// bleve's other stemmers do.
func (stemFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if !tok.KeyWord {
			tok.Term = indonesian.StemBytes(tok.Term)
		}
	}
	return input
}

func init() {
	err := registry.RegisterTokenFilter(StemIDFilter, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return stemFilter{}, nil
	})
	if err != nil {
		panic(err)
	}
}

// addAnalyzers declares the "id" analyzer in m. It lives in the mapping (and
// so in the index's metadata) because bleve has no Indonesian analyzer of
// its own; "en" is bleve's.
func addAnalyzers(m *mapping.IndexMappingImpl) error {
	return m.AddCustomAnalyzer(AnalyzerID, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name, id.StopName, StemIDFilter},
	})
}
