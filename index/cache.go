package index

import (
	"container/list"
	"encoding/json"
	"strconv"
	"sync"

	"github.com/blevesearch/bleve/v2/search/query"
)

// facetCache keeps the facets of recent queries. Facets cost a doc-value
// visit per matching article and field, which dominates a search that
// matches tens of thousands of articles, while paging, re-sorting and
// clicking through a result list repeat the same query. Entries are valid
// for one index generation (every Add, Delete and Rebuild starts a new
// one).
type facetCache struct {
	mu      sync.Mutex
	max     int
	ll      *list.List
	entries map[string]*list.Element
}

type facetEntry struct {
	key    string
	gen    uint64
	facets map[string][]FacetTerm
}

func newFacetCache(max int) *facetCache {
	return &facetCache{max: max, ll: list.New(), entries: map[string]*list.Element{}}
}

func (c *facetCache) get(key string, gen uint64) map[string][]FacetTerm {
	if c == nil || key == "" {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[key]
	if !ok {
		return nil
	}
	e := el.Value.(*facetEntry)
	if e.gen != gen {
		c.ll.Remove(el)
		delete(c.entries, key)
		return nil
	}
	c.ll.MoveToFront(el)
	return e.facets
}

func (c *facetCache) put(key string, gen uint64, facets map[string][]FacetTerm) {
	if c == nil || key == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[key]; ok {
		el.Value = &facetEntry{key, gen, facets}
		c.ll.MoveToFront(el)
		return
	}
	c.entries[key] = c.ll.PushFront(&facetEntry{key, gen, facets})
	for c.ll.Len() > c.max {
		last := c.ll.Back()
		c.ll.Remove(last)
		delete(c.entries, last.Value.(*facetEntry).key)
	}
}

// facetKey identifies a query for the cache; "" (never cached) when the
// query cannot be serialised.
func facetKey(q query.Query, size int) string {
	b, err := json.Marshal(q)
	if err != nil {
		return ""
	}
	return strconv.Itoa(size) + "|" + string(b)
}
