package web

import (
	"context"
	"fmt"
	"html"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"meetscan/data"
)

// memCorpus is an in-memory stand-in for the store, index, trends,
// requirements and report parts, so the handlers can be tested alone.
// Search is substring matching; it rejects unbalanced quotes the way the
// real query parser does.
type memCorpus struct {
	arts []*data.Article
	ans  map[string]*data.Analysis
}

func (m *memCorpus) Article(id string) (*data.Article, error) {
	for _, a := range m.arts {
		if a.ID == id {
			return a, nil
		}
	}
	return nil, fmt.Errorf("article %s: %w", id, data.ErrNotFound)
}

func (m *memCorpus) Analysis(id string) (*data.Analysis, error) {
	if an, ok := m.ans[id]; ok {
		return an, nil
	}
	return nil, fmt.Errorf("analysis %s: %w", id, data.ErrNotFound)
}

func (m *memCorpus) year(a *data.Article) int {
	if an := m.ans[a.ID]; an != nil && an.Year() != 0 {
		return an.Year()
	}
	return a.Published.Time.Year()
}

func (m *memCorpus) match(a *data.Article, q string, f Filter) bool {
	an := m.ans[a.ID]
	if an == nil {
		an = &data.Analysis{}
	}
	y := m.year(a)
	switch {
	case f.Year != 0 && y != f.Year,
		f.From != 0 && y < f.From,
		f.To != 0 && y > f.To,
		f.Org != "" && an.Org != f.Org,
		f.Type != "" && an.MeetingType != f.Type,
		f.Lang != "" && a.Lang != f.Lang:
		return false
	}
	if f.Theme != "" && !containsStr(an.ThemeIDs(), f.Theme) {
		return false
	}
	if f.Person != "" {
		found := false
		for _, p := range an.People {
			found = found || p.Name == f.Person
		}
		if !found {
			return false
		}
	}
	if q == "" {
		return true
	}
	hay := strings.ToLower(a.Title + "\n" + a.Body)
	for _, w := range strings.Fields(strings.ToLower(strings.Trim(q, `"`))) {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

func containsStr(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func (m *memCorpus) Search(ctx context.Context, req SearchRequest) (*SearchResult, error) {
	if strings.Count(req.Query, `"`)%2 == 1 {
		return nil, fmt.Errorf("%w: unterminated quote in %q", ErrBadQuery, req.Query)
	}
	var hits []Hit
	facets := map[string]map[string]int{}
	add := func(f, v string) {
		if v == "" {
			return
		}
		if facets[f] == nil {
			facets[f] = map[string]int{}
		}
		facets[f][v]++
	}
	for _, a := range m.arts {
		if !m.match(a, req.Query, req.Filter) {
			continue
		}
		an := m.ans[a.ID]
		if an == nil {
			an = &data.Analysis{}
		}
		h := Hit{ID: a.ID, URL: a.URL, Title: a.Title, Published: a.Published.Date(), MeetingDate: an.MeetingDate,
			Org: an.Org, MeetingType: an.MeetingType, Year: m.year(a), Score: 1}
		if w := strings.Fields(strings.Trim(req.Query, `"`)); len(w) > 0 {
			if i := strings.Index(a.Body, w[0]); i >= 0 {
				lo, hi := max(0, i-30), min(len(a.Body), i+len(w[0])+30)
				for lo > 0 && !utf8Start(a.Body[lo]) {
					lo--
				}
				for hi < len(a.Body) && !utf8Start(a.Body[hi]) {
					hi++
				}
				h.Snippets = []string{html.EscapeString(a.Body[lo:i]) + "<mark>" + html.EscapeString(w[0]) + "</mark>" + html.EscapeString(a.Body[i+len(w[0]):hi])}
			}
		}
		hits = append(hits, h)
		add("year", strconv.Itoa(h.Year))
		add("org", an.Org)
		add("type", an.MeetingType)
		for _, t := range an.Themes {
			add("theme", t.ID)
		}
		for _, p := range an.People {
			add("person", p.Name)
		}
	}
	if req.Sort == "date" {
		sort.SliceStable(hits, func(i, j int) bool { return hits[i].Published > hits[j].Published })
	}
	res := &SearchResult{Total: len(hits), Facets: map[string][]FacetCount{}}
	for name, counts := range facets {
		for v, n := range counts {
			res.Facets[name] = append(res.Facets[name], FacetCount{Value: v, Count: n})
		}
		sort.Slice(res.Facets[name], func(i, j int) bool {
			a, b := res.Facets[name][i], res.Facets[name][j]
			return a.Count > b.Count || a.Count == b.Count && a.Value < b.Value
		})
	}
	if req.Offset < len(hits) {
		res.Hits = hits[req.Offset:min(len(hits), req.Offset+req.Limit)]
	}
	return res, nil
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

func (m *memCorpus) yearsAndMeetings(f Filter) ([]int, map[int]int) {
	byYear := map[int]int{}
	for _, a := range m.arts {
		if m.match(a, "", f) {
			byYear[m.year(a)]++
		}
	}
	var years []int
	for y := range byYear {
		years = append(years, y)
	}
	sort.Ints(years)
	return years, byYear
}

func (m *memCorpus) Trends(ctx context.Context, req TrendRequest) (*Trends, error) {
	years, meetings := m.yearsAndMeetings(req.Filter)
	rows := map[string]*TrendRow{}
	for _, a := range m.arts {
		if !m.match(a, "", req.Filter) {
			continue
		}
		an := m.ans[a.ID]
		if an == nil {
			continue
		}
		var keys []data.ThemeHit
		if req.By == "term" {
			for _, k := range an.Keywords {
				keys = append(keys, data.ThemeHit{ID: k.Term, LabelEN: k.Term, LabelZH: k.Term})
			}
		} else {
			keys = an.Themes
		}
		for _, t := range keys {
			r := rows[t.ID]
			if r == nil {
				r = &TrendRow{ID: t.ID, LabelEN: t.LabelEN, LabelZH: t.LabelZH, DocsByYear: map[int]int{}, ShareByYear: map[int]float64{}}
				rows[t.ID] = r
			}
			r.DocsByYear[m.year(a)]++
		}
	}
	out := &Trends{Years: years, MeetingsByYear: meetings}
	for _, r := range rows {
		for y, n := range r.DocsByYear {
			r.ShareByYear[y] = 100 * float64(n) / float64(meetings[y])
		}
		if len(years) > 1 {
			last, prev := years[len(years)-1], years[len(years)-2]
			r.Change = r.ShareByYear[last] - r.ShareByYear[prev]
		}
		r.Trend = "steady"
		if r.Change > 0 {
			r.Trend = "rising"
		} else if r.Change < 0 {
			r.Trend = "falling"
		}
		r.G2, r.P = r.Change*r.Change/10, 0.5
		out.Rows = append(out.Rows, *r)
	}
	sort.Slice(out.Rows, func(i, j int) bool {
		a, b := out.Rows[i], out.Rows[j]
		return abs(a.Change) > abs(b.Change) || abs(a.Change) == abs(b.Change) && a.ID < b.ID
	})
	return out, nil
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func (m *memCorpus) QueryTrends(ctx context.Context, queries []string, f Filter) (*QueryTrends, error) {
	years, meetings := m.yearsAndMeetings(f)
	out := &QueryTrends{Years: years, MeetingsByYear: meetings}
	for _, q := range queries {
		if strings.Count(q, `"`)%2 == 1 {
			return nil, fmt.Errorf("%w: unterminated quote in %q", ErrBadQuery, q)
		}
		s := QuerySeries{Query: q, DocsByYear: map[int]int{}, ShareByYear: map[int]float64{}}
		for _, a := range m.arts {
			if m.match(a, q, f) {
				s.DocsByYear[m.year(a)]++
			}
		}
		for y, n := range s.DocsByYear {
			s.ShareByYear[y] = 100 * float64(n) / float64(meetings[y])
		}
		out.Series = append(out.Series, s)
	}
	return out, nil
}

func (m *memCorpus) Context(ctx context.Context, req ContextRequest) ([]KWICLine, error) {
	var lines []KWICLine
	for _, a := range m.arts {
		if !m.match(a, req.Term, req.Filter) {
			continue
		}
		for _, p := range a.Paragraphs() {
			if i := strings.Index(p, req.Term); i >= 0 {
				an := m.ans[a.ID]
				org := ""
				if an != nil {
					org = an.Org
				}
				lines = append(lines, KWICLine{ArticleID: a.ID, URL: a.URL, Title: a.Title, Year: m.year(a), Org: org,
					Left: p[:i], Match: req.Term, Right: p[i+len(req.Term):]})
			}
		}
		if len(lines) >= req.Limit {
			break
		}
	}
	return lines, nil
}

func (m *memCorpus) Groups(ctx context.Context, f RequirementFilter) ([]RequirementGroup, error) {
	byText := map[string]*RequirementGroup{}
	var order []string
	for _, a := range m.arts {
		an := m.ans[a.ID]
		if an == nil || (f.Org != "" && an.Org != f.Org) {
			continue
		}
		y := m.year(a)
		if (f.From != 0 && y < f.From) || (f.To != 0 && y > f.To) {
			continue
		}
		for _, r := range an.Requirements {
			g := byText[r.Text]
			if g == nil {
				g = &RequirementGroup{Representative: r.Text}
				byText[r.Text] = g
				order = append(order, r.Text)
			}
			g.Count++
			if !containsInt(g.Years, y) {
				g.Years = append(g.Years, y)
			}
			if !containsStr(g.Orgs, an.Org) {
				g.Orgs = append(g.Orgs, an.Org)
			}
			g.Members = append(g.Members, RequirementMember{ArticleID: a.ID, Title: a.Title, URL: a.URL, Org: an.Org, Year: y, Date: an.MeetingDate, Text: r.Text})
		}
	}
	var out []RequirementGroup
	for _, t := range order {
		g := byText[t]
		if len(g.Years) >= f.MinYears {
			sort.Ints(g.Years)
			out = append(out, *g)
		}
	}
	return out, nil
}

func containsInt(ns []int, n int) bool {
	for _, x := range ns {
		if x == n {
			return true
		}
	}
	return false
}

func (m *memCorpus) Report(ctx context.Context, req ReportRequest, w io.Writer) error {
	_, meetings := m.yearsAndMeetings(Filter{From: req.From, To: req.To})
	if req.Format == "md" {
		fmt.Fprintf(w, "# Report %d–%d\n\n", req.From, req.To)
		for y := req.From; y <= req.To; y++ {
			fmt.Fprintf(w, "- %d: %d meetings\n", y, meetings[y])
		}
		return nil
	}
	fmt.Fprintf(w, "<!doctype html><title>Report %d–%d</title><h1>Report</h1>", req.From, req.To)
	return nil
}

// testCorpus builds a small bilingual corpus with one hostile article whose
// title and body carry markup that must never run.
func testCorpus() *memCorpus {
	m := &memCorpus{ans: map[string]*data.Analysis{}}
	type spec struct {
		id, title, body, org, typ, lang, date string
		themes                                []string
		people                                []string
		reqs                                  []string
		kw                                    []string
	}
	specs := []spec{
		{"a1", "市委组织部召开2021年度党建述职评议会", "会上，张明同志强调，要坚持全面从严治党。\n要推动高质量发展，落实党建责任。", "市委组织部", "review", "zh", "2022-01-10",
			[]string{"strict_governance", "hq_development"}, []string{"张明"}, []string{"要推动高质量发展，落实党建责任。"}, []string{"述职", "党建"}},
		{"a2", "区委理论学习中心组专题学习二十大精神", "区委书记李华主持会议。\n要深入学习贯彻二十大精神，推动高质量发展。", "区委", "study", "zh", "2023-03-02",
			[]string{"hq_development", "twentieth_congress"}, []string{"李华"}, []string{"要推动高质量发展，落实党建责任。", "要深入学习贯彻二十大精神"}, []string{"二十大", "学习"}},
		{"a3", "Joint branch meeting promotes high-quality development", "The meeting was chaired by Wang Fang.\nParticipants agreed to strengthen Party building and pursue high-quality development.", "City Bureau", "joint", "en", "2023-05-20",
			[]string{"hq_development"}, []string{"Wang Fang"}, []string{"pursue high-quality development"}, []string{"party building"}},
		{"evil", `<script>alert("title")</script>党建推进会 <img src=x onerror=alert(1)>`, "正文<script>alert('body')</script>党建工作推进。\n</p><b>bold</b> & more", `<i>机关</i>`, "promotion", "zh", "2024-06-01",
			[]string{"strict_governance"}, []string{`<b>赵六</b>`}, []string{`<script>alert("req")</script>`}, []string{"<svg onload=alert(1)>"}},
	}
	for i, s := range specs {
		pub, _ := data.ParsePubTime(s.date)
		a := &data.Article{ID: s.id, URL: "https://example.org/news/" + s.id + ".html", Title: s.title, Body: s.body, Lang: s.lang,
			Published: pub, FetchedAt: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)}
		if s.id == "evil" {
			a.URL = "javascript:alert(1)"
		}
		m.arts = append(m.arts, a)
		an := &data.Analysis{Lang: s.lang, MeetingDate: s.date, Org: s.org, MeetingType: s.typ, Attendance: 30 + i}
		for _, t := range s.themes {
			an.Themes = append(an.Themes, data.ThemeHit{ID: t, LabelEN: t, LabelZH: t, Count: 1, Terms: []string{themeTerms[t]}})
		}
		for _, p := range s.people {
			an.People = append(an.People, data.Person{Name: p, Roles: []string{"书记"}})
		}
		for _, r := range s.reqs {
			an.Requirements = append(an.Requirements, data.Requirement{Text: r, Themes: s.themes})
		}
		for _, k := range s.kw {
			an.Keywords = append(an.Keywords, data.Keyword{Term: k, Weight: 1})
		}
		m.ans[s.id] = an
	}
	return m
}

var themeTerms = map[string]string{
	"strict_governance":  "全面从严治党",
	"hq_development":     "高质量发展",
	"twentieth_congress": "二十大",
}

var testThemes = []Theme{
	{ID: "strict_governance", LabelEN: "Strict Party governance", LabelZH: "全面从严治党"},
	{ID: "hq_development", LabelEN: "High-quality development", LabelZH: "高质量发展"},
	{ID: "twentieth_congress", LabelEN: "20th Party Congress", LabelZH: "二十大"},
}
