// Package trends computes how the attention of meetings shifts from year to
// year: per theme (or per segmented term) the meetings that mention it,
// their share of the year, the change against the previous year and a
// log-likelihood (G²) significance test, so that small-sample noise is not
// reported as a trend. It also gives attention over time for free queries
// and keyword-in-context lines.
//
// The arithmetic (Compute) is pure and works on a Table of document counts;
// the counts come from the index (per-year facets, see Counter) and never
// from loading every document into memory.
package trends

import (
	"fmt"
	"math"
	"sort"
)

// Trend labels.
const (
	Rising  = "rising"
	Falling = "falling"
	New     = "new"
	Gone    = "gone"
	Steady  = "steady"
)

// Baselines: which years are compared by the significance test.
const (
	// BaselineHalves compares the later half of the years with the earlier
	// half (for an odd number of years the later half is the larger one;
	// for two years it is the last year against the first).
	BaselineHalves = "halves"
	// BaselineLast compares the last year with all earlier years pooled.
	BaselineLast = "last"
	// BaselinePrevious compares the last year with the year before it.
	BaselinePrevious = "previous"
)

// Table holds document counts: meetings per year and, per key (a theme id
// or a term), meetings per year that mention it.
type Table struct {
	Years    []int                  // ascending, every year of the range
	Meetings map[int]int            // meetings counted per year
	Docs     map[string]map[int]int // key -> year -> meetings mentioning it
	Labels   map[string][2]string   // key -> {label_en, label_zh}; optional
}

// Options tune the significance test and the labels.
type Options struct {
	Baseline string // BaselineHalves (default), BaselineLast or BaselinePrevious
	// Alpha is the significance level of the G² test (default 0.01, i.e.
	// G² ≥ 6.63).
	Alpha float64
	// Bonferroni divides Alpha by the number of keys tested: use it when
	// thousands of terms are tested at once (--by term).
	Bonferroni bool
	// MinDocs is the fewest meetings (study + reference) that mention a key
	// before it may be labelled anything but steady (default 5).
	MinDocs int
	// MinChangePP is the smallest difference of shares, in percentage
	// points between the compared periods, that is labelled (default 1).
	MinChangePP float64
	// Limit keeps the first Limit rows of the sorted result (0 = all).
	Limit int
}

func (o Options) withDefaults() Options {
	if o.Baseline == "" {
		o.Baseline = BaselineHalves
	}
	if o.Alpha <= 0 {
		o.Alpha = 0.01
	}
	if o.MinDocs <= 0 {
		o.MinDocs = 5
	}
	if o.MinChangePP <= 0 {
		o.MinChangePP = 1
	}
	return o
}

// Result is the year-over-year table, most significant change first. Its
// JSON shape is the one `meetscan trends --json` prints.
type Result struct {
	By             string      `json:"by"` // "theme" or "term"
	Years          []int       `json:"years"`
	MeetingsByYear map[int]int `json:"meetings_by_year"`
	Compare        Comparison  `json:"compare"`
	Themes         []Trend     `json:"themes"`
}

// Comparison says which years the significance test compared.
type Comparison struct {
	Baseline  string  `json:"baseline"`
	Study     []int   `json:"study_years"`
	Reference []int   `json:"reference_years"`
	Alpha     float64 `json:"alpha"` // after any Bonferroni correction
}

// Trend is one theme (or term) over the years. Shares are percentages of
// the meetings of the year; Change is the share of the last year minus the
// share of the year before, in percentage points; G2 and P compare the
// study years with the reference years (see Comparison).
type Trend struct {
	ID          string          `json:"id"`
	LabelEN     string          `json:"label_en"`
	LabelZH     string          `json:"label_zh"`
	DocsByYear  map[int]int     `json:"docs_by_year"`
	ShareByYear map[int]float64 `json:"share_by_year"`
	Change      float64         `json:"change"`
	G2          float64         `json:"g2"`
	P           float64         `json:"p"`
	Trend       string          `json:"trend"`
	// StudyShare and ReferenceShare are the pooled shares (percent) of the
	// compared periods, the effect the label is based on.
	StudyShare     float64 `json:"study_share"`
	ReferenceShare float64 `json:"reference_share"`
}

// Years returns every year from..to inclusive.
func Years(from, to int) []int {
	if from > to {
		return nil
	}
	ys := make([]int, 0, to-from+1)
	for y := from; y <= to; y++ {
		ys = append(ys, y)
	}
	return ys
}

// periods splits the years into reference and study years.
func periods(years []int, baseline string) (ref, study []int, err error) {
	n := len(years)
	if n < 2 {
		return nil, years, nil
	}
	switch baseline {
	case BaselineHalves:
		return years[:n/2], years[n/2:], nil
	case BaselineLast:
		return years[:n-1], years[n-1:], nil
	case BaselinePrevious:
		return years[n-2 : n-1], years[n-1:], nil
	}
	return nil, nil, fmt.Errorf("unknown baseline %q (want %s, %s or %s)", baseline, BaselineHalves, BaselineLast, BaselinePrevious)
}

// Compute turns a count table into labelled trends, most significant change
// first: labelled rows (rising, falling, new, gone) before steady ones, each
// by descending G², ties by id.
func Compute(t Table, opt Options) (*Result, error) {
	opt = opt.withDefaults()
	years := append([]int(nil), t.Years...)
	sort.Ints(years)
	ref, study, err := periods(years, opt.Baseline)
	if err != nil {
		return nil, err
	}
	sum := func(m map[int]int, ys []int) int {
		s := 0
		for _, y := range ys {
			s += m[y]
		}
		return s
	}
	nStudy, nRef := sum(t.Meetings, study), sum(t.Meetings, ref)
	alpha := opt.Alpha
	if opt.Bonferroni && len(t.Docs) > 1 {
		alpha /= float64(len(t.Docs))
	}
	res := &Result{
		Years:          years,
		MeetingsByYear: make(map[int]int, len(years)),
		Compare:        Comparison{Baseline: opt.Baseline, Study: study, Reference: ref, Alpha: alpha},
		Themes:         make([]Trend, 0, len(t.Docs)),
	}
	if res.Compare.Study == nil {
		res.Compare.Study = []int{}
	}
	if res.Compare.Reference == nil {
		res.Compare.Reference = []int{}
	}
	for _, y := range years {
		res.MeetingsByYear[y] = t.Meetings[y]
	}
	share := func(docs, n int) float64 {
		if n == 0 {
			return 0
		}
		return 100 * float64(docs) / float64(n)
	}
	for key, byYear := range t.Docs {
		tr := Trend{
			ID:          key,
			DocsByYear:  make(map[int]int, len(years)),
			ShareByYear: make(map[int]float64, len(years)),
		}
		if l, ok := t.Labels[key]; ok {
			tr.LabelEN, tr.LabelZH = l[0], l[1]
		}
		for _, y := range years {
			d := byYear[y]
			if m := t.Meetings[y]; d > m {
				d = m // a facet can never exceed the year's meetings; guard bad input
			}
			tr.DocsByYear[y] = d
			tr.ShareByYear[y] = round(share(d, t.Meetings[y]), 2)
		}
		if n := len(years); n >= 2 {
			last, prev := years[n-1], years[n-2]
			tr.Change = round(share(tr.DocsByYear[last], t.Meetings[last])-share(tr.DocsByYear[prev], t.Meetings[prev]), 2)
		}
		a, b := sum(tr.DocsByYear, study), sum(tr.DocsByYear, ref)
		sStudy, sRef := share(a, nStudy), share(b, nRef)
		tr.StudyShare, tr.ReferenceShare = round(sStudy, 2), round(sRef, 2)
		g := G2(a, nStudy, b, nRef)
		tr.G2 = round(g, 3)
		tr.P = PChi2df1(g)
		tr.Trend = label(a, b, nStudy, nRef, sStudy-sRef, tr.P, alpha, opt)
		res.Themes = append(res.Themes, tr)
	}
	sort.Slice(res.Themes, func(i, j int) bool {
		x, y := res.Themes[i], res.Themes[j]
		if lx, ly := x.Trend != Steady, y.Trend != Steady; lx != ly {
			return lx
		}
		if x.G2 != y.G2 {
			return x.G2 > y.G2
		}
		if ax, ay := math.Abs(x.Change), math.Abs(y.Change); ax != ay {
			return ax > ay
		}
		return x.ID < y.ID
	})
	if opt.Limit > 0 && len(res.Themes) > opt.Limit {
		res.Themes = res.Themes[:opt.Limit]
	}
	return res, nil
}

// label decides the trend label. Noise guards: both periods must hold
// meetings, enough meetings must mention the key, the test must be
// significant and the effect must be at least MinChangePP.
func label(a, b, nStudy, nRef int, diffPP, p, alpha float64, opt Options) string {
	switch {
	case nStudy == 0 || nRef == 0:
		return Steady
	case a+b < opt.MinDocs:
		return Steady
	case p >= alpha:
		return Steady
	case math.Abs(diffPP) < opt.MinChangePP:
		return Steady
	case b == 0:
		return New
	case a == 0:
		return Gone
	case diffPP > 0:
		return Rising
	default:
		return Falling
	}
}
