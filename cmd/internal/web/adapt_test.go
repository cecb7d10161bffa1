package web

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"meetscan/analysis/recurring"
	"meetscan/analysis/segment"
)

// TestRealBackends runs the API over a real store and index of generated
// articles through the adapters: the planted counts must come through
// unchanged, and the index's query errors must become 400s.
func TestRealBackends(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a real index")
	}
	c, hostile := realCorpus(t)
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	it := IndexTrends{Index: c.Index, Articles: c.Store, Themes: c.Themes}
	tok := recurring.NewTokenizer(seg)
	s, err := New(Config{Search: IndexSearcher{Index: c.Index}, Articles: c.Store, Trends: it, Context: it,
		Requirements: &StoreRequirements{Store: c.Store, Tokenizer: tok}, Reports: StoreReports{Store: c.Store, Tokenizer: tok},
		Themes: c.Themes})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()

	// Every generated article plus the hostile one.
	var res SearchResult
	decode(t, get(t, ts, "/api/search?limit=1"), &res)
	if res.Total != c.Truth.Docs+1 {
		t.Errorf("match-all total %d, want %d", res.Total, c.Truth.Docs+1)
	}
	years := 0
	for _, f := range res.Facets["year"] {
		years += f.Count
	}
	if years != c.Truth.Docs+1 {
		t.Errorf("year facet sums to %d, want %d", years, c.Truth.Docs+1)
	}

	// Cross-lingual: the English phrase names a theme; the index says so.
	decode(t, get(t, ts, "/api/search?q="+url.QueryEscape(`"high-quality development"`)), &res)
	if res.Total == 0 || len(res.QueryThemes) == 0 || res.QueryThemes[0].ID != "high_quality_development" {
		t.Errorf("cross-lingual search: total %d, themes %+v", res.Total, res.QueryThemes)
	}
	r := get(t, ts, "/?q="+url.QueryEscape(`"high-quality development"`)+"&lang=zh")
	if !strings.Contains(r.body, "同时匹配了标注该主题的文章") {
		t.Errorf("search page does not say the theme was matched across languages")
	}

	// A malformed query is the user's mistake, with the parser's message.
	r = get(t, ts, "/api/search?q="+url.QueryEscape(`"unterminated`))
	if r.status != 400 || !strings.Contains(r.body, "unterminated") {
		t.Errorf("malformed query: %d %s", r.status, r.body)
	}
	r = get(t, ts, "/api/search?q="+url.QueryEscape("nosuchfield:x"))
	if r.status != 400 {
		t.Errorf("unknown field: %d %s", r.status, r.body)
	}
	r = get(t, ts, "/?q="+url.QueryEscape(`"unterminated`))
	if r.status != 400 || !strings.Contains(r.body, "unterminated") {
		t.Errorf("malformed query page: %d", r.status)
	}

	// Trends: meetings per year as planted (the hostile article adds one
	// to 2024).
	var tr Trends
	decode(t, get(t, ts, "/api/trends?theme=high_quality_development"), &tr)
	for y, n := range c.Truth.DocsByYear {
		want := n
		if y == 2024 {
			want++
		}
		if tr.MeetingsByYear[y] != want {
			t.Errorf("meetings %d: %d, want %d", y, tr.MeetingsByYear[y], want)
		}
	}
	if len(tr.Rows) != 1 || tr.Rows[0].ID != "high_quality_development" {
		t.Fatalf("trend rows %+v", tr.Rows)
	}
	var qt QueryTrends
	decode(t, get(t, ts, "/api/trends?q="+url.QueryEscape("高质量发展")+"&q="+url.QueryEscape("述职")), &qt)
	if len(qt.Series) != 2 || len(qt.Years) == 0 {
		t.Errorf("query trends %+v", qt)
	}
	if r := get(t, ts, "/api/trends?q="+url.QueryEscape(`"x`)); r.status != 400 {
		t.Errorf("malformed trend query: %d", r.status)
	}

	// Context lines and recurring requirements from the real packages.
	var kw struct{ Lines []KWICLine }
	decode(t, get(t, ts, "/api/context?term="+url.QueryEscape("高质量发展")+"&limit=10"), &kw)
	if len(kw.Lines) == 0 || kw.Lines[0].Match == "" {
		t.Errorf("context: %+v", kw.Lines)
	}
	var gs struct{ Groups []RequirementGroup }
	decode(t, get(t, ts, "/api/requirements?min_years=3"), &gs)
	if len(gs.Groups) == 0 {
		t.Fatal("no recurring requirement")
	}
	for _, g := range gs.Groups {
		if len(g.Years) < 3 || g.Count < len(g.Years) || len(g.Members) == 0 {
			t.Errorf("group %q: years %v count %d members %d", g.Representative, g.Years, g.Count, len(g.Members))
		}
	}

	// Reports for a period, in both formats, as downloads.
	r = get(t, ts, "/api/report?from=2022&to=2023&format=md")
	if r.status != 200 || !strings.Contains(r.body, "2022") || !strings.HasPrefix(r.header.Get("Content-Type"), "text/markdown") ||
		!strings.Contains(r.header.Get("Content-Disposition"), "meetscan-report-2022-2023.md") {
		t.Errorf("markdown report: %d %q %q", r.status, r.header.Get("Content-Disposition"), trim(r.body))
	}
	r = get(t, ts, "/api/report?year=2024&format=html&download=1")
	if r.status != 200 || !strings.Contains(r.body, "<svg") || strings.Contains(r.body, "<script>alert") ||
		!strings.HasPrefix(r.header.Get("Content-Security-Policy"), "sandbox") {
		t.Errorf("html report: %d %q", r.status, r.header.Get("Content-Security-Policy"))
	}

	// The stored hostile article renders inert.
	r = get(t, ts, "/articles/"+hostile.Article.ID)
	if r.status != 200 || strings.Contains(r.body, "<script>") || strings.Contains(r.body, "<b>") {
		t.Errorf("hostile article page: %d", r.status)
	}
}

func decode(t *testing.T, r response, v any) {
	t.Helper()
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, trim(r.body))
	}
	if err := json.Unmarshal([]byte(r.body), v); err != nil {
		t.Fatalf("decode: %v\n%s", err, trim(r.body))
	}
}
