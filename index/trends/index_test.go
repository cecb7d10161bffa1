package trends

import (
	"context"
	"strings"
	"sync"
	"testing"

	"meetscan/analysis/segment"
	"meetscan/analysis/taxonomy"
	"meetscan/data"
	"meetscan/data/gen"
	"meetscan/index"
)

// plantedDocs generates a corpus with the analysis a perfect analyser would
// give it: the planted themes, and as keywords every planted theme term
// written in the article (so 十九大精神 gives way to 二十大精神 in 2022).
func plantedDocs(tb testing.TB, cfg gen.Config, fn func(index.Doc) error) gen.Truth {
	tb.Helper()
	var terms []string
	for _, th := range cfg.Themes {
		terms = append(terms, th.AllTerms()...)
	}
	truth, err := gen.GenerateDocs(cfg, func(d *gen.Doc) error {
		a := d.Article
		a.Normalize()
		an := &data.Analysis{Lang: a.Lang, MeetingDate: d.MeetingDate, Org: d.Org.ZH, MeetingType: d.Type, Speaker: d.Speaker.ZH}
		for _, id := range d.Themes {
			an.Themes = append(an.Themes, data.ThemeHit{ID: id, Count: 1})
		}
		seen := map[string]bool{}
		for _, t := range terms {
			if !seen[t] && strings.Contains(a.Body, t) {
				seen[t] = true
				an.Keywords = append(an.Keywords, data.Keyword{Term: t, Weight: 1})
			}
		}
		return fn(index.Doc{Article: a, Analysis: an})
	})
	if err != nil {
		tb.Fatal(err)
	}
	return truth
}

var dictOnce = sync.OnceValues(segment.EmbeddedDict)

// plantedIndex builds a real bleve index (and store) of a planted corpus.
func buildIndex(tb testing.TB, cfg gen.Config) (*index.Index, *data.Store, gen.Truth) {
	tb.Helper()
	dict, err := dictOnce()
	if err != nil {
		tb.Fatal(err)
	}
	tax, err := taxonomy.Default()
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	ix, err := index.Open(dir+"/index", index.Config{UserDict: dict, Taxonomy: tax})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	st, err := data.Open(dir)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	var batch []index.Doc
	flush := func() {
		arts := make([]*data.Article, len(batch))
		for i, d := range batch {
			arts[i] = d.Article
		}
		if _, err := st.PutArticles(arts); err != nil {
			tb.Fatal(err)
		}
		if err := ix.Add(context.Background(), batch); err != nil {
			tb.Fatal(err)
		}
		batch = batch[:0]
	}
	truth := plantedDocs(tb, cfg, func(d index.Doc) error {
		batch = append(batch, d)
		if len(batch) == 1000 {
			flush()
		}
		return nil
	})
	flush()
	return ix, st, truth
}

func TestThemesRealIndex(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a bleve index")
	}
	ix, st, truth := buildIndex(t, gen.Default(1200, 1))
	ctx := context.Background()
	tax, _ := taxonomy.Default()
	res, err := Themes(ctx, ix, Filter{}, TaxonomyThemes(tax), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, y := range res.Years {
		if res.MeetingsByYear[y] != truth.DocsByYear[y] {
			t.Errorf("meetings %d: %d, want %d", y, res.MeetingsByYear[y], truth.DocsByYear[y])
		}
	}
	byID := map[string]Trend{}
	for _, tr := range res.Themes {
		byID[tr.ID] = tr
	}
	for id, years := range truth.ThemeDocs {
		for y, n := range years {
			if byID[id].DocsByYear[y] != n {
				t.Errorf("%s %d: %d docs, want %d", id, y, byID[id].DocsByYear[y], n)
			}
		}
	}
	// The planted changes rank first; the level themes are steady.
	planted := map[string]bool{"high_quality_development": true, "two_studies_one_action": true, "epidemic_prevention": true,
		"digital_party_building": true, "sci_tech_innovation": true, "theme_education": true, "five_year_plan": true}
	for i, tr := range res.Themes[:4] {
		if !planted[tr.ID] || tr.Trend == Steady {
			t.Errorf("row %d: %s %s (g2 %.1f), want a planted change", i, tr.ID, tr.Trend, tr.G2)
		}
	}
	for _, id := range []string{"comprehensive_strict_governance", "party_building_brand", "party_congress_spirit"} {
		if byID[id].Trend != Steady {
			t.Errorf("%s labelled %s (g2 %.2f p %.3g), planted level", id, byID[id].Trend, byID[id].G2, byID[id].P)
		}
	}
	if byID["high_quality_development"].Trend != Rising || byID["two_studies_one_action"].Trend != Falling {
		t.Errorf("hqd %s, two studies %s", byID["high_quality_development"].Trend, byID["two_studies_one_action"].Trend)
	}
	if byID["high_quality_development"].LabelZH == "" {
		t.Error("taxonomy labels missing")
	}

	// Emerging vocabulary: 二十大精神 appears from 2022 (the theme's words shift).
	terms, err := Terms(ctx, ix, Filter{}, TermOptions{Stop: TermStopWords(nil)})
	if err != nil {
		t.Fatal(err)
	}
	tb := map[string]Trend{}
	for _, tr := range terms.Themes {
		tb[tr.ID] = tr
	}
	if tr := tb["二十大精神"]; tr.Trend != New || tr.DocsByYear[2021] != 0 || tr.DocsByYear[2023] == 0 {
		t.Errorf("二十大精神: %+v", tr)
	}
	if tr := tb["十九大精神"]; tr.Trend != Gone && tr.Trend != Falling {
		t.Errorf("十九大精神: %s", tr.Trend)
	}

	// Attention over time for free queries, exact against the truth.
	att, err := AttentionOver(ctx, ix, []string{"智慧党建", "高质量发展"}, Filter{From: 2020, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if len(att.Series) != 2 || att.Series[0].DocsByYear[2020] == 0 || att.Series[0].DocsByYear[2024] <= att.Series[0].DocsByYear[2020] {
		t.Errorf("attention %+v", att.Series)
	}

	// Keyword in context through the index and the store.
	lines, err := Context(ctx, ix, st, "智慧党建", Filter{From: 2023}, ContextOptions{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 20 {
		t.Fatalf("%d context lines", len(lines))
	}
	for _, l := range lines {
		if l.Match != "智慧党建" || l.Year < 2023 || !strings.HasPrefix(l.URL, "https://") || l.Left+l.Right == "" {
			t.Errorf("line %+v", l)
		}
	}
}
