package trends

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"meetscan/index"
)

// Counter is what trends needs from the index: documents per year and
// per-year facets, for a filtered request. *index.Index satisfies it.
type Counter interface {
	YearCounts(ctx context.Context, req index.Request) (map[int]int, error)
	FacetByYear(ctx context.Context, req index.Request, facet string, size int) (map[int][]index.FacetTerm, error)
}

// Filter narrows the meetings counted. Years are meeting years as the index
// records them (period year, else meeting date, else published date).
type Filter struct {
	From, To int    // inclusive; 0 = the first (last) year present
	Org      string // exact organisation
	Type     string // meeting type (data.Meeting*)
	Lang     string // zh, en, mixed
	Person   string // exact person name
	Theme    string // only meetings tagged with this theme id
	Query    string // only meetings matching this query (index syntax)
}

// Request is the index request for the filter (years are applied to the
// per-year counts, not to the request, so that a meeting counts in the year
// the index files it under).
func (f Filter) Request() index.Request {
	return index.Request{Query: f.Query, Org: f.Org, Type: f.Type, Lang: f.Lang, Person: f.Person, Theme: f.Theme}
}

// years returns the years of the filter's range, using the years present in
// counts for open ends. Year 0 (unknown) is never a year of the range.
func (f Filter) years(counts map[int]int) []int {
	lo, hi := f.From, f.To
	if lo == 0 || hi == 0 {
		var present []int
		for y, n := range counts {
			if y > 0 && n > 0 && (f.From == 0 || y >= f.From) && (f.To == 0 || y <= f.To) {
				present = append(present, y)
			}
		}
		if len(present) == 0 {
			if lo != 0 && hi == 0 {
				return []int{lo}
			}
			if hi != 0 && lo == 0 {
				return []int{hi}
			}
			return nil
		}
		sort.Ints(present)
		if lo == 0 {
			lo = present[0]
		}
		if hi == 0 {
			hi = present[len(present)-1]
		}
	}
	return Years(lo, hi)
}

// Theme describes a taxonomy theme for labels; themes listed but never
// mentioned still get a (steady, zero) row.
type Theme struct {
	ID, LabelEN, LabelZH string
}

// maxFacet is the facet size asked for per year. Themes are a controlled
// vocabulary of a few dozen ids, so every one is returned; for terms the
// per-year list is cut at this size (see Terms).
const (
	maxThemeFacet = 10000
	defaultTerms  = 3000
)

// Themes computes the year-over-year table of taxonomy themes from the
// index: one YearCounts request and one FacetByYear request on the theme
// facet, whatever the size of the corpus.
func Themes(ctx context.Context, ix Counter, f Filter, themes []Theme, opt Options) (*Result, error) {
	t, err := table(ctx, ix, f, index.FacetTheme, maxThemeFacet)
	if err != nil {
		return nil, err
	}
	t.Labels = make(map[string][2]string, len(themes))
	for _, th := range themes {
		t.Labels[th.ID] = [2]string{th.LabelEN, th.LabelZH}
		if _, ok := t.Docs[th.ID]; !ok {
			t.Docs[th.ID] = map[int]int{}
		}
	}
	res, err := Compute(t.Table, opt)
	if err != nil {
		return nil, err
	}
	res.By = "theme"
	return res, nil
}

// TermOptions tune Terms.
type TermOptions struct {
	Options
	// PerYear is the number of most frequent terms fetched per year
	// (default 3000). A term below that cut in a year counts 0 there;
	// terms that never rise above the largest cut are dropped as
	// unreliable.
	PerYear int
	// Stop lists words never reported (stop words, boilerplate). Taxonomy
	// terms may be added to show only vocabulary outside the taxonomy.
	Stop map[string]bool
}

// Terms computes the same table over segmented terms (the per-article
// keywords the index facets), stop words removed, with a Bonferroni
// correction of the significance level because thousands of terms are
// tested at once.
func Terms(ctx context.Context, ix Counter, f Filter, opt TermOptions) (*Result, error) {
	if opt.PerYear <= 0 {
		opt.PerYear = defaultTerms
	}
	t, err := table(ctx, ix, f, index.FacetKeyword, opt.PerYear)
	if err != nil {
		return nil, err
	}
	for term := range t.Docs {
		if opt.Stop[strings.ToLower(term)] || !isWordy(term) {
			delete(t.Docs, term)
		}
	}
	// Drop terms whose counts are not known well enough: when a year's
	// list was cut, terms below the cut read as 0 there.
	cut := 0
	for _, n := range t.cutoff {
		cut = max(cut, n)
	}
	if cut > 0 {
		for term, byYear := range t.Docs {
			m := 0
			for _, n := range byYear {
				m = max(m, n)
			}
			if m <= cut {
				delete(t.Docs, term)
			}
		}
	}
	o := opt.Options
	o.Bonferroni = true
	res, err := Compute(t.Table, o)
	if err != nil {
		return nil, err
	}
	res.By = "term"
	return res, nil
}

// isWordy rejects facet terms that are only digits or punctuation.
func isWordy(s string) bool {
	for _, r := range s {
		if r >= 0x3400 || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') {
			return true
		}
	}
	return false
}

type countTable struct {
	Table
	cutoff map[int]int // year -> smallest count in a list cut at size
}

func table(ctx context.Context, ix Counter, f Filter, facet string, size int) (*countTable, error) {
	req := f.Request()
	meetings, err := ix.YearCounts(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("trends: meetings per year: %w", err)
	}
	years := f.years(meetings)
	byYear, err := ix.FacetByYear(ctx, req, facet, size)
	if err != nil {
		return nil, fmt.Errorf("trends: %s facet per year: %w", facet, err)
	}
	t := &countTable{
		Table:  Table{Years: years, Meetings: make(map[int]int, len(years)), Docs: map[string]map[int]int{}},
		cutoff: map[int]int{},
	}
	in := make(map[int]bool, len(years))
	for _, y := range years {
		in[y] = true
		t.Meetings[y] = meetings[y]
	}
	for y, terms := range byYear {
		if !in[y] {
			continue
		}
		if len(terms) >= size && len(terms) > 0 {
			low := terms[0].Count
			for _, ft := range terms {
				low = min(low, ft.Count)
			}
			t.cutoff[y] = low
		}
		for _, ft := range terms {
			m := t.Docs[ft.Term]
			if m == nil {
				m = map[int]int{}
				t.Docs[ft.Term] = m
			}
			m[y] += ft.Count
		}
	}
	return t, nil
}
