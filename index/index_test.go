package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/search"

	"meetscan/analysis/taxonomy"
	"meetscan/data"
)

func pub(s string) data.PubTime {
	t, err := data.ParsePubTime(s)
	if err != nil {
		panic(err)
	}
	return t
}

// testDocs is a small mixed corpus; ids say what each is about.
func testDocs() []Doc {
	mk := func(id, title, body, published string, an *data.Analysis) Doc {
		a := &data.Article{ID: id, URL: "https://example.org/" + id, Title: title, Body: body, Published: pub(published)}
		return Doc{Article: a, Analysis: an}
	}
	return []Doc{
		mk("review", "某区召开2023年度党支部书记述职评议会", "会上，8名党支部书记围绕抓基层党建工作进行述职。区委书记张建国同志对述职情况逐一点评，要求全面从严治党。",
			"2024-01-10", &data.Analysis{Lang: "zh", MeetingDate: "2024-01-09", PeriodYear: 2023, Org: "某区委", MeetingType: data.MeetingReview,
				People:   []data.Person{{Name: "张建国", Roles: []string{"区委书记"}}},
				Themes:   []data.ThemeHit{{ID: "party_building"}, {ID: "strict_governance"}},
				Keywords: []data.Keyword{{Term: "述职", Weight: 1}, {Term: "党建", Weight: 0.8}}}),
		mk("promo", "党建工作推进会召开", "会议强调，要推动高质量发展，压实党建工作责任。<script>alert(1)</script>",
			"2022-05-06", &data.Analysis{Lang: "zh", MeetingDate: "2022-05-05", Org: "某市委组织部", MeetingType: data.MeetingPromotion,
				Themes:   []data.ThemeHit{{ID: "party_building"}, {ID: "hq_development"}},
				Keywords: []data.Keyword{{Term: "党建", Weight: 1}}}),
		mk("study", "理论学习中心组专题学习", "中心组成员围绕学习贯彻党的二十大精神交流发言，弘扬光荣传统。",
			"2023-03-01", &data.Analysis{Lang: "zh", Org: "某县委", MeetingType: data.MeetingStudy,
				Keywords: []data.Keyword{{Term: "二十大", Weight: 1}}}),
		mk("en", "Party branch secretaries report on their work", "The meeting called for high-quality development and stricter governance of the Party's branches. Secretaries' reports were reviewed.",
			"2023-06-01T10:00:00+08:00", &data.Analysis{Lang: "en", Org: "District Committee", MeetingType: data.MeetingReview,
				Themes: []data.ThemeHit{{ID: "hq_development"}}}),
		mk("trad", "", "黨支部書記述職評議會", "2020-01-01", nil),
		mk("noanalysis", "无分析的文章", "这篇文章讲的是乡村振兴。", "2021-02-02", nil),
	}
}

func openTest(t *testing.T, dir string, cfg Config) *Index {
	t.Helper()
	ix, err := Open(dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func newTestIndex(t *testing.T) *Index {
	t.Helper()
	ix := openTest(t, filepath.Join(t.TempDir(), "index"), Config{AnalyzerVersion: "test-1"})
	if err := ix.Add(context.Background(), testDocs()); err != nil {
		t.Fatal(err)
	}
	return ix
}

// ids returns the ids of the full (not partial) hits, sorted.
func ids(r *Result) []string {
	var out []string
	for _, h := range r.Hits {
		if !h.Partial {
			out = append(out, h.ID)
		}
	}
	slices.Sort(out)
	return out
}

func TestSearch(t *testing.T) {
	ix := newTestIndex(t)
	ctx := context.Background()
	if n, err := ix.Count(); err != nil || n != 6 {
		t.Fatalf("Count = %d, %v; want 6", n, err)
	}
	tests := []struct {
		name string
		req  Request
		want []string
	}{
		{"two-char inside longer word", Request{Query: "述职"}, []string{"review", "trad"}},
		{"党建 inside 党建工作", Request{Query: "党建"}, []string{"promo", "review"}},
		{"one char inside words", Request{Query: "党"}, []string{"promo", "review", "study", "trad"}},
		{"run of words is AND", Request{Query: "全面从严治党"}, []string{"review"}},
		{"word split by context", Request{Query: "光荣传统"}, []string{"study"}},
		{"four chars", Request{Query: "乡村振兴"}, []string{"noanalysis"}},
		{"english stemmed", Request{Query: "reviews"}, []string{"en"}},
		{"english AND", Request{Query: "branch governance"}, []string{"en"}},
		{"english phrase", Request{Query: `"high-quality development"`}, []string{"en"}},
		{"english phrase miss", Request{Query: `"development high-quality"`}, nil},
		{"traditional folded", Request{Query: "黨建"}, []string{"promo", "review"}},
		{"traditional text", Request{Query: "评议"}, []string{"review", "trad"}},
		{"chinese phrase", Request{Query: `"党支部书记述职"`}, []string{"review", "trad"}},
		{"exclusion", Request{Query: "党建 -述职"}, []string{"promo"}},
		{"plus accepted", Request{Query: "+党建 +推进会"}, []string{"promo"}},
		{"field title", Request{Query: "title:推进会"}, []string{"promo"}},
		{"field person", Request{Query: "person:张建国"}, []string{"review"}},
		{"field theme", Request{Query: "theme:hq_development"}, []string{"en", "promo"}},
		{"field year range", Request{Query: "year:>=2023"}, []string{"en", "review", "study"}},
		{"field date", Request{Query: "date:2022"}, []string{"promo"}},
		{"filter org", Request{Org: "某区委"}, []string{"review"}},
		{"filter year", Request{Year: 2023}, []string{"en", "review", "study"}},
		{"filter type", Request{Type: data.MeetingReview}, []string{"en", "review"}},
		{"filter lang", Request{Lang: "en"}, []string{"en"}},
		{"filter from/to", Request{From: time.Date(2023, 1, 1, 0, 0, 0, 0, data.Shanghai), To: time.Date(2023, 6, 1, 0, 0, 0, 0, data.Shanghai)}, []string{"en", "study"}},
		{"wildcard via bleve", Request{Query: "secretar*"}, []string{"en"}},
		{"empty matches all", Request{}, []string{"en", "noanalysis", "promo", "review", "study", "trad"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := ix.Search(ctx, tc.req)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(res); !slices.Equal(got, tc.want) {
				t.Errorf("%+v: got %v, want %v", tc.req, got, tc.want)
			}
			if res.Total != len(tc.want) {
				t.Errorf("Total = %d, want %d", res.Total, len(tc.want))
			}
		})
	}
}

func TestSearchHitsSnippetsFacets(t *testing.T) {
	ix := newTestIndex(t)
	res, err := ix.Search(context.Background(), Request{Query: "党建 alert", Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || res.Hits[0].ID != "promo" || res.Hits[0].Partial || res.Total != 1 ||
		res.Hits[1].ID != "review" || !res.Hits[1].Partial || res.Partial != 1 {
		t.Fatalf("hits = %+v", res.Hits)
	}
	h := res.Hits[0]
	if h.URL != "https://example.org/promo" || h.Title != "党建工作推进会召开" || h.Published != "2022-05-06" ||
		h.MeetingDate != "2022-05-05" || h.Org != "某市委组织部" || h.MeetingType != data.MeetingPromotion || h.Year != 2022 {
		t.Errorf("hit fields = %+v", h)
	}
	if !strings.Contains(h.TitleHTML, "<mark>党建</mark>") {
		t.Errorf("title not highlighted: %q", h.TitleHTML)
	}
	joined := strings.Join(h.Snippets, " ")
	if !strings.Contains(joined, "<mark>党建</mark>") || strings.Contains(joined, "<script>") || !strings.Contains(joined, "&lt;script&gt;") {
		t.Errorf("snippets not highlighted and escaped: %q", joined)
	}
	// The body field holds the title too (bodyText): it must not come back
	// as a snippet.
	if strings.Contains(joined, "推进会召开") {
		t.Errorf("snippets repeat the title: %q", joined)
	}
	if tq, err := ix.Search(context.Background(), Request{Query: "title:党建"}); err != nil || len(tq.Hits) != 1 ||
		!strings.Contains(tq.Hits[0].TitleHTML, "<mark>党建</mark>") {
		t.Errorf("title: query = %+v, %v", tq, err)
	}
	if got := res.Facets[FacetYear]; len(got) != 1 || got[0] != (FacetTerm{"2022", 1}) {
		t.Errorf("year facet = %v", got)
	}
	if got := res.Facets[FacetTheme]; len(got) != 2 {
		t.Errorf("theme facet = %v", got)
	}

	all, err := ix.Search(context.Background(), Request{Facets: true, Sort: SortDate, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != 6 || len(all.Hits) != 2 || all.Hits[0].ID != "review" || all.Hits[1].ID != "en" {
		t.Errorf("date sort: total %d hits %v", all.Total, all.Hits)
	}
	want := []FacetTerm{{"2023", 3}, {"2022", 1}, {"2021", 1}, {"2020", 1}}
	if got := all.Facets[FacetYear]; !slices.Equal(got, want) {
		t.Errorf("year facet = %v, want %v", got, want)
	}
	page2, err := ix.Search(context.Background(), Request{Sort: SortDate, Limit: 2, Offset: 2})
	if err != nil || len(page2.Hits) != 2 || page2.Hits[0].ID != "study" {
		t.Errorf("page 2 = %v, %v", page2, err)
	}
}

func TestSingleCharMarked(t *testing.T) {
	ix := newTestIndex(t)
	res, err := ix.Search(context.Background(), Request{Query: "廉 述职"})
	if err != nil {
		t.Fatal(err)
	}
	res, err = ix.Search(context.Background(), Request{Query: "党"})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		joined := h.TitleHTML + strings.Join(h.Snippets, "")
		if !strings.Contains(joined, "<mark>党</mark>") && !strings.Contains(joined, "<mark>黨") {
			t.Errorf("%s: 党 not marked: %q", h.ID, joined)
		}
		if strings.Contains(joined, "<mark><mark>") {
			t.Errorf("%s: marked twice: %q", h.ID, joined)
		}
	}
	if got := markOutside("党建<mark>党</mark>党", []string{"党"}); got != "<mark>党</mark>建<mark>党</mark><mark>党</mark>" {
		t.Errorf("markOutside = %q", got)
	}
}

func TestBadQuery(t *testing.T) {
	ix := newTestIndex(t)
	for _, q := range []string{`"unterminated`, "nosuchfield:x", "year:abc", "date:20x", "title:"} {
		_, err := ix.Search(context.Background(), Request{Query: q})
		if !errors.Is(err, ErrBadQuery) {
			t.Errorf("%q: err = %v, want ErrBadQuery", q, err)
		}
	}
	if _, err := ix.Search(context.Background(), Request{Sort: "x"}); !errors.Is(err, ErrBadQuery) {
		t.Errorf("bad sort: %v", err)
	}
}

func TestCountsForTrends(t *testing.T) {
	ix := newTestIndex(t)
	ctx := context.Background()
	yc, err := ix.YearCounts(ctx, Request{Query: "党"})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(yc) != "map[2020:1 2022:1 2023:2]" {
		t.Errorf("YearCounts = %v", yc)
	}
	by, err := ix.FacetByYear(ctx, Request{}, FacetTheme, 50)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(by[2023]) != "[{hq_development 1} {party_building 1} {strict_governance 1}]" || fmt.Sprint(by[2022]) != "[{hq_development 1} {party_building 1}]" || len(by[2021]) != 0 {
		t.Errorf("FacetByYear = %v", by)
	}
	kw, total, err := ix.FacetTerms(ctx, Request{}, FacetKeyword, 10)
	if err != nil || total != 6 || fmt.Sprint(kw) != "[{党建 2} {二十大 1} {述职 1}]" {
		t.Errorf("FacetTerms = %v %d %v", kw, total, err)
	}
	var seen []string
	if err := ix.Each(ctx, Request{Query: "党建"}, func(h Hit) error { seen = append(seen, h.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(seen) != "[promo review]" {
		t.Errorf("Each = %v", seen)
	}
}

func TestLockVersionRebuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	cfg := Config{AnalyzerVersion: "v1", Owner: "test holder"}
	ix := openTest(t, dir, cfg)
	ctx := context.Background()
	if err := ix.Add(ctx, testDocs()[:2]); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err := Open(dir, cfg)
	var le *LockedError
	if !errors.Is(err, ErrLocked) || !errors.As(err, &le) || le.Owner != "test holder" || le.PID == 0 {
		t.Fatalf("second Open: %v", err)
	}
	if time.Since(start) > time.Second {
		t.Errorf("second Open took %v", time.Since(start))
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	_, err = Open(dir, Config{AnalyzerVersion: "v2"})
	if !errors.Is(err, ErrVersionMismatch) || !strings.Contains(err.Error(), "meetscan index --rebuild") {
		t.Fatalf("Open with new version: %v", err)
	}
	src := func(ctx context.Context, yield func(Doc) error) error {
		for _, d := range testDocs() {
			if err := yield(d); err != nil {
				return err
			}
		}
		return nil
	}
	var progress []int
	if err := Rebuild(ctx, dir, Config{AnalyzerVersion: "v2"}, src, func(n int) { progress = append(progress, n) }); err != nil {
		t.Fatal(err)
	}
	if len(progress) == 0 || progress[len(progress)-1] != 6 {
		t.Errorf("progress = %v", progress)
	}
	ix2 := openTest(t, dir, Config{AnalyzerVersion: "v2"})
	if n, _ := ix2.Count(); n != 6 {
		t.Errorf("after rebuild Count = %d", n)
	}
	if ix2.Stale() {
		t.Error("stale after rebuild")
	}
	if err := ix2.Delete(ctx, "promo", "unknown"); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix2.Count(); n != 5 {
		t.Errorf("after delete Count = %d", n)
	}
}

func TestCrossLingualThemes(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	ix := openTest(t, filepath.Join(t.TempDir(), "index"), Config{AnalyzerVersion: "x", Taxonomy: tax})
	mk := func(id, title, body string, themes ...string) Doc {
		an := &data.Analysis{}
		for _, th := range themes {
			an.Themes = append(an.Themes, data.ThemeHit{ID: th})
		}
		return Doc{Article: &data.Article{ID: id, Title: title, Body: body}, Analysis: an}
	}
	docs := []Doc{
		mk("zh", "推动高质量发展", "会议要求推动高质量发展。", "high_quality_development"),
		mk("en", "Meeting on growth", "The meeting called for high-quality growth of the company.", "high_quality_development"),
		mk("other", "Other", "Nothing about it.", "standardization"),
	}
	if err := ix.Add(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"高质量发展", `"high-quality development"`} {
		res, err := ix.Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(res); !slices.Equal(got, []string{"en", "zh"}) {
			t.Errorf("%s: got %v, want [en zh]", q, got)
		}
		if len(res.CrossLingual) != 1 || res.CrossLingual[0].ID != "high_quality_development" || res.CrossLingual[0].LabelZH != "高质量发展" {
			t.Errorf("%s: CrossLingual = %+v", q, res.CrossLingual)
		}
	}
	res, err := ix.Search(context.Background(), Request{Query: "党建"})
	if err != nil || len(res.CrossLingual) != 0 {
		t.Errorf("党建: CrossLingual = %+v, %v", res.CrossLingual, err)
	}
	// The taxonomy version is part of the recorded version.
	if !strings.Contains(Config{Taxonomy: tax}.version(), "taxonomy:"+tax.Version()) {
		t.Error("taxonomy version not recorded")
	}
}

func TestTitleFromBody(t *testing.T) {
	title := "A&B 党建会"
	loc := func(start, end uint64) *search.Location { return &search.Location{Start: start, End: end} }
	tests := []struct {
		name string
		locs search.TermLocationMap
		want string
	}{
		{"none", nil, ""},
		{"body only", search.TermLocationMap{"x": {loc(20, 23)}}, ""},
		{"one", search.TermLocationMap{"党建": {loc(4, 10)}}, "A&amp;B <mark>党建</mark>会"},
		{"overlapping", search.TermLocationMap{"党建会": {loc(4, 13)}, "党建": {loc(4, 10)}, "a": {loc(0, 1)}},
			"<mark>A</mark>&amp;B <mark>党建会</mark>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := titleFromBody(title, tc.locs); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDropTitle(t *testing.T) {
	title := "A&B 党建会"
	tests := []struct{ frag, want string }{
		{"A&amp;B <mark>党建</mark>会\n正文<mark>党建</mark>", "正文<mark>党建</mark>"},
		{"B <mark>党建</mark>会\n正文", "正文"},
		{"<mark>党建</mark>会", ""},
		{"正文一\n正文二", "正文一\n正文二"},
		{"正文<mark>党建</mark>", "正文<mark>党建</mark>"},
	}
	for _, tc := range tests {
		if got := dropTitle(tc.frag, title); got != tc.want {
			t.Errorf("dropTitle(%q) = %q, want %q", tc.frag, got, tc.want)
		}
	}
	if got := dropTitle("x\ny", ""); got != "x\ny" {
		t.Errorf("no title: %q", got)
	}
}

// TestAddManyBatches: batches run concurrently, so an id given twice in
// one Add must still end up with its last version, and every article of a
// multi-batch Add must be there when Add returns.
func TestAddManyBatches(t *testing.T) {
	ix := openTest(t, filepath.Join(t.TempDir(), "index"), Config{AnalyzerVersion: "test-1"})
	n := batchSize*batchesInFlight + 7
	docs := make([]Doc, 0, n+1)
	for i := 0; i < n; i++ {
		a := &data.Article{ID: fmt.Sprintf("a%05d", i), URL: fmt.Sprintf("https://example.org/%d", i),
			Title: "旧标题", Body: "党建工作推进会"}
		docs = append(docs, Doc{Article: a})
	}
	docs = append(docs, Doc{Article: &data.Article{ID: "a00000", URL: "https://example.org/0", Title: "新标题", Body: "述职评议会"}})
	if err := ix.Add(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	if c, err := ix.Count(); err != nil || c != n {
		t.Fatalf("Count = %d, %v; want %d", c, err, n)
	}
	res, err := ix.Search(context.Background(), Request{Query: "述职评议", Exact: true})
	if err != nil || res.Total != 1 || res.Hits[0].ID != "a00000" || res.Hits[0].Title != "新标题" {
		t.Fatalf("last version not indexed: %+v, %v", res, err)
	}
	if _, err := ix.Search(context.Background(), Request{Query: "旧标题"}); err != nil {
		t.Fatal(err)
	}
	if res, _ := ix.Search(context.Background(), Request{Query: `title:"新标题"`}); res == nil || res.Total != 1 {
		t.Errorf("title query: %+v", res)
	}
}
