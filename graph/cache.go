package graph

import (
	"slices"
	"sync"
)

// summaryCacheMax bounds the statement summaries the cache holds (about
// 150 bytes each); past it the cache starts over.
const summaryCacheMax = 200_000

// summaryCache keeps the statement summaries of the hubs read lately (a
// popular claim's or speaker's list is read by every page that shows it and
// by every rebuttal computed against it). Any write empties it. Only stores
// written by this process alone use it (bolt, memory), not PostgreSQL.
type summaryCache struct {
	mu      sync.Mutex
	gen     uint64 // bumped by every write
	entries map[string][]summary
	size    int
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
	if c.entries == nil || c.size+len(sums) > summaryCacheMax {
		c.entries, c.size = make(map[string][]summary), 0
	}
	c.entries[key] = slices.Clone(sums)
	c.size += len(sums)
}

func (c *summaryCache) invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.entries, c.size = nil, 0
}
