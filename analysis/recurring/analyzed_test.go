package recurring

import (
	"context"
	"fmt"
	"testing"

	"meetscan/analysis"
	"meetscan/data/gen"
)

// TestGroupAnalyzed runs the whole chain: generated articles, the real
// analyser's extracted requirements (markers, elaborations and theme tags
// as it finds them), grouping; the planted family of each extracted item
// is found by containment (gen.Truth.FamilyOf).
func TestGroupAnalyzed(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the analyser")
	}
	an, err := analysis.New(analysis.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*gen.Doc
	truth, err := gen.GenerateDocs(gen.Default(1500, 7), func(d *gen.Doc) error { docs = append(docs, d); return nil })
	if err != nil {
		t.Fatal(err)
	}
	var recs []Record
	var fams []string
	for _, d := range docs {
		d.Article.Normalize()
		for _, r := range an.Analyze(d.Article).Requirements {
			f := truth.FamilyOf(r.Text)
			if f == "" {
				f = "?" + r.Text // extracted text that is no planted item: its own family
			}
			recs = append(recs, Record{ArticleID: d.Article.ID, Year: d.Year, Org: d.Org.ZH, Text: r.Text, Themes: r.Themes})
			fams = append(fams, f)
		}
	}
	g := New(testTokenizer(t), Options{})
	for _, r := range recs {
		g.Add(r)
	}
	groups, err := g.Groups(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	label := map[string]string{}
	for gi, gr := range groups {
		for _, m := range gr.Members {
			label[m.ArticleID+"\x00"+m.Text] = fmt.Sprint("g", gi)
		}
	}
	pred := make([]string, len(recs))
	for i, r := range recs {
		l, ok := label[r.ArticleID+"\x00"+StripMarker(r.Text)]
		if !ok {
			l = fmt.Sprint("s", i)
		}
		pred[i] = l
	}
	pz, rz := pairScores(pred, fams, func(i int) bool { return !isEnglish(recs[i].Text) })
	pe, re := pairScores(pred, fams, func(i int) bool { return isEnglish(recs[i].Text) })
	_, words := g.Len()
	t.Logf("%d extracted requirements, %d wordings, %d groups; zh P=%.3f R=%.3f, en P=%.3f R=%.3f", len(recs), words, len(groups), pz, rz, pe, re)
	if pz < 0.95 || rz < 0.8 || pe < 0.95 || re < 0.8 {
		t.Errorf("pairwise zh P=%.3f R=%.3f, en P=%.3f R=%.3f; want P ≥ 0.95, R ≥ 0.8", pz, rz, pe, re)
	}
}
