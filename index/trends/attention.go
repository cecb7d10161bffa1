package trends

import (
	"context"
	"errors"
	"fmt"
)

// Attention is "attention over time" for free queries, side by side: per
// year the meetings (after the filter) and, per query, the meetings that
// match it and their share of the year (percent).
type Attention struct {
	Years          []int        `json:"years"`
	MeetingsByYear map[int]int  `json:"meetings_by_year"`
	Series         []QuerySerie `json:"series"`
}

// QuerySerie is one query's counts per year.
type QuerySerie struct {
	Query       string          `json:"query"`
	DocsByYear  map[int]int     `json:"docs_by_year"`
	ShareByYear map[int]float64 `json:"share_by_year"`
	Total       int             `json:"total"`
}

// ErrNoQuery is returned by AttentionOver without queries.
var ErrNoQuery = errors.New("trends: no query")

// AttentionOver counts, per year, the meetings matching each query within
// the filter (one YearCounts request per query plus one for the base).
// The filter's Query, if any, narrows every series.
func AttentionOver(ctx context.Context, ix Counter, queries []string, f Filter) (*Attention, error) {
	if len(queries) == 0 {
		return nil, ErrNoQuery
	}
	base := f.Request()
	meetings, err := ix.YearCounts(ctx, base)
	if err != nil {
		return nil, fmt.Errorf("trends: meetings per year: %w", err)
	}
	years := f.years(meetings)
	out := &Attention{Years: years, MeetingsByYear: make(map[int]int, len(years))}
	for _, y := range years {
		out.MeetingsByYear[y] = meetings[y]
	}
	for _, q := range queries {
		req := base
		req.Query = joinQuery(f.Query, q)
		counts, err := ix.YearCounts(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("trends: query %q: %w", q, err)
		}
		s := QuerySerie{Query: q, DocsByYear: make(map[int]int, len(years)), ShareByYear: make(map[int]float64, len(years))}
		for _, y := range years {
			d := counts[y]
			s.DocsByYear[y] = d
			s.Total += d
			if n := meetings[y]; n > 0 {
				s.ShareByYear[y] = round(100*float64(d)/float64(n), 2)
			} else {
				s.ShareByYear[y] = 0
			}
		}
		out.Series = append(out.Series, s)
	}
	return out, nil
}

// joinQuery ANDs a base query with a series query: the index query syntax
// has no AND keyword, but bare clauses are required, so a space joins them.
func joinQuery(base, q string) string {
	switch {
	case base == "":
		return q
	case q == "":
		return base
	}
	return base + " " + q
}
