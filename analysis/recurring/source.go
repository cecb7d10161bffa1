package recurring

import (
	"context"
	"meetscan/analysis/meeting"
	"time"

	"meetscan/data"
)

// Eacher streams stored articles with their analyses; *data.Store fits.
type Eacher interface {
	Each(ctx context.Context, fn func(*data.Article, *data.Analysis) error) error
}

// Filter selects the articles whose requirements are read.
type Filter struct {
	From, To int    // inclusive years; 0 = open
	Org      string // exact organisation (analysis Org, else article Source)
}

// Org is the organisation an article counts for: the unit of the analysed
// organisation (meeting.OrgUnit: 东港街道办事处党工委 counts as 东港街道办事处,
// as in the index's org facet), else the publishing unit.
func Org(a *data.Article, an *data.Analysis) string {
	if an != nil && an.Org != "" {
		return meeting.OrgUnit(an.Org)
	}
	return meeting.OrgUnit(a.Source)
}

// Date is the meeting date when complete, else the publication date.
func Date(a *data.Article, an *data.Analysis) string {
	if an != nil && len(an.MeetingDate) == 10 && an.MeetingDate[0] != '-' {
		return an.MeetingDate
	}
	if !a.Published.IsZero() {
		return a.Published.Time.In(data.Shanghai).Format(time.DateOnly)
	}
	return ""
}

// Match reports whether an article passes the filter.
func (f Filter) Match(a *data.Article, an *data.Analysis) bool {
	y := data.CountYear(a, an)
	if (f.From != 0 && y < f.From) || (f.To != 0 && y > f.To) {
		return false
	}
	return f.Org == "" || Org(a, an) == meeting.OrgUnit(f.Org)
}

// Records calls fn for every requirement of every analysed article that
// passes the filter, streaming: nothing is kept.
func Records(ctx context.Context, src Eacher, f Filter, fn func(Record) error) error {
	return src.Each(ctx, func(a *data.Article, an *data.Analysis) error {
		if an == nil || len(an.Requirements) == 0 || !f.Match(a, an) {
			return nil
		}
		y, org, date := data.CountYear(a, an), Org(a, an), Date(a, an)
		for _, req := range an.Requirements {
			sp := req.Speaker
			if sp == "" {
				sp = an.Speaker
			}
			if err := fn(Record{ArticleID: a.ID, URL: a.URL, Title: a.Title, Year: y, Date: date, Org: org,
				Speaker: sp, Text: req.Text, Themes: req.Themes}); err != nil {
				return err
			}
		}
		return nil
	})
}

// FromStore groups the requirements of the stored articles that pass the
// filter: the whole `requirements --recurring` computation.
func FromStore(ctx context.Context, src Eacher, tok Tokenizer, f Filter, opt Options) ([]Group, error) {
	g := New(tok, opt)
	if err := Records(ctx, src, f, func(r Record) error { g.Add(r); return nil }); err != nil {
		return nil, err
	}
	return g.Groups(ctx)
}
