package trends

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"sort"
	"strings"
	"testing"

	"meetscan/data"
	"meetscan/index"
)

func TestG2HandComputed(t *testing.T) {
	// (30,100,10,100): cells 30,10,70,90; expected 20,20,80,80:
	// 2·(30 ln 1.5 + 10 ln 0.5 + 70 ln 0.875 + 90 ln 1.125)
	// = 2·(12.16395 − 6.93147 − 9.34718 + 10.60046) = 12.97151.
	tests := []struct {
		a, nA, b, nR int
		g2, p        float64
	}{
		{30, 100, 10, 100, 12.97151432600681, 0.0003162661143462803},
		{5, 50, 0, 50, 7.1947513300296775, 0.007311712234438264},
		{12, 40, 3, 60, 11.85084419530199, 0.0005763521207241269},
		{1, 10, 0, 10, 1.4389502660059355, 0.2303092857634284},
		{10, 100, 10, 100, 0, 1},
		{0, 100, 0, 100, 0, 1},
		{0, 0, 3, 10, 0, 1},
	}
	for _, tc := range tests {
		g := G2(tc.a, tc.nA, tc.b, tc.nR)
		if math.Abs(g-tc.g2) > 1e-9 {
			t.Errorf("G2(%d,%d,%d,%d) = %.12f, want %.12f", tc.a, tc.nA, tc.b, tc.nR, g, tc.g2)
		}
		if p := PChi2df1(g); math.Abs(p-tc.p) > 1e-12 {
			t.Errorf("p(%g) = %g, want %g", g, p, tc.p)
		}
		// symmetric in the two periods
		if g2 := G2(tc.b, tc.nR, tc.a, tc.nA); math.Abs(g2-g) > 1e-9 {
			t.Errorf("G2 not symmetric: %g vs %g", g, g2)
		}
	}
	// Critical values of chi-square with 1 df.
	for _, c := range []struct{ x, p float64 }{{3.841458820694124, 0.05}, {6.634896601021214, 0.01}, {10.827566170662733, 0.001}} {
		if p := PChi2df1(c.x); math.Abs(p-c.p) > 1e-9 {
			t.Errorf("PChi2df1(%g) = %g, want %g", c.x, p, c.p)
		}
	}
}

// planted is a table whose changes are known: "rise" goes 10% → 40%,
// "fall" 40% → 10%, "fresh" appears in the later half, "old" disappears,
// "flat" stays at 20%, "tiny" moves 0 → 2 meetings (noise).
func planted() Table {
	years := []int{2019, 2020, 2021, 2022}
	meet := map[int]int{2019: 100, 2020: 100, 2021: 100, 2022: 100}
	return Table{
		Years:    years,
		Meetings: meet,
		Docs: map[string]map[int]int{
			"rise":  {2019: 10, 2020: 20, 2021: 30, 2022: 40},
			"fall":  {2019: 40, 2020: 30, 2021: 20, 2022: 10},
			"fresh": {2021: 12, 2022: 15},
			"old":   {2019: 9, 2020: 7},
			"flat":  {2019: 20, 2020: 21, 2021: 19, 2022: 20},
			"tiny":  {2021: 1, 2022: 1},
		},
		Labels: map[string][2]string{"rise": {"Rise", "上升"}},
	}
}

func TestComputePlanted(t *testing.T) {
	res, err := Compute(planted(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Trend{}
	var order []string
	for _, tr := range res.Themes {
		got[tr.ID] = tr
		order = append(order, tr.ID)
	}
	want := map[string]string{"rise": Rising, "fall": Falling, "fresh": New, "old": Gone, "flat": Steady, "tiny": Steady}
	for id, lab := range want {
		if got[id].Trend != lab {
			t.Errorf("%s: trend %q, want %q (g2 %.2f p %.3g)", id, got[id].Trend, lab, got[id].G2, got[id].P)
		}
	}
	// Labelled rows first, by G²; steady last.
	for i, id := range order[:4] {
		if got[id].Trend == Steady {
			t.Errorf("row %d %s is steady, labelled rows must come first: %v", i, id, order)
		}
	}
	if !sort.SliceIsSorted(res.Themes[:4], func(i, j int) bool { return res.Themes[i].G2 > res.Themes[j].G2 }) {
		t.Errorf("labelled rows not by G²: %v", order)
	}
	r := got["rise"]
	if r.DocsByYear[2022] != 40 || r.ShareByYear[2022] != 40 || r.Change != 10 || r.LabelZH != "上升" {
		t.Errorf("rise row wrong: %+v", r)
	}
	// halves: 2021–2022 (70/200) vs 2019–2020 (30/200)
	if want := G2(70, 200, 30, 200); math.Abs(r.G2-round(want, 3)) > 1e-9 {
		t.Errorf("rise g2 %g, want %g", r.G2, want)
	}
	if res.Compare.Study[0] != 2021 || res.Compare.Reference[1] != 2020 {
		t.Errorf("compare %+v", res.Compare)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"years":[2019,2020,2021,2022]`, `"meetings_by_year":{"2019":100`, `"docs_by_year":{"2019":`, `"share_by_year":`, `"change":`, `"g2":`, `"p":`, `"trend":"`, `"label_en":`, `"label_zh":`} {
		if !bytes.Contains(b, []byte(key)) {
			t.Errorf("JSON lacks %s: %s", key, b[:200])
		}
	}
}

func TestComputeBaselines(t *testing.T) {
	tab := planted()
	last, err := Compute(tab, Options{Baseline: BaselineLast})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range last.Themes {
		if tr.ID == "rise" {
			if want := round(G2(40, 100, 60, 300), 3); tr.G2 != want {
				t.Errorf("last baseline g2 %g, want %g", tr.G2, want)
			}
		}
	}
	prev, err := Compute(tab, Options{Baseline: BaselinePrevious})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range prev.Themes {
		if tr.ID == "rise" && tr.Trend != Steady { // 30% → 40% on 100 each: G² ≈ 2.2, not significant
			t.Errorf("previous baseline: rise labelled %s with g2 %g", tr.Trend, tr.G2)
		}
	}
	if _, err := Compute(tab, Options{Baseline: "bogus"}); err == nil {
		t.Error("unknown baseline accepted")
	}
	one, err := Compute(Table{Years: []int{2020}, Meetings: map[int]int{2020: 5}, Docs: map[string]map[int]int{"x": {2020: 5}}}, Options{})
	if err != nil || one.Themes[0].Trend != Steady || one.Themes[0].P != 1 {
		t.Errorf("single year: %+v %v", one, err)
	}
}

func TestSmallSampleNotATrend(t *testing.T) {
	// 1 of 3 meetings → 3 of 3 meetings: share +67 pp, but n is tiny.
	tab := Table{Years: []int{2022, 2023}, Meetings: map[int]int{2022: 3, 2023: 3},
		Docs: map[string]map[int]int{"x": {2022: 1, 2023: 3}, "y": {2023: 2}}}
	res, err := Compute(tab, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range res.Themes {
		if tr.Trend != Steady {
			t.Errorf("%s labelled %s on a tiny sample (g2 %.2f)", tr.ID, tr.Trend, tr.G2)
		}
	}
	// Tiny effect on a huge sample: significant but below MinChangePP.
	big := Table{Years: []int{2022, 2023}, Meetings: map[int]int{2022: 1000000, 2023: 1000000},
		Docs: map[string]map[int]int{"x": {2022: 100000, 2023: 102000}}}
	res, _ = Compute(big, Options{})
	if res.Themes[0].P > 0.01 || res.Themes[0].Trend != Steady {
		t.Errorf("0.2 pp change: p %g trend %s; want significant yet steady", res.Themes[0].P, res.Themes[0].Trend)
	}
}

// fakeIndex answers the Counter and Searcher interfaces from a slice of
// documents, the way the index facets: document counts per year.
type fakeIndex struct {
	docs []fakeDoc
}

type fakeDoc struct {
	id, url, title, org, typ string
	year                     int
	themes, keywords         []string
	body                     string
}

func (f *fakeIndex) match(req index.Request, d fakeDoc) bool {
	if req.Org != "" && d.org != req.Org || req.Type != "" && d.typ != req.Type {
		return false
	}
	if req.Theme != "" && !contains(d.themes, req.Theme) {
		return false
	}
	for _, w := range strings.Fields(req.Query) {
		if !strings.Contains(strings.ToLower(d.title+" "+d.body), strings.ToLower(strings.Trim(w, `"`))) {
			return false
		}
	}
	return true
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func (f *fakeIndex) YearCounts(_ context.Context, req index.Request) (map[int]int, error) {
	m := map[int]int{}
	for _, d := range f.docs {
		if f.match(req, d) {
			m[d.year]++
		}
	}
	return m, nil
}

func (f *fakeIndex) FacetByYear(_ context.Context, req index.Request, facet string, size int) (map[int][]index.FacetTerm, error) {
	counts := map[int]map[string]int{}
	for _, d := range f.docs {
		if !f.match(req, d) {
			continue
		}
		vals := d.themes
		if facet == index.FacetKeyword {
			vals = d.keywords
		}
		if counts[d.year] == nil {
			counts[d.year] = map[string]int{}
		}
		for _, v := range vals {
			counts[d.year][v]++
		}
	}
	out := map[int][]index.FacetTerm{}
	for y, m := range counts {
		for term, n := range m {
			out[y] = append(out[y], index.FacetTerm{Term: term, Count: n})
		}
		sort.Slice(out[y], func(i, j int) bool {
			a, b := out[y][i], out[y][j]
			return a.Count > b.Count || a.Count == b.Count && a.Term < b.Term
		})
		if len(out[y]) > size {
			out[y] = out[y][:size]
		}
	}
	return out, nil
}

func (f *fakeIndex) Each(_ context.Context, req index.Request, fn func(index.Hit) error) error {
	for _, d := range f.docs {
		if f.match(req, d) {
			if err := fn(index.Hit{ID: d.id, URL: d.url, Title: d.title, Year: d.year, Org: d.org}); err != nil {
				return err
			}
		}
	}
	return nil
}

func (f *fakeIndex) Article(id string) (*data.Article, error) {
	for _, d := range f.docs {
		if d.id == id {
			return &data.Article{ID: d.id, URL: d.url, Title: d.title, Body: d.body}, nil
		}
	}
	return nil, data.ErrNotFound
}

// plantedIndex: 2020–2023, 50 meetings a year; theme "green" in 5, 10, 20,
// 30 of them; "old" in 20, 15, 2, 0; keyword 二十大 from 2022 only.
func plantedIndex() *fakeIndex {
	f := &fakeIndex{}
	green := map[int]int{2020: 5, 2021: 10, 2022: 20, 2023: 30}
	old := map[int]int{2020: 20, 2021: 15, 2022: 2, 2023: 0}
	erd := map[int]int{2022: 25, 2023: 40}
	n := 0
	for y := 2020; y <= 2023; y++ {
		for i := 0; i < 50; i++ {
			d := fakeDoc{id: "d" + string(rune('a'+y-2020)) + string(rune('A'+i)), year: y, org: "组织部", typ: "review",
				url: "https://example.org/" + string(rune('a'+y-2020)) + string(rune('A'+i)), themes: []string{"party"},
				keywords: []string{"党建", "要"}, body: "会议强调，要加强党的建设。"}
			if i%2 == 0 {
				d.org = "宣传部"
			}
			if i < green[y] {
				d.themes = append(d.themes, "green")
				d.body += "\n坚持绿色发展，推动生态文明建设。"
			}
			if i < old[y] {
				d.themes = append(d.themes, "old")
			}
			if i < erd[y] {
				d.keywords = append(d.keywords, "二十大")
				d.body += "\n深入学习贯彻党的二十大精神，Study the 20th Congress spirit."
			}
			f.docs = append(f.docs, d)
			n++
		}
	}
	return f
}

func TestThemesFromIndex(t *testing.T) {
	f := plantedIndex()
	res, err := Themes(context.Background(), f, Filter{}, []Theme{{ID: "green", LabelEN: "Green development", LabelZH: "绿色发展"}, {ID: "unused"}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// old: 35% → 2% (G² 42.5) before green: 15% → 50% (G² 29.1).
	if res.Themes[0].ID != "old" || res.Themes[0].Trend != Falling || res.Themes[1].ID != "green" || res.Themes[1].Trend != Rising {
		t.Fatalf("order/labels: %+v", res.Themes[:2])
	}
	if res.Themes[2].Trend != Steady {
		t.Errorf("third row %+v", res.Themes[2])
	}
	g := res.Themes[1]
	for y, want := range map[int]int{2020: 5, 2021: 10, 2022: 20, 2023: 30} {
		if g.DocsByYear[y] != want {
			t.Errorf("green %d: %d, want %d", y, g.DocsByYear[y], want)
		}
	}
	if g.ShareByYear[2023] != 60 || g.Change != 20 || g.LabelEN != "Green development" {
		t.Errorf("green row %+v", g)
	}
	if res.MeetingsByYear[2023] != 50 || len(res.Years) != 4 {
		t.Errorf("meetings %v years %v", res.MeetingsByYear, res.Years)
	}
	found := false
	for _, tr := range res.Themes {
		if tr.ID == "unused" {
			found = tr.Trend == Steady && tr.DocsByYear[2020] == 0
		}
	}
	if !found {
		t.Error("taxonomy theme without mentions missing")
	}
	// Filter by org: half the meetings.
	res, err = Themes(context.Background(), f, Filter{Org: "宣传部", From: 2021, To: 2023}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Years) != 3 || res.MeetingsByYear[2021] != 25 {
		t.Errorf("filtered: years %v meetings %v", res.Years, res.MeetingsByYear)
	}
}

func TestTermsNewVocabulary(t *testing.T) {
	res, err := Terms(context.Background(), plantedIndex(), Filter{}, TermOptions{Stop: map[string]bool{"要": true}})
	if err != nil {
		t.Fatal(err)
	}
	if res.By != "term" || len(res.Themes) == 0 || res.Themes[0].ID != "二十大" || res.Themes[0].Trend != New {
		t.Fatalf("terms: %+v", res.Themes)
	}
	for _, tr := range res.Themes {
		if tr.ID == "要" {
			t.Error("stop word reported")
		}
		if tr.ID == "党建" && tr.Trend != Steady {
			t.Errorf("党建 labelled %s", tr.Trend)
		}
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, res); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "id,label_en,label_zh,trend,change_pp,g2,p,docs_2020") || !strings.Contains(buf.String(), "\n二十大,,,new,") {
		t.Errorf("csv:\n%s", buf.String())
	}
	buf.Reset()
	if err := WriteText(&buf, res, 5); err != nil || !strings.Contains(buf.String(), "二十大") {
		t.Errorf("text: %v\n%s", err, buf.String())
	}
}

func TestTermsCutoff(t *testing.T) {
	// With 1 term per year, only the top term survives; counts of terms
	// below the cut are unknown and must not be reported.
	res, err := Terms(context.Background(), plantedIndex(), Filter{}, TermOptions{PerYear: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range res.Themes {
		if tr.ID == "二十大" && tr.Trend == New {
			t.Errorf("term below the per-year cut reported as %s", tr.Trend)
		}
	}
}

func TestAttention(t *testing.T) {
	a, err := AttentionOver(context.Background(), plantedIndex(), []string{"绿色发展", "二十大"}, Filter{From: 2021})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Years) != 3 || a.Years[0] != 2021 || len(a.Series) != 2 {
		t.Fatalf("%+v", a)
	}
	if a.Series[0].DocsByYear[2022] != 20 || a.Series[0].ShareByYear[2022] != 40 || a.Series[1].DocsByYear[2021] != 0 || a.Series[1].DocsByYear[2023] != 40 {
		t.Errorf("series %+v", a.Series)
	}
	if a.Series[1].Total != 65 {
		t.Errorf("total %d", a.Series[1].Total)
	}
	if _, err := AttentionOver(context.Background(), plantedIndex(), nil, Filter{}); err != ErrNoQuery {
		t.Errorf("no query: %v", err)
	}
	var buf bytes.Buffer
	if err := WriteAttentionCSV(&buf, a); err != nil || !strings.Contains(buf.String(), "二十大,2023,40,50,80\n") {
		t.Errorf("csv %v:\n%s", err, buf.String())
	}
}
