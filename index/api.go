// Package index is meetscan's full-text index: a bleve (scorch) index in
// DataDir/index with a gse-backed Chinese/English analyzer, filters and
// facets for search, and the per-year counts that trends and reports need.
//
// One process at a time holds an index: Open takes an flock on
// DIR.lock and returns an error matching ErrLocked at once when another
// process has it, instead of blocking inside bbolt.
//
// The exported API of this file is stable; trends, web and the CLI code
// against it.
package index

import (
	"context"
	"errors"
	"time"

	"meetscan/analysis/taxonomy"
	"meetscan/data"
)

var (
	// ErrLocked is returned by Open when another process holds the index.
	// The concrete error is a *LockedError saying which process.
	ErrLocked = errors.New("index is in use by another meetscan process")
	// ErrVersionMismatch is returned by Open when the index was built with
	// another analyzer, tokenizer or taxonomy version.
	ErrVersionMismatch = errors.New("index was built with another analyzer or taxonomy version; run `meetscan index --rebuild`")
	// ErrBadQuery wraps a query-string syntax error; the message is the
	// parser's.
	ErrBadQuery = errors.New("bad query")
	// ErrClosed is returned by methods of a closed Index.
	ErrClosed = errors.New("index is closed")
)

// Config configures Open.
type Config struct {
	// UserDict is the full user-dictionary text (analysis.Analyzer.UserDict);
	// the gse segmenter for it is loaded once per process.
	UserDict string
	// Taxonomy names themes in queries (cross-lingual search) and its
	// version is recorded in the index; may be nil.
	Taxonomy *taxonomy.Taxonomy
	// AnalyzerVersion is analysis.Analyzer.Version(); recorded in the index.
	AnalyzerVersion string
	// IgnoreVersion opens an index whose recorded versions differ from this
	// config (Stale then reports true); used to rebuild it in place.
	IgnoreVersion bool
	// Owner is written into the lock file so that a second process can say
	// who holds the index (e.g. "meetscan serve on http://127.0.0.1:8080").
	Owner string
}

// Doc is one article to index with its analysis (Analysis may be nil).
type Doc struct {
	Article  *data.Article
	Analysis *data.Analysis
}

// DocSource streams documents for Rebuild: it calls yield for every
// document and stops at the first error yield returns. data.Store.Each fits:
//
//	func(ctx context.Context, yield func(index.Doc) error) error {
//		return store.Each(ctx, func(a *data.Article, an *data.Analysis) error {
//			return yield(index.Doc{Article: a, Analysis: an})
//		})
//	}
type DocSource func(ctx context.Context, yield func(Doc) error) error

// Sort orders.
const (
	SortRelevance = "relevance" // score, then newest
	SortDate      = "date"      // newest first
	SortDateAsc   = "oldest"    // oldest first
)

// Facet names in Result.Facets and for FacetTerms.
const (
	FacetYear   = "year"
	FacetOrg    = "org"
	FacetTheme  = "theme"
	FacetType   = "type"
	FacetPerson = "person"
	FacetLang   = "lang"
	// FacetKeyword facets the per-article top keywords (analysis
	// Keywords), the vocabulary behind `trends --by term`.
	FacetKeyword = "keyword"
)

// Request is a search. Zero values mean "no filter".
type Request struct {
	// Query in query-string syntax: words, "phrases", +must, -mustnot,
	// field:value (fields: title, body, org, person, role, theme, type,
	// lang, year, req, url; year:>=2020 style comparisons). Bare words are
	// ANDed; a bare Chinese run like 全面从严治党 requires each of its words.
	// Empty matches every article.
	Query  string
	Year   int       // meeting year (period year, else published year)
	From   time.Time // meeting date (else published) on or after From
	To     time.Time // ... on or before To (a whole day when To is midnight)
	Org    string    // organisation unit (its name with or without 党委/党工委/…, see meeting.OrgUnit)
	Person string    // exact person name
	Theme  string    // theme id
	Type   string    // meeting type (data.Meeting*)
	Lang   string    // zh, en, mixed
	Sort   string    // SortRelevance (default), SortDate, SortDateAsc
	Limit  int       // hits to return; 0 = 10, at most 1000
	Offset int       // hits to skip; Offset+Limit at most 10000
	// Facets asks for year, org, theme, type, person and lang counts.
	Facets    bool
	FacetSize int // terms per facet; 0 = 10 (year: all years)
	// NoSnippets skips highlighting (faster; Each never highlights).
	NoSnippets bool
	// Exact turns off partial matches (see Result.Partial).
	Exact bool
}

// Result of a search.
type Result struct {
	Total int   `json:"total"`
	Hits  []Hit `json:"hits"`
	// Partial counts the articles that match only some words of the query
	// (for 述职评议: 述职 or 评议, not the whole word). When a relevance-
	// sorted page has room after the Total full matches, it is filled with
	// these, marked Hit.Partial, best first. Total, facets, Each and the
	// counts never include them.
	Partial int `json:"partial,omitempty"`
	// Facets by facet name (FacetYear...), most frequent first; years
	// newest first.
	Facets map[string][]FacetTerm `json:"facets,omitempty"`
	// CrossLingual lists the themes the query named (in Chinese or
	// English) whose theme ids were ORed into the query, so that articles
	// tagged with them in the other language match too.
	CrossLingual []ThemeRef    `json:"cross_lingual,omitempty"`
	Took         time.Duration `json:"-"`
}

// Hit is one matching article as a result list shows it.
type Hit struct {
	ID          string  `json:"id"`
	URL         string  `json:"url"`
	Title       string  `json:"title"`
	Published   string  `json:"published"`    // "2006-01-02" or RFC 3339, "" unknown
	MeetingDate string  `json:"meeting_date"` // as in data.Analysis
	Year        int     `json:"year,omitempty"`
	Org         string  `json:"org"`
	MeetingType string  `json:"meeting_type"`
	Lang        string  `json:"lang,omitempty"`
	Score       float64 `json:"score"`
	// TitleHTML is the title HTML-escaped, matches in <mark>.
	TitleHTML string `json:"title_html,omitempty"`
	// Snippets are body fragments, HTML-escaped, matches in <mark>.
	Snippets []string `json:"snippets"`
	// Partial marks a hit that matches only some words of the query.
	Partial bool `json:"partial,omitempty"`
}

// FacetTerm is one facet value and the number of matching articles.
type FacetTerm struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

// ThemeRef names a taxonomy theme.
type ThemeRef struct {
	ID      string `json:"id"`
	LabelEN string `json:"label_en"`
	LabelZH string `json:"label_zh"`
}

// LockedError is the error Open returns when another process holds the
// index; errors.Is(err, ErrLocked) is true.
type LockedError struct {
	Dir   string
	PID   int    // 0 when unknown
	Owner string // Config.Owner of the holder, "" when not given
}

// Counts returns the facets as term -> count maps (the --json shape).
func (r *Result) Counts() map[string]map[string]int {
	out := make(map[string]map[string]int, len(r.Facets))
	for name, terms := range r.Facets {
		m := make(map[string]int, len(terms))
		for _, t := range terms {
			m[t.Term] = t.Count
		}
		out[name] = m
	}
	return out
}

// Methods of *Index (implemented in index.go, search.go, facets.go,
// datesort.go, rebuild.go):
//
//	func Open(dir string, cfg Config) (*Index, error)
//	func (ix *Index) Close() error
//	func (ix *Index) Dir() string
//	func (ix *Index) Stale() bool                       // versions differ (IgnoreVersion)
//	func (ix *Index) SetOwner(owner string)             // shown to other processes in LockedError
//	func (ix *Index) Add(ctx context.Context, docs []Doc) error
//	func (ix *Index) Delete(ctx context.Context, ids ...string) error
//	func (ix *Index) Count() (int, error)
//	func (ix *Index) Search(ctx context.Context, req Request) (*Result, error)
//	func (ix *Index) Each(ctx context.Context, req Request, fn func(Hit) error) error
//	func (ix *Index) YearCounts(ctx context.Context, req Request) (map[int]int, error)
//	func (ix *Index) FacetTerms(ctx context.Context, req Request, facet string, size int) ([]FacetTerm, int, error)
//	func (ix *Index) FacetByYear(ctx context.Context, req Request, facet string, size int) (map[int][]FacetTerm, error)
//	func (ix *Index) Rebuild(ctx context.Context, src DocSource, progress func(done int)) error
//	func Rebuild(ctx context.Context, dir string, cfg Config, src DocSource, progress func(done int)) error
//	func ParseDateBound(s string, end bool) (time.Time, error)
