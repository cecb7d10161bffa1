// Package report builds a periodic trend report for a year or a range of
// years: an overview (meetings per year, organisation, meeting type), the
// themes with their year-over-year chart, rising / falling / new themes,
// recurring requirements, requirements new in the period and the most
// active presiding leaders. Every figure links to its source articles.
//
// Build streams the store once (nothing but counters, a few links per
// figure and the requirement grouper's compact state is kept); WriteHTML
// writes one self-contained page with inline CSS and SVG charts that opens
// offline, WriteMarkdown a version for pasting into documents.
package report

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"meetscan/analysis/recurring"
	"meetscan/data"
	"meetscan/index/trends"
)

// Options choose the period and the size of the report.
type Options struct {
	From, To int    // inclusive years of the period; From == To for one year
	Org      string // only this organisation (as recurring.Org reports it)
	Title    string // default "Meeting trends 2023" / "Meeting trends 2019–2024"
	// Top is the number of rows per table (default 10); Links the number
	// of source links per figure (default 5); SourcesPerYear the articles
	// listed per year in the sources appendix (default 30).
	Top, Links, SourcesPerYear int
	// Trend options for the theme table (defaults of trends.Compute).
	Trends trends.Options
	// Recurring options for grouping requirements (MaxMembers is set to
	// Links when zero).
	Recurring recurring.Options
	// Now stamps the report (default time.Now()).
	Now time.Time
}

// ErrPeriod is returned for a missing or reversed period.
var ErrPeriod = errors.New("report: need a year or a from-to range")

// Link points to a source article.
type Link struct {
	Title string `json:"title"`
	URL   string `json:"url"`
	Date  string `json:"date"`
	Org   string `json:"org,omitempty"`
}

// Count is a labelled count with its source links.
type Count struct {
	Key   string   `json:"key"`
	Label string   `json:"label"`
	Count int      `json:"count"`
	Extra []string `json:"extra,omitempty"` // e.g. a leader's organisations
	Links []Link   `json:"links"`
}

// YearSources are the articles of one year, for the appendix.
type YearSources struct {
	Year  int    `json:"year"`
	Count int    `json:"count"`
	Links []Link `json:"links"`
}

// Report is everything a report shows; WriteHTML and WriteMarkdown render
// it, and its JSON is the web API's.
type Report struct {
	Title     string    `json:"title"`
	From      int       `json:"from"`
	To        int       `json:"to"`
	Org       string    `json:"org,omitempty"`
	Generated time.Time `json:"generated"`

	Meetings       int     `json:"meetings"` // in the period
	MeetingsByYear []Count `json:"meetings_by_year"`
	Orgs           []Count `json:"orgs"`   // top organisations in the period
	NOrgs          int     `json:"n_orgs"` // distinct organisations
	Types          []Count `json:"types"`

	// Themes compares the years of the period (and, for a one-year report,
	// the year before it).
	Themes       *trends.Result    `json:"themes"`
	ThemeLinks   map[string][]Link `json:"theme_links"` // theme id -> latest articles in the period
	Rising       []trends.Trend    `json:"rising"`
	Falling      []trends.Trend    `json:"falling"`
	New          []trends.Trend    `json:"new"`
	Gone         []trends.Trend    `json:"gone"`
	Recurring    []recurring.Group `json:"recurring"`
	NewReqs      []recurring.Group `json:"new_requirements"`
	Leaders      []Count           `json:"leaders"`
	Sources      []YearSources     `json:"sources"`
	Requirements int               `json:"requirements"` // requirements in the period
	// NewSince is the first year of "new" requirements: the start of the
	// period when the store holds earlier meetings to compare with, else
	// the last year of the period.
	NewSince int `json:"new_since"`
}

func (o Options) withDefaults() (Options, error) {
	if o.From == 0 && o.To == 0 {
		return o, ErrPeriod
	}
	if o.From == 0 {
		o.From = o.To
	}
	if o.To == 0 {
		o.To = o.From
	}
	if o.From > o.To {
		return o, fmt.Errorf("%w: %d > %d", ErrPeriod, o.From, o.To)
	}
	if o.Top <= 0 {
		o.Top = 10
	}
	if o.Links <= 0 {
		o.Links = 5
	}
	if o.SourcesPerYear <= 0 {
		o.SourcesPerYear = 30
	}
	if o.Recurring.MaxMembers == 0 {
		o.Recurring.MaxMembers = o.Links
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.Title == "" {
		if o.From == o.To {
			o.Title = fmt.Sprintf("会议趋势报告 Meeting trends %d", o.From)
		} else {
			o.Title = fmt.Sprintf("会议趋势报告 Meeting trends %d–%d", o.From, o.To)
		}
	}
	return o, nil
}

// linkList keeps the latest n links (by date, then URL) of a figure.
type linkList struct {
	n     int
	links []Link
}

func (l *linkList) add(k Link) {
	l.links = append(l.links, k)
	if len(l.links) > 4*l.n+16 {
		l.trim()
	}
}

func (l *linkList) trim() {
	sort.SliceStable(l.links, func(i, j int) bool {
		if l.links[i].Date != l.links[j].Date {
			return l.links[i].Date > l.links[j].Date
		}
		return l.links[i].URL < l.links[j].URL
	})
	if len(l.links) > l.n {
		l.links = l.links[:l.n]
	}
}

func (l *linkList) list() []Link {
	l.trim()
	return append([]Link(nil), l.links...)
}

type counter struct {
	n     int
	label string
	extra map[string]bool
	links linkList
}

type counters struct {
	m     map[string]*counter
	links int
}

func newCounters(links int) *counters { return &counters{m: map[string]*counter{}, links: links} }

func (c *counters) add(key, label string, k Link, extra string) {
	if key == "" {
		return
	}
	x := c.m[key]
	if x == nil {
		x = &counter{label: label, extra: map[string]bool{}, links: linkList{n: c.links}}
		c.m[key] = x
	}
	x.n++
	if extra != "" {
		x.extra[extra] = true
	}
	x.links.add(k)
}

// top returns the n largest counts (all when n <= 0), ties by key.
func (c *counters) top(n int) []Count {
	out := make([]Count, 0, len(c.m))
	for k, x := range c.m {
		cnt := Count{Key: k, Label: x.label, Count: x.n, Links: x.links.list()}
		for e := range x.extra {
			cnt.Extra = append(cnt.Extra, e)
		}
		sort.Strings(cnt.Extra)
		out = append(out, cnt)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// Build streams the store once and computes the report. Requirements of
// every year up to the end of the period are grouped, so that a
// requirement is "new" only when no earlier meeting put it forward.
func Build(ctx context.Context, src recurring.Eacher, tok recurring.Tokenizer, opt Options) (*Report, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	first := opt.From
	if opt.From == opt.To {
		first = opt.From - 1 // a one-year report compares with the year before
	}
	years := trends.Years(first, opt.To)

	perYear := map[int]int{}
	themeDocs := map[string]map[int]int{}
	labels := map[string][2]string{}
	themeLinks := map[string]*linkList{}
	orgs, types, leaders := newCounters(opt.Links), newCounters(opt.Links), newCounters(opt.Links)
	yearLinks := map[int]*linkList{}
	g := recurring.New(tok, opt.Recurring)
	nreq := 0
	earlier := false
	inPeriod := func(y int) bool { return y >= opt.From && y <= opt.To }

	err = src.Each(ctx, func(a *data.Article, an *data.Analysis) error {
		y := data.CountYear(a, an)
		if y == 0 || y > opt.To {
			return nil
		}
		org := recurring.Org(a, an)
		if opt.Org != "" && org != opt.Org {
			return nil
		}
		if y < opt.From {
			earlier = true
		}
		link := Link{Title: a.Title, URL: a.URL, Date: recurring.Date(a, an), Org: org}
		if an != nil {
			for _, r := range an.Requirements {
				sp := r.Speaker
				if sp == "" {
					sp = an.Speaker
				}
				g.Add(recurring.Record{ArticleID: a.ID, URL: a.URL, Title: a.Title, Year: y, Date: link.Date,
					Org: org, Speaker: sp, Text: r.Text, Themes: r.Themes})
				if inPeriod(y) {
					nreq++
				}
			}
		}
		if y < first {
			return nil
		}
		perYear[y]++
		if an != nil {
			for _, th := range an.Themes {
				m := themeDocs[th.ID]
				if m == nil {
					m = map[int]int{}
					themeDocs[th.ID] = m
				}
				m[y]++
				if _, ok := labels[th.ID]; !ok {
					labels[th.ID] = [2]string{th.LabelEN, th.LabelZH}
				}
				if inPeriod(y) {
					l := themeLinks[th.ID]
					if l == nil {
						l = &linkList{n: opt.Links}
						themeLinks[th.ID] = l
					}
					l.add(link)
				}
			}
		}
		if !inPeriod(y) {
			return nil
		}
		yl := yearLinks[y]
		if yl == nil {
			yl = &linkList{n: opt.SourcesPerYear}
			yearLinks[y] = yl
		}
		yl.add(link)
		orgs.add(org, org, link, "")
		if an != nil {
			types.add(an.MeetingType, an.MeetingType, link, "")
			leaders.add(an.Speaker, an.Speaker, link, org)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("report: read store: %w", err)
	}

	r := &Report{Title: opt.Title, From: opt.From, To: opt.To, Org: opt.Org, Generated: opt.Now, Requirements: nreq}
	for _, y := range trends.Years(opt.From, opt.To) {
		r.Meetings += perYear[y]
		var links []Link
		if yl := yearLinks[y]; yl != nil {
			links = yl.list()
		}
		r.MeetingsByYear = append(r.MeetingsByYear, Count{Key: fmt.Sprint(y), Label: fmt.Sprint(y), Count: perYear[y], Links: firstN(links, opt.Links)})
		r.Sources = append(r.Sources, YearSources{Year: y, Count: perYear[y], Links: links})
	}
	r.NOrgs = len(orgs.m)
	r.Orgs = orgs.top(opt.Top)
	r.Types = types.top(0)
	r.Leaders = leaders.top(opt.Top)

	tab := trends.Table{Years: years, Meetings: perYear, Docs: themeDocs, Labels: labels}
	if r.Themes, err = trends.Compute(tab, opt.Trends); err != nil {
		return nil, err
	}
	r.Themes.By = "theme"
	r.ThemeLinks = map[string][]Link{}
	for id, l := range themeLinks {
		r.ThemeLinks[id] = l.list()
	}
	for _, t := range r.Themes.Themes {
		switch t.Trend {
		case trends.Rising:
			r.Rising = append(r.Rising, t)
		case trends.Falling:
			r.Falling = append(r.Falling, t)
		case trends.New:
			r.New = append(r.New, t)
		case trends.Gone:
			r.Gone = append(r.Gone, t)
		}
	}

	groups, err := g.Groups(ctx)
	if err != nil {
		return nil, err
	}
	r.NewSince = opt.From
	if !earlier {
		r.NewSince = opt.To
	}
	firstYear := fmt.Sprint(r.NewSince)
	var fresh []recurring.Group
	for _, gr := range groups {
		inside := false
		for _, y := range gr.Years {
			if inPeriod(y) {
				inside = true
				break
			}
		}
		if !inside {
			continue
		}
		if len(r.Recurring) < opt.Top {
			r.Recurring = append(r.Recurring, gr)
		}
		if gr.FirstSeen >= firstYear {
			fresh = append(fresh, gr)
		}
	}
	sort.SliceStable(fresh, func(i, j int) bool { return fresh[i].Count > fresh[j].Count })
	r.NewReqs = firstN(fresh, opt.Top)
	return r, nil
}

func firstN[T any](l []T, n int) []T {
	if len(l) > n {
		return l[:n]
	}
	return l
}
