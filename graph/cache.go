package graph

import (
	"slices"
	"sync"

	"github.com/klaim/klaim"
)

// summaryCacheMax bounds the statement summaries the cache holds (about
// 150 bytes each); past it, random entries are dropped.
const summaryCacheMax = 100_000

// summaryCache keeps the statement summaries of the hubs read lately (a
// popular claim's or speaker's list is read by every page that shows it and
// by every rebuttal computed against it). Any write empties it. Only stores
// written by this process alone use it (bolt, memory), not PostgreSQL.
type summaryCache struct {
	mu      sync.Mutex
	gen     uint64 // bumped by every write
	entries map[string][]summary
	size    int
	// statements holds decoded statements (without cross-article rebuttals,
	// which depend on other articles), bounded by statementCacheMax.
	statements map[string]klaim.Statement
	stats      *klaim.Stats
}

func (c *summaryCache) getStats() (*klaim.Stats, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats, c.gen
}

func (c *summaryCache) putStats(st klaim.Stats, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen == c.gen {
		c.stats = &st
	}
}

// statementCacheMax bounds the decoded statements the cache holds (about
// 1 KB each); past it, random entries are dropped.
const statementCacheMax = 20_000

// statement returns a cached statement, its Rebuts a copy the caller may
// extend.
func (c *summaryCache) statement(id string) (klaim.Statement, bool, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	st, ok := c.statements[id]
	st.Rebuts = slices.Clone(st.Rebuts)
	return st, ok, c.gen
}

// putStatements caches statements read at generation gen, unless a write
// happened since.
func (c *summaryCache) putStatements(sts []klaim.Statement, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.statements == nil {
		c.statements = make(map[string]klaim.Statement)
	}
	if len(c.statements)+len(sts) > statementCacheMax {
		evict(c.statements, len(c.statements)/4+len(sts))
	}
	for _, st := range sts {
		st.Rebuts = slices.Clone(st.Rebuts)
		c.statements[st.ID] = st
	}
}

// get returns a copy of the cached list and the generation to pass to put.
func (c *summaryCache) get(key string) ([]summary, bool, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	sums, ok := c.entries[key]
	return slices.Clone(sums), ok, c.gen
}

// put caches a list read at generation gen, unless a write happened since.
func (c *summaryCache) put(key string, sums []summary, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.entries == nil {
		c.entries = make(map[string][]summary)
	}
	for k, v := range c.entries { // map order is random: random eviction
		if c.size+len(sums) <= summaryCacheMax {
			break
		}
		delete(c.entries, k)
		c.size -= len(v)
	}
	c.entries[key] = slices.Clone(sums)
	c.size += len(sums)
}

// evict deletes n entries of m, chosen at random (map order is random).
func evict[V any](m map[string]V, n int) {
	for k := range m {
		if n <= 0 {
			return
		}
		delete(m, k)
		n--
	}
}

func (c *summaryCache) invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.entries, c.size, c.statements, c.stats = nil, 0, nil, nil
}
