package report

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"meetscan/analysis/recurring"
	"meetscan/analysis/segment"
	"meetscan/data"
	"meetscan/data/gen"
	"meetscan/index/trends"
)

var (
	tokOnce sync.Once
	tok     *recurring.SegTokenizer
	tokErr  error
)

func testTokenizer(tb testing.TB) *recurring.SegTokenizer {
	tokOnce.Do(func() {
		seg, err := segment.Default()
		if err != nil {
			tokErr = err
			return
		}
		tok = recurring.NewTokenizer(seg)
	})
	if tokErr != nil {
		tb.Fatal(tokErr)
	}
	return tok
}

// themeLabels gives the planted themes readable labels, as the taxonomy
// would.
var themeLabels = map[string][2]string{
	"high_quality_development":        {"High-quality development", "高质量发展"},
	"two_studies_one_action":          {"Two studies, one action", "两学一做"},
	"epidemic_prevention":             {"Epidemic prevention", "疫情防控"},
	"theme_education":                 {"Theme education", "主题教育"},
	"party_congress_spirit":           {"Party congress spirit", "党代会精神"},
	"sci_tech_innovation":             {"Sci-tech innovation", "科技创新"},
	"digital_party_building":          {"Smart party building", "智慧党建"},
	"five_year_plan":                  {"Five-year plan", "五年规划"},
	"comprehensive_strict_governance": {"Strict governance of the Party", "全面从严治党"},
	"party_building_brand":            {"Party building brand", "党建品牌"},
}

// plantedStore writes a generated corpus into a real store with the
// analysis a perfect analyser would produce (the planted facts), so the
// report's numbers can be checked exactly against the generator's truth.
func plantedStore(tb testing.TB, cfg gen.Config, extra ...*data.Article) (*data.Store, gen.Truth) {
	tb.Helper()
	st, err := data.Open(tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st, fill(tb, st, cfg, extra...)
}

func fill(tb testing.TB, st *data.Store, cfg gen.Config, extra ...*data.Article) gen.Truth {
	tb.Helper()
	var arts []*data.Article
	ans := map[string]*data.Analysis{}
	flush := func() {
		if _, err := st.PutArticles(arts); err != nil {
			tb.Fatal(err)
		}
		if err := st.PutAnalyses(ans); err != nil {
			tb.Fatal(err)
		}
		arts, ans = arts[:0], map[string]*data.Analysis{}
	}
	truth, err := gen.GenerateDocs(cfg, func(d *gen.Doc) error {
		a := d.Article
		a.Normalize()
		an := &data.Analysis{Lang: a.Lang, MeetingDate: d.MeetingDate, Org: d.Org.ZH, MeetingType: d.Type, Speaker: d.Speaker.ZH}
		for _, id := range d.Themes {
			l := themeLabels[id]
			an.Themes = append(an.Themes, data.ThemeHit{ID: id, LabelEN: l[0], LabelZH: l[1], Count: 1})
		}
		for _, it := range d.Items {
			var th []string
			if strings.HasPrefix(it.Family, "theme:") {
				th = []string{strings.TrimPrefix(it.Family, "theme:")}
			}
			an.Requirements = append(an.Requirements, data.Requirement{Text: it.Text, Themes: th})
		}
		arts = append(arts, a)
		ans[a.ID] = an
		if len(arts) >= 500 {
			flush()
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	for _, a := range extra {
		a.Normalize()
		arts = append(arts, a)
		ans[a.ID] = &data.Analysis{MeetingDate: "2024-05-01", Org: "<b>恶意单位</b>", MeetingType: "other", Speaker: "<i>X</i>",
			Requirements: []data.Requirement{{Text: "要<script>alert(2)</script>加强"}}}
	}
	flush()
	return truth
}

func TestBuildPlanted(t *testing.T) {
	hostile := &data.Article{URL: "https://evil.test/a?x=1", Title: `<script>alert("x")</script>标题 | *bold*`,
		Body: "body", Published: data.PubTime{Time: time.Date(2024, 5, 2, 0, 0, 0, 0, data.Shanghai)}}
	st, truth := plantedStore(t, gen.Default(1200, 3), hostile)
	rep, err := Build(context.Background(), st, testTokenizer(t), Options{From: 2019, To: 2024,
		Now: time.Date(2026, 11, 22, 4, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	// Exact counts against the generator's truth.
	for _, c := range rep.MeetingsByYear {
		want := truth.DocsByYear[atoi(c.Key)]
		if c.Key == "2024" {
			want++ // the hostile article
		}
		if c.Count != want {
			t.Errorf("meetings %s = %d, want %d", c.Key, c.Count, want)
		}
		if len(c.Links) == 0 {
			t.Errorf("year %s has no source links", c.Key)
		}
	}
	for _, th := range rep.Themes.Themes {
		for y, n := range truth.ThemeDocs[th.ID] {
			if th.DocsByYear[y] != n {
				t.Errorf("theme %s %d: %d, want %d", th.ID, y, th.DocsByYear[y], n)
			}
		}
	}
	// The planted changes are the labelled ones, and first.
	labels := map[string]string{}
	for _, th := range rep.Themes.Themes {
		labels[th.ID] = th.Trend
	}
	for id, want := range map[string]string{
		"high_quality_development": trends.Rising, "two_studies_one_action": trends.Falling,
		"digital_party_building": trends.Rising, "sci_tech_innovation": trends.Rising,
		"comprehensive_strict_governance": trends.Steady, "party_building_brand": trends.Steady,
	} {
		if labels[id] != want {
			t.Errorf("%s labelled %q, want %q", id, labels[id], want)
		}
	}
	if rep.Themes.Themes[0].ID != "high_quality_development" && rep.Themes.Themes[0].ID != "two_studies_one_action" {
		t.Errorf("first theme %s", rep.Themes.Themes[0].ID)
	}
	if len(rep.Recurring) == 0 || len(rep.Recurring[0].Years) != 6 || len(rep.Recurring[0].Members) == 0 {
		t.Errorf("recurring %+v", rep.Recurring)
	}
	if len(rep.Leaders) == 0 || len(rep.Leaders[0].Links) == 0 || rep.NOrgs != 31 {
		t.Errorf("leaders %+v, orgs %d", rep.Leaders, rep.NOrgs)
	}

	var h bytes.Buffer
	if err := rep.WriteHTML(&h); err != nil {
		t.Fatal(err)
	}
	page := h.String()
	for _, want := range []string{"<svg", "</svg>", "<polyline", "每年会议数 Meetings per year", `href="#src-2021"`, `id="src-2021"`, `href="#theme-high_quality_development"`, `id="theme-high_quality_development"`,
		"高质量发展 High-quality development", "▲ 上升 rising", `href="https://reports.meetscan.test/`} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "<b>恶意", "<i>X", "http://fonts", "<link "} {
		if strings.Contains(page, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	var md bytes.Buffer
	if err := rep.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# 会议趋势报告 Meeting trends 2019–2024", "| 2021 |", "](https://reports.meetscan.test/"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	if strings.Contains(md.String(), "<script") {
		t.Error("Markdown contains a raw <script>")
	}
	if dir := os.Getenv("REPORT_OUT"); dir != "" {
		os.WriteFile(filepath.Join(dir, "report.html"), h.Bytes(), 0o644)
		os.WriteFile(filepath.Join(dir, "report.md"), md.Bytes(), 0o644)
	}
}

func TestBuildOneYear(t *testing.T) {
	st, truth := plantedStore(t, gen.Default(600, 5))
	rep, err := Build(context.Background(), st, testTokenizer(t), Options{From: 2022, To: 2022})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Meetings != truth.DocsByYear[2022] || len(rep.MeetingsByYear) != 1 {
		t.Errorf("meetings %d (%v), want %d", rep.Meetings, rep.MeetingsByYear, truth.DocsByYear[2022])
	}
	// a one-year report compares with the year before
	if len(rep.Themes.Years) != 2 || rep.Themes.Compare.Study[0] != 2022 || rep.Themes.Compare.Reference[0] != 2021 {
		t.Errorf("compare %+v years %v", rep.Themes.Compare, rep.Themes.Years)
	}
	for _, g := range rep.NewReqs {
		if g.FirstSeen < "2022" {
			t.Errorf("new requirement first seen %s", g.FirstSeen)
		}
	}
	if dir := os.Getenv("REPORT_OUT"); dir != "" {
		var h bytes.Buffer
		if err := rep.WriteHTML(&h); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "report-2022.html"), h.Bytes(), 0o644)
	}
	if _, err := Build(context.Background(), st, testTokenizer(t), Options{From: 2023, To: 2021}); err == nil {
		t.Error("reversed period accepted")
	}
	if _, err := Build(context.Background(), st, testTokenizer(t), Options{}); err == nil {
		t.Error("missing period accepted")
	}
}

// TestHostileText: crawled titles, organisations, names and requirements
// are text, never markup, in both formats.
func TestHostileText(t *testing.T) {
	var arts []*data.Article
	for i, y := range []int{2023, 2024, 2024} {
		arts = append(arts, &data.Article{URL: "https://evil.test/a?x=" + string(rune('1'+i)), Title: `<script>alert("x")</script>标题 | *bold*`,
			Body: "body " + string(rune('a'+i)), Published: data.PubTime{Time: time.Date(y, 5, 2, 0, 0, 0, 0, data.Shanghai)}})
	}
	arts = append(arts, &data.Article{URL: "javascript:alert(1)", Title: "js link", Body: "x",
		Published: data.PubTime{Time: time.Date(2024, 6, 2, 0, 0, 0, 0, data.Shanghai)}})
	st, _ := plantedStore(t, gen.Config{Docs: 0, FromYear: 2023, ToYear: 2024, Orgs: 1}, arts...)
	rep, err := Build(context.Background(), st, testTokenizer(t), Options{From: 2023, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	var h, md bytes.Buffer
	if err := rep.WriteHTML(&h); err != nil {
		t.Fatal(err)
	}
	if err := rep.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	page := h.String()
	for _, want := range []string{"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;标题", "&lt;b&gt;恶意单位&lt;/b&gt;", "&lt;i&gt;X&lt;/i&gt;", "要&lt;script&gt;alert(2)&lt;/script&gt;加强"} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML lacks escaped %q", want)
		}
	}
	for _, bad := range []string{"<script", "<b>恶意", "<i>X", `href="javascript:`} {
		if strings.Contains(page, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert", "标题 \\| \\*bold\\*", "&lt;b&gt;恶意单位&lt;/b&gt;"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "](javascript:"} {
		if strings.Contains(md.String(), bad) {
			t.Errorf("Markdown contains %q", bad)
		}
	}
}

func TestMarkdownEscape(t *testing.T) {
	for in, want := range map[string]string{
		"<script>x</script>": "&lt;script&gt;x&lt;/script&gt;",
		"a|b\nc":             "a\\|b c",
		"[x](javascript:1)":  "\\[x\\]\\(javascript:1\\)",
	} {
		if got := mdEscape(in); got != want {
			t.Errorf("mdEscape(%q) = %q, want %q", in, got, want)
		}
	}
	if mdURL("javascript:alert(1)") != "" || mdURL("https://a.test/x (1)") != "https://a.test/x%20%281%29" {
		t.Errorf("mdURL: %q %q", mdURL("javascript:alert(1)"), mdURL("https://a.test/x (1)"))
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// BenchmarkBuild100k builds the 2019–2024 report (HTML and Markdown) from
// a store of 100,000 generated articles (MEETSCAN_BENCH_DOCS overrides) with
// planted analyses, kept in MEETSCAN_BENCH_REPORT_STORE when set.
func BenchmarkBuild100k(b *testing.B) {
	n := 100000
	if v, err := strconv.Atoi(os.Getenv("MEETSCAN_BENCH_DOCS")); err == nil && v > 0 {
		n = v
	}
	tk := testTokenizer(b)
	var st *data.Store
	if dir := os.Getenv("MEETSCAN_BENCH_REPORT_STORE"); dir != "" {
		var err error
		if st, err = data.Open(dir); err != nil {
			b.Fatal(err)
		}
		defer st.Close()
		if c, _ := st.Count(); c < n {
			fill(b, st, gen.Default(n, 1))
		}
	} else {
		st, _ = plantedStore(b, gen.Default(n, 1))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep, err := Build(context.Background(), st, tk, Options{From: 2019, To: 2024})
		if err != nil {
			b.Fatal(err)
		}
		if err := rep.WriteHTML(io.Discard); err != nil {
			b.Fatal(err)
		}
		if err := rep.WriteMarkdown(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
