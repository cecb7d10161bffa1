package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"meetscan/analysis/recurring"
	"meetscan/data"
	"meetscan/index"
	"meetscan/index/report"
	"meetscan/index/trends"
)

// badQuery marks err as the user's mistake while keeping its message.
type badQuery struct{ err error }

func (e badQuery) Error() string        { return e.err.Error() }
func (e badQuery) Unwrap() error        { return e.err }
func (e badQuery) Is(target error) bool { return target == ErrBadQuery }

// BadQuery marks err as a request the user must fix (answered 400 with its
// message). Adapters use it for their parsers' errors.
func BadQuery(err error) error {
	if err == nil {
		return nil
	}
	return badQuery{err}
}

// userErr maps the index's and trends' user-facing errors to ErrBadQuery.
func userErr(err error) error {
	if errors.Is(err, index.ErrBadQuery) || errors.Is(err, trends.ErrNoTerm) || errors.Is(err, trends.ErrNoQuery) {
		return BadQuery(err)
	}
	return err
}

// IndexSearcher adapts *index.Index to Searcher.
type IndexSearcher struct {
	Index     *index.Index
	FacetSize int // values per facet (default 12)
}

// indexRequest converts the web filter; year ranges become date bounds on
// the meeting date (else published date), as the index filters them.
func indexRequest(q string, f Filter) index.Request {
	req := index.Request{Query: q, Year: f.Year, Org: f.Org, Person: f.Person, Theme: f.Theme, Type: f.Type, Lang: f.Lang}
	if f.From != 0 {
		req.From = time.Date(f.From, 1, 1, 0, 0, 0, 0, data.Shanghai)
	}
	if f.To != 0 {
		req.To = time.Date(f.To, 12, 31, 0, 0, 0, 0, data.Shanghai)
	}
	return req
}

// Search implements Searcher.
func (s IndexSearcher) Search(ctx context.Context, r SearchRequest) (*SearchResult, error) {
	req := indexRequest(r.Query, r.Filter)
	req.Sort, req.Limit, req.Offset = r.Sort, r.Limit, r.Offset
	req.Facets, req.FacetSize = true, s.FacetSize
	if req.FacetSize == 0 {
		req.FacetSize = 12
	}
	res, err := s.Index.Search(ctx, req)
	if err != nil {
		return nil, userErr(err)
	}
	out := &SearchResult{Total: res.Total, Hits: make([]Hit, len(res.Hits)), Facets: map[string][]FacetCount{}, Took: res.Took}
	for i, h := range res.Hits {
		out.Hits[i] = Hit{ID: h.ID, URL: h.URL, Title: h.Title, Published: h.Published, MeetingDate: h.MeetingDate,
			Org: h.Org, MeetingType: h.MeetingType, Year: h.Year, Lang: h.Lang, Score: h.Score, TitleHTML: h.TitleHTML, Snippets: h.Snippets}
		if len(out.Hits[i].Published) > 10 {
			out.Hits[i].Published = out.Hits[i].Published[:10]
		}
	}
	for name, terms := range res.Facets {
		fc := make([]FacetCount, len(terms))
		for i, t := range terms {
			fc[i] = FacetCount{Value: t.Term, Count: t.Count}
		}
		out.Facets[name] = fc
	}
	for _, t := range res.CrossLingual {
		out.QueryThemes = append(out.QueryThemes, Theme(t))
	}
	return out, nil
}

// IndexTrends adapts package trends over the index (and the store, for
// keyword-in-context lines) to Trender and Contexter.
type IndexTrends struct {
	Index    *index.Index
	Articles trends.ArticleLoader
	Themes   []Theme // every taxonomy theme, so unmentioned ones get a row
	Options  trends.Options
	// TermStop lists words the terms view never reports.
	TermStop map[string]bool
}

func trendFilter(f Filter) trends.Filter {
	tf := trends.Filter{From: f.From, To: f.To, Org: f.Org, Type: f.Type, Lang: f.Lang, Person: f.Person, Theme: f.Theme}
	if f.Year != 0 {
		tf.From, tf.To = f.Year, f.Year
	}
	return tf
}

// Trends implements Trender.
func (t IndexTrends) Trends(ctx context.Context, req TrendRequest) (*Trends, error) {
	f := trendFilter(req.Filter)
	var res *trends.Result
	var err error
	if req.By == "term" {
		res, err = trends.Terms(ctx, t.Index, f, trends.TermOptions{Options: t.Options, Stop: t.TermStop})
	} else {
		themes := make([]trends.Theme, len(t.Themes))
		for i, th := range t.Themes {
			themes[i] = trends.Theme{ID: th.ID, LabelEN: th.LabelEN, LabelZH: th.LabelZH}
		}
		res, err = trends.Themes(ctx, t.Index, f, themes, t.Options)
	}
	if err != nil {
		return nil, userErr(err)
	}
	out := &Trends{Years: res.Years, MeetingsByYear: res.MeetingsByYear, Rows: make([]TrendRow, len(res.Themes))}
	for i, r := range res.Themes {
		out.Rows[i] = TrendRow{ID: r.ID, LabelEN: r.LabelEN, LabelZH: r.LabelZH, DocsByYear: r.DocsByYear,
			ShareByYear: r.ShareByYear, Change: r.Change, G2: r.G2, P: r.P, Trend: r.Trend}
	}
	return out, nil
}

// QueryTrends implements Trender.
func (t IndexTrends) QueryTrends(ctx context.Context, queries []string, f Filter) (*QueryTrends, error) {
	res, err := trends.AttentionOver(ctx, t.Index, queries, trendFilter(f))
	if err != nil {
		return nil, userErr(err)
	}
	out := &QueryTrends{Years: res.Years, MeetingsByYear: res.MeetingsByYear, Series: make([]QuerySeries, len(res.Series))}
	for i, s := range res.Series {
		out.Series[i] = QuerySeries{Query: s.Query, DocsByYear: s.DocsByYear, ShareByYear: s.ShareByYear}
	}
	return out, nil
}

// Context implements Contexter.
func (t IndexTrends) Context(ctx context.Context, req ContextRequest) ([]KWICLine, error) {
	if t.Articles == nil {
		return nil, errUnavailable
	}
	lines, err := trends.Context(ctx, t.Index, t.Articles, req.Term, trendFilter(req.Filter), trends.ContextOptions{Limit: req.Limit})
	if err != nil {
		return nil, userErr(err)
	}
	out := make([]KWICLine, len(lines))
	for i, l := range lines {
		out[i] = KWICLine{ArticleID: l.ArticleID, URL: l.URL, Title: l.Title, Year: l.Year, Org: l.Org, Left: l.Left, Match: l.Match, Right: l.Right}
	}
	return out, nil
}

var (
	_ Searcher  = IndexSearcher{}
	_ Trender   = IndexTrends{}
	_ Contexter = IndexTrends{}
)

// StoreRequirements adapts package recurring over the store to
// RequirementGrouper. Grouping reads every stored requirement, so results
// are cached per filter for TTL (default 5 minutes); one computation runs
// at a time and concurrent requests for the same filter share it.
type StoreRequirements struct {
	Store     recurring.Eacher
	Tokenizer recurring.Tokenizer
	Options   recurring.Options
	TTL       time.Duration

	mu    sync.Mutex
	cache map[RequirementFilter]cachedGroups
}

type cachedGroups struct {
	at     time.Time
	groups []RequirementGroup
}

// Groups implements RequirementGrouper.
func (s *StoreRequirements) Groups(ctx context.Context, f RequirementFilter) ([]RequirementGroup, error) {
	ttl := s.TTL
	if ttl == 0 {
		ttl = 5 * time.Minute
	}
	key := f
	key.Limit = 0
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.cache[key]; ok && time.Since(c.at) < ttl {
		return limitGroups(c.groups, f.Limit), nil
	}
	opt := s.Options
	opt.MinYears = max(f.MinYears, 1)
	if opt.MaxMembers == 0 {
		opt.MaxMembers = 100
	}
	groups, err := recurring.FromStore(ctx, s.Store, s.Tokenizer, recurring.Filter{From: f.From, To: f.To, Org: f.Org}, opt)
	if err != nil {
		return nil, fmt.Errorf("recurring requirements: %w", err)
	}
	out := make([]RequirementGroup, len(groups))
	for i, g := range groups {
		rg := RequirementGroup{Representative: g.Text, Count: g.Count, Years: g.Years, Orgs: g.Orgs, Speakers: g.Speakers,
			Themes: g.Themes, FirstSeen: g.FirstSeen, LastSeen: g.LastSeen, Members: make([]RequirementMember, len(g.Members))}
		for j, m := range g.Members {
			rg.Members[j] = RequirementMember{ArticleID: m.ArticleID, Title: m.Title, URL: m.URL, Org: m.Org, Date: m.Date, Year: m.Year, Speaker: m.Speaker, Text: m.Text}
		}
		out[i] = rg
	}
	if s.cache == nil || len(s.cache) > 64 {
		s.cache = map[RequirementFilter]cachedGroups{}
	}
	s.cache[key] = cachedGroups{at: time.Now(), groups: out}
	return limitGroups(out, f.Limit), nil
}

func limitGroups(gs []RequirementGroup, n int) []RequirementGroup {
	if n > 0 && len(gs) > n {
		return gs[:n]
	}
	return gs
}

var _ RequirementGrouper = (*StoreRequirements)(nil)

// StoreReports adapts package report to Reporter: it streams the store
// once per report.
type StoreReports struct {
	Store     recurring.Eacher
	Tokenizer recurring.Tokenizer
	Options   report.Options // From, To and Org are set per request
}

// Report implements Reporter.
func (s StoreReports) Report(ctx context.Context, req ReportRequest, w io.Writer) error {
	opt := s.Options
	opt.From, opt.To = req.From, req.To
	r, err := report.Build(ctx, s.Store, s.Tokenizer, opt)
	if errors.Is(err, report.ErrPeriod) {
		return BadQuery(err)
	}
	if err != nil {
		return fmt.Errorf("report %d-%d: %w", req.From, req.To, err)
	}
	if req.Format == "md" {
		return r.WriteMarkdown(w)
	}
	return r.WriteHTML(w)
}

var _ Reporter = StoreReports{}
