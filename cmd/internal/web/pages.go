package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"meetscan/data"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageSet holds one template per page, each parsed with the base layout.
type pageSet struct {
	byName map[string]*template.Template
}

// page is what every template gets.
type page struct {
	Lang       string
	Title      string
	Nav        string
	LangSwitch string
	Error      string
	Data       any
}

func loadPages() (*pageSet, error) {
	ps := &pageSet{byName: map[string]*template.Template{}}
	base, err := fs.ReadFile(templateFS, "templates/base.html")
	if err != nil {
		return nil, fmt.Errorf("web templates: %w", err)
	}
	for _, name := range []string{"search", "article", "trends", "context", "requirements", "report", "error"} {
		body, err := fs.ReadFile(templateFS, "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web templates: %w", err)
		}
		t, err := template.New(name).Funcs(templateFuncs).Parse(string(base))
		if err == nil {
			_, err = t.Parse(string(body))
		}
		if err != nil {
			return nil, fmt.Errorf("web template %s: %w", name, err)
		}
		ps.byName[name] = t
	}
	return ps, nil
}

// templateFuncs are the helpers templates use. Those that need the theme
// labels are replaced per request by (*Server).funcs.
var templateFuncs = template.FuncMap{
	"t":          translate,
	"snippet":    safeSnippet,
	"join":       strings.Join,
	"joinInts":   joinInts,
	"typeLabel":  typeLabel,
	"themeLabel": func(lang, id string) string { return id },
	"themeURL":   func(id string) string { return "/?" + url.Values{"theme": {id}}.Encode() },
	"filterURL":  func(k, v string) string { return "/?" + url.Values{k: {v}}.Encode() },
	"add":        func(a, b float64) float64 { return a + b },
	"sub":        func(a, b float64) float64 { return a - b },
	"trunc":      truncRunes,
	"joinFew":    joinFew,
}

// joinFew joins the first n items and says how many more there are, so a
// group seen in 200 organisations stays one line.
func joinFew(items []string, n int) string {
	sep := "、"
	if len(items) > 0 && isASCII(items[0]) {
		sep = ", " // English names read better with commas
	}
	if len(items) <= n {
		return strings.Join(items, sep)
	}
	return strings.Join(items[:n], sep) + fmt.Sprintf(" … (+%d)", len(items)-n)
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ")
}

func typeLabel(lang, t string) string {
	if l, ok := meetingTypeLabels[t]; ok {
		if lang == "zh" {
			return l[1]
		}
		return l[0]
	}
	return t
}

func truncRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

func (s *Server) themeLabel(lang, id string) string {
	if t, ok := s.themes[id]; ok {
		if lang == "zh" && t.LabelZH != "" {
			return t.LabelZH
		}
		if t.LabelEN != "" {
			return t.LabelEN
		}
	}
	return id
}

// renderError renders the page with msg as its error.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int, name string, p page, msg string) {
	p.Error = msg
	s.render(w, r, status, name, p)
}

// renderFailure renders the page for a backend error: its status and the
// message a user may see (see publicMessage).
func (s *Server) renderFailure(w http.ResponseWriter, r *http.Request, name string, p page, err error) {
	status := s.status(err)
	s.renderError(w, r, status, name, p, publicMessage(err, status))
}

// render executes a page template into a buffer first, so a template error
// becomes a clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	t := s.pages.byName[name]
	if t == nil {
		http.Error(w, "no template "+name, http.StatusInternalServerError)
		return
	}
	t, err := t.Clone()
	if err == nil {
		t = t.Funcs(template.FuncMap{"themeLabel": s.themeLabel})
	}
	var buf bytes.Buffer
	if err == nil {
		err = t.ExecuteTemplate(&buf, "base", p)
	}
	if err != nil {
		s.log.Error("render page", "page", name, "err", err)
		http.Error(w, "internal error rendering page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// newPage starts the page data: language and the link that switches it.
func newPage(w http.ResponseWriter, r *http.Request, nav, title string) page {
	lang := pickLang(w, r)
	other := "en"
	if lang == "en" {
		other = "zh"
	}
	q := r.URL.Query()
	q.Set("lang", other)
	return page{Lang: lang, Nav: nav, Title: title, LangSwitch: r.URL.Path + "?" + q.Encode()}
}

// hidden is a hidden form field that carries a filter through a new query.
type hidden struct{ Name, Value string }

type chip struct{ Label, URL string }

type facetValue struct {
	Label  string
	Count  int
	URL    string
	Active bool
}

type facetView struct {
	Name, Label string
	Values      []facetValue
}

type searchView struct {
	Req      SearchRequest
	Res      *SearchResult
	Hidden   []hidden
	Chips    []chip
	ClearURL string
	Facets   []facetView
	First    int
	Page     int
	Pages    int
	PrevURL  string
	NextURL  string
	Took     string
	// ContextURL and TrendURL show the query's contexts and its attention
	// over time, with the same filters.
	ContextURL string
	TrendURL   string
}

// filterParams maps facet names to the query parameters that filter them.
var filterParams = map[string]string{"year": "year", "org": "org", "theme": "theme", "type": "type", "person": "person"}

func (s *Server) handleSearchPage(w http.ResponseWriter, r *http.Request) {
	p := newPage(w, r, "search", "")
	pr := params{v: r.URL.Query()}
	req := pr.searchRequest()
	view := &searchView{Req: req}
	p.Data = view
	if pr.err != nil {
		view.Req.Sort = "relevance"
		s.renderError(w, r, http.StatusBadRequest, "search", p, pr.err.Error())
		return
	}
	if req.Query != "" {
		p.Title = req.Query
	} else if r.URL.Query().Get("sort") == "" {
		// Without a query there is no relevance: show the latest meetings.
		// The form keeps "relevance" for the next query typed.
		req.Sort = "date"
	}
	if s.cfg.Search == nil {
		s.renderError(w, r, http.StatusServiceUnavailable, "search", p, translate(p.Lang, "unavailable"))
		return
	}
	start := time.Now()
	res, err := s.search(r.Context(), req)
	if err != nil {
		s.renderFailure(w, r, "search", p, err)
		return
	}
	view.Res = res
	view.Took = fmt.Sprintf("%.0f ms", float64(time.Since(start).Microseconds())/1000)
	base := r.URL.Query()
	base.Del("lang")
	base.Del("offset")
	base.Del("page")
	link := func(v url.Values) string { return "/?" + v.Encode() }
	filterVals := req.Filter.values()
	for k, vs := range filterVals {
		view.Hidden = append(view.Hidden, hidden{k, vs[0]})
	}
	sort.Slice(view.Hidden, func(i, j int) bool { return view.Hidden[i].Name < view.Hidden[j].Name })
	for _, h := range view.Hidden {
		v := cloneValues(base)
		v.Del(h.Name)
		view.Chips = append(view.Chips, chip{Label: s.filterLabel(p.Lang, h.Name, h.Value), URL: link(v)})
	}
	if len(view.Chips) > 0 {
		v := url.Values{}
		if req.Query != "" {
			v.Set("q", req.Query)
		}
		view.ClearURL = link(v)
	}
	for _, name := range facetNames {
		fv := facetView{Name: name, Label: translate(p.Lang, "facet."+name)}
		param := filterParams[name]
		for _, c := range res.Facets[name] {
			v := cloneValues(base)
			active := base.Get(param) == c.Value
			if active {
				v.Del(param)
			} else {
				v.Set(param, c.Value)
			}
			fv.Values = append(fv.Values, facetValue{Label: s.filterLabel(p.Lang, name, c.Value), Count: c.Count, URL: link(v), Active: active})
		}
		view.Facets = append(view.Facets, fv)
	}
	if req.Query != "" {
		v := req.Filter.values()
		v.Set("term", req.Query)
		view.ContextURL = "/context?" + v.Encode()
		tv := url.Values{"q": {req.Query}}
		if req.Filter.Org != "" {
			tv.Set("org", req.Filter.Org)
		}
		if req.Filter.Type != "" {
			tv.Set("type", req.Filter.Type)
		}
		view.TrendURL = "/trends?" + tv.Encode()
	}
	view.First = req.Offset + 1
	view.Page = req.Offset/req.Limit + 1
	view.Pages = max(1, (min(res.Total, maxOffset+req.Limit)+req.Limit-1)/req.Limit)
	if req.Offset > 0 {
		v := cloneValues(base)
		if view.Page > 2 {
			v.Set("page", strconv.Itoa(view.Page-1))
		}
		view.PrevURL = link(v)
	}
	if req.Offset+req.Limit < res.Total && req.Offset+req.Limit <= maxOffset {
		v := cloneValues(base)
		v.Set("page", strconv.Itoa(view.Page+1))
		view.NextURL = link(v)
	}
	s.render(w, r, http.StatusOK, "search", p)
}

func (s *Server) filterLabel(lang, name, value string) string {
	switch name {
	case "theme":
		return s.themeLabel(lang, value)
	case "type":
		return typeLabel(lang, value)
	case "doclang":
		return translate(lang, "language") + ": " + value
	}
	return value
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = slices.Clone(vs)
	}
	return out
}

type articleView struct {
	Article     *data.Article
	Analysis    *data.Analysis
	Paragraphs  [][]textSeg
	OriginalURL string
	HasCapture  bool
}

func (s *Server) handleArticlePage(w http.ResponseWriter, r *http.Request) {
	p := newPage(w, r, "search", "")
	art, an, err := s.article(r.PathValue("id"))
	if err != nil {
		s.renderFailure(w, r, "error", p, err)
		return
	}
	p.Title = art.Title
	view := &articleView{Article: art, Analysis: an, HasCapture: art.Capture != nil && s.cfg.DataDir != ""}
	if u, err := url.Parse(art.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		view.OriginalURL = u.String()
	}
	themeTitle := func(h data.ThemeHit) string { return s.themeLabel(p.Lang, h.ID) }
	for _, para := range art.Paragraphs() {
		view.Paragraphs = append(view.Paragraphs, markParagraph(para, an, themeTitle))
	}
	p.Data = view
	s.render(w, r, http.StatusOK, "article", p)
}

// article loads an article and its analysis (nil when not analysed yet).
func (s *Server) article(id string) (*data.Article, *data.Analysis, error) {
	if s.cfg.Articles == nil {
		return nil, nil, errUnavailable
	}
	if !validID(id) {
		return nil, nil, fmt.Errorf("%w: article %q", ErrNotFound, truncRunes(id, 40))
	}
	art, err := s.cfg.Articles.Article(id)
	if err != nil {
		return nil, nil, fmt.Errorf("article %s: %w", id, err)
	}
	an, err := s.cfg.Articles.Analysis(id)
	if err != nil && !isNotFound(err) {
		return nil, nil, fmt.Errorf("analysis %s: %w", id, err)
	}
	return art, an, nil
}

// validID accepts the ids data.ArticleID makes (hex, or "h" + hex) and
// similar short tokens; anything else cannot exist.
func validID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range []byte(id) {
		if !isAlnum(c) && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

type choice struct {
	ID, Label string
	Checked   bool
}

type tableCell struct{ Share, Docs string }

type tableRow struct {
	Label, URL           string
	Cells                []tableCell
	Change, G2, P, Trend string
}

type trendTable struct {
	Years    []int
	Meetings []int
	Rows     []tableRow
	Hidden   int // rows never mentioned in the range, not shown
}

func rowTotal(r TrendRow) int {
	n := 0
	for _, d := range r.DocsByYear {
		n += d
	}
	return n
}

type trendsView struct {
	View          string
	Choices       []choice
	MoreChoices   []choice // themes not mentioned in the range
	Org, Type     string   // filters carried through the form
	QueryInputs   []string
	From, To      int
	Measure       string
	Chart         *chart
	Table         *trendTable
	ThemesViewURL string
	TermsViewURL  string
}

// trendsInput is what the trends page and /api/trends read from a request.
type trendsInput struct {
	View    string // themes | terms
	Themes  []string
	Queries []string
	Filter  Filter
	Measure string
}

func (p *params) trendsInput() trendsInput {
	in := trendsInput{
		View:    p.oneOf("view", "themes", "themes", "terms"),
		Themes:  p.list("theme", 12, maxFieldLen),
		Queries: p.list("q", maxQueries, maxQueryLen),
		Measure: p.oneOf("measure", "share", "share", "count"),
	}
	in.Filter = Filter{From: p.year("from"), To: p.year("to"), Org: p.str("org", maxFieldLen), Type: p.str("type", maxFieldLen)}
	if in.Filter.Type != "" && !slices.Contains(data.MeetingTypes, in.Filter.Type) {
		p.fail("meeting type %q unknown", in.Filter.Type)
	}
	if in.Filter.From != 0 && in.Filter.To != 0 && in.Filter.From > in.Filter.To {
		p.fail("year range %d–%d is empty", in.Filter.From, in.Filter.To)
	}
	return in
}

func (s *Server) handleTrendsPage(w http.ResponseWriter, r *http.Request) {
	p := newPage(w, r, "trends", translate(pickLangNoCookie(r), "nav.trends"))
	pr := params{v: r.URL.Query()}
	in := pr.trendsInput()
	view := &trendsView{View: in.View, From: in.Filter.From, To: in.Filter.To, Measure: in.Measure, Org: in.Filter.Org, Type: in.Filter.Type}
	p.Data = view
	view.QueryInputs = append(slices.Clone(in.Queries), make([]string, max(0, 3-len(in.Queries)))...)
	v := r.URL.Query()
	v.Del("lang")
	v.Set("view", "themes")
	view.ThemesViewURL = "/trends?" + v.Encode()
	v.Set("view", "terms")
	view.TermsViewURL = "/trends?" + v.Encode()
	if pr.err != nil {
		s.renderError(w, r, http.StatusBadRequest, "trends", p, pr.err.Error())
		return
	}
	if s.cfg.Trends == nil {
		s.renderError(w, r, http.StatusServiceUnavailable, "trends", p, translate(p.Lang, "unavailable"))
		return
	}
	ctx := r.Context()
	themeRows, err := s.cfg.Trends.Trends(ctx, TrendRequest{By: "theme", Filter: in.Filter})
	if err != nil {
		s.renderFailure(w, r, "trends", p, err)
		return
	}
	// Theme choices: the themes mentioned in the range, most significant
	// change first (the table's order); themes never mentioned go under a
	// fold so the form stays short.
	selected := in.Themes
	if len(selected) == 0 && len(in.Queries) == 0 {
		// Nothing chosen yet: show the three most significant changes.
		for _, row := range themeRows.Rows {
			if len(selected) == 3 {
				break
			}
			if rowTotal(row) > 0 {
				selected = append(selected, row.ID)
			}
		}
	}
	byID := map[string]TrendRow{}
	for _, row := range themeRows.Rows {
		byID[row.ID] = row
		c := choice{ID: row.ID, Label: s.rowLabel(p.Lang, row), Checked: slices.Contains(selected, row.ID)}
		if rowTotal(row) > 0 {
			view.Choices = append(view.Choices, c)
		} else {
			view.MoreChoices = append(view.MoreChoices, c)
		}
	}
	sort.SliceStable(view.MoreChoices, func(i, j int) bool { return view.MoreChoices[i].Label < view.MoreChoices[j].Label })
	// Chart series: the chosen themes, then the free queries.
	years := themeRows.Years
	var series []seriesData
	for _, id := range selected {
		row, ok := byID[id]
		if !ok {
			continue
		}
		series = append(series, seriesData{Label: s.rowLabel(p.Lang, row), Values: measureValues(row.DocsByYear, row.ShareByYear, in.Measure)})
	}
	if len(in.Queries) > 0 {
		qt, err := s.cfg.Trends.QueryTrends(ctx, in.Queries, in.Filter)
		if err != nil {
			s.renderFailure(w, r, "trends", p, err)
			return
		}
		if len(years) == 0 {
			years = qt.Years
		}
		for _, qs := range qt.Series {
			series = append(series, seriesData{Label: qs.Query, Values: measureValues(qs.DocsByYear, qs.ShareByYear, in.Measure)})
		}
	}
	years = clipYears(years, in.Filter)
	yLabel := translate(p.Lang, "measure.share")
	if in.Measure == "count" {
		yLabel = translate(p.Lang, "measure.count")
	}
	view.Chart = layoutChart(years, series, in.Measure == "share", yLabel)
	table := themeRows
	if in.View == "terms" {
		table, err = s.cfg.Trends.Trends(ctx, TrendRequest{By: "term", Filter: in.Filter})
		if err != nil {
			s.renderFailure(w, r, "trends", p, err)
			return
		}
	}
	view.Table = s.trendTable(p.Lang, table, in)
	s.render(w, r, http.StatusOK, "trends", p)
}

// pickLangNoCookie reads the language without setting the cookie (for
// titles computed before newPage).
func pickLangNoCookie(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l == "zh" || l == "en" {
		return l
	}
	if c, err := r.Cookie("lang"); err == nil && (c.Value == "zh" || c.Value == "en") {
		return c.Value
	}
	return "zh"
}

func (s *Server) rowLabel(lang string, row TrendRow) string {
	if _, ok := s.themes[row.ID]; ok {
		return s.themeLabel(lang, row.ID)
	}
	if lang == "zh" && row.LabelZH != "" {
		return row.LabelZH
	}
	if row.LabelEN != "" {
		return row.LabelEN
	}
	if row.LabelZH != "" {
		return row.LabelZH
	}
	return row.ID
}

func measureValues(docs map[int]int, share map[int]float64, measure string) map[int]float64 {
	out := map[int]float64{}
	if measure == "count" {
		for y, n := range docs {
			out[y] = float64(n)
		}
		return out
	}
	for y, v := range share {
		out[y] = v
	}
	return out
}

func clipYears(years []int, f Filter) []int {
	var out []int
	for _, y := range years {
		if (f.From == 0 || y >= f.From) && (f.To == 0 || y <= f.To) {
			out = append(out, y)
		}
	}
	sort.Ints(out)
	return out
}

func (s *Server) trendTable(lang string, t *Trends, in trendsInput) *trendTable {
	years := clipYears(t.Years, in.Filter)
	if len(years) == 0 {
		return nil
	}
	tt := &trendTable{Years: years}
	for _, y := range years {
		tt.Meetings = append(tt.Meetings, t.MeetingsByYear[y])
	}
	for _, row := range t.Rows {
		if len(tt.Rows) == 150 {
			break
		}
		if rowTotal(row) == 0 {
			tt.Hidden++
			continue
		}
		tr := tableRow{Label: s.rowLabel(lang, row), Trend: row.Trend,
			Change: fmt.Sprintf("%+.1f", row.Change), G2: fmt.Sprintf("%.1f", row.G2), P: formatP(row.P)}
		if in.View == "terms" {
			tr.URL = "/context?" + url.Values{"term": {row.ID}}.Encode()
		} else {
			tr.URL = "/?" + url.Values{"theme": {row.ID}}.Encode()
		}
		for _, y := range years {
			tr.Cells = append(tr.Cells, tableCell{Share: formatPercent(row.ShareByYear[y]), Docs: strconv.Itoa(row.DocsByYear[y])})
		}
		tt.Rows = append(tt.Rows, tr)
	}
	return tt
}

func formatP(p float64) string {
	switch {
	case math.IsNaN(p):
		return "–"
	case p < 0.001:
		return "<0.001"
	default:
		return fmt.Sprintf("%.3f", p)
	}
}

type kwicView struct {
	Term   string
	Filter Filter
	Hidden []hidden
	Chips  []chip
	Lines  []KWICLine
}

func (s *Server) handleContextPage(w http.ResponseWriter, r *http.Request) {
	p := newPage(w, r, "context", translate(pickLangNoCookie(r), "nav.context"))
	pr := params{v: r.URL.Query()}
	term := pr.str("term", maxQueryLen)
	f := pr.filter()
	view := &kwicView{Term: term, Filter: f}
	p.Data = view
	base := r.URL.Query()
	base.Del("lang")
	for k, vs := range f.values() {
		if k == "from" || k == "to" {
			continue
		}
		view.Hidden = append(view.Hidden, hidden{k, vs[0]})
		v := cloneValues(base)
		v.Del(k)
		view.Chips = append(view.Chips, chip{Label: s.filterLabel(p.Lang, k, vs[0]), URL: "/context?" + v.Encode()})
	}
	if pr.err != nil {
		s.renderError(w, r, http.StatusBadRequest, "context", p, pr.err.Error())
		return
	}
	if term == "" {
		s.render(w, r, http.StatusOK, "context", p)
		return
	}
	if s.cfg.Context == nil {
		s.renderError(w, r, http.StatusServiceUnavailable, "context", p, translate(p.Lang, "unavailable"))
		return
	}
	lines, err := s.cfg.Context.Context(r.Context(), ContextRequest{Term: term, Filter: f, Limit: 200})
	if err != nil {
		s.renderFailure(w, r, "context", p, err)
		return
	}
	for i := range lines {
		lines[i].Left = lastRunes(lines[i].Left, 36)
		lines[i].Right = truncRunes(lines[i].Right, 36)
	}
	view.Lines = lines
	s.render(w, r, http.StatusOK, "context", p)
}

// lastRunes keeps the last n runes of s, marking the cut.
func lastRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n:])
}

type reqsView struct {
	Filter RequirementFilter
	Groups []RequirementGroup
}

func (p *params) requirementFilter() RequirementFilter {
	f := RequirementFilter{
		From:     p.year("from"),
		To:       p.year("to"),
		Org:      p.str("org", maxFieldLen),
		MinYears: p.num("min_years", 2, 1, 50),
		Limit:    p.num("limit", 30, 1, maxGroups),
	}
	if f.From != 0 && f.To != 0 && f.From > f.To {
		p.fail("year range %d–%d is empty", f.From, f.To)
	}
	return f
}

func (s *Server) handleRequirementsPage(w http.ResponseWriter, r *http.Request) {
	p := newPage(w, r, "reqs", translate(pickLangNoCookie(r), "nav.reqs"))
	pr := params{v: r.URL.Query()}
	f := pr.requirementFilter()
	view := &reqsView{Filter: f}
	p.Data = view
	if pr.err != nil {
		s.renderError(w, r, http.StatusBadRequest, "requirements", p, pr.err.Error())
		return
	}
	if s.cfg.Requirements == nil {
		s.renderError(w, r, http.StatusServiceUnavailable, "requirements", p, translate(p.Lang, "unavailable"))
		return
	}
	groups, err := s.cfg.Requirements.Groups(r.Context(), f)
	if err != nil {
		s.renderFailure(w, r, "requirements", p, err)
		return
	}
	view.Groups = groups
	s.render(w, r, http.StatusOK, "requirements", p)
}

type reportView struct {
	From, To int
	Years    []FacetCount // years with meetings, newest first
}

func (s *Server) handleReportPage(w http.ResponseWriter, r *http.Request) {
	p := newPage(w, r, "report", translate(pickLangNoCookie(r), "nav.report"))
	y := time.Now().In(data.Shanghai).Year() - 1
	view := &reportView{From: y, To: y}
	p.Data = view
	if s.cfg.Reports == nil {
		p.Error = translate(p.Lang, "unavailable")
	}
	// Offer the years that have meetings; default to the latest.
	if s.cfg.Search != nil {
		if res, err := s.search(r.Context(), SearchRequest{Sort: "date", Limit: 1}); err == nil {
			for _, f := range res.Facets["year"] {
				if n, err := strconv.Atoi(f.Value); err == nil && n >= minYear && n <= maxYear {
					view.Years = append(view.Years, f)
				}
			}
			sort.Slice(view.Years, func(i, j int) bool { return view.Years[i].Value > view.Years[j].Value })
			if len(view.Years) > 0 {
				y, _ = strconv.Atoi(view.Years[0].Value)
				view.From, view.To = y, y
			}
		}
	}
	s.render(w, r, http.StatusOK, "report", p)
}
