package index

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/search/query"

	"meetscan/data"
)

// corpusDir finds ../shared/corpus/<sub> from the package directory or any
// parent (the repository may be checked out at another depth), or
// $MEETSCAN_CORPUS/<sub>.
func corpusDir(sub string) string {
	if d := os.Getenv("MEETSCAN_CORPUS"); d != "" {
		return filepath.Join(d, sub)
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; d = filepath.Dir(d) {
		p := filepath.Join(d, "shared", "corpus", sub)
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// devArticles reads the dev corpus as trivial articles: first line title,
// the rest body.
func devArticles(t *testing.T) []*data.Article {
	dir := corpusDir("dev")
	if dir == "" {
		t.Skip("shared corpus not found (../shared/corpus/dev)")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("no dev texts")
	}
	var arts []*data.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		title, body, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		arts = append(arts, &data.Article{ID: id, URL: "file://" + id, Title: title, Body: body})
	}
	return arts
}

type judgedQuery struct {
	Q   string         `json:"q"`
	Rel map[string]int `json:"rel"`
}

func loadJudgments(t *testing.T) []judgedQuery {
	b, err := os.ReadFile(filepath.Join("testdata", "judgments.json"))
	if err != nil {
		t.Fatal(err)
	}
	var j struct {
		Queries []judgedQuery `json:"queries"`
	}
	if err := json.Unmarshal(b, &j); err != nil {
		t.Fatal(err)
	}
	return j.Queries
}

// metrics of one ranked list against graded judgments, at 10.
type metrics struct{ recall, ndcg, precision float64 }

func score(ranked []string, rel map[string]int) metrics {
	if len(ranked) > 10 {
		ranked = ranked[:10]
	}
	var found int
	var dcg float64
	for i, id := range ranked {
		if g := rel[id]; g > 0 {
			found++
			dcg += (math.Pow(2, float64(g)) - 1) / math.Log2(float64(i)+2)
		}
	}
	var grades []int
	for _, g := range rel {
		grades = append(grades, g)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(grades)))
	var idcg float64
	for i, g := range grades {
		if i == 10 {
			break
		}
		idcg += (math.Pow(2, float64(g)) - 1) / math.Log2(float64(i)+2)
	}
	m := metrics{recall: float64(found) / math.Min(float64(len(rel)), 10)}
	if idcg > 0 {
		m.ndcg = dcg / idcg
	}
	if len(ranked) > 0 {
		m.precision = float64(found) / float64(len(ranked))
	} else {
		m.precision = 1 // nothing returned, nothing wrong
	}
	return m
}

// queryGroup is the group a query is reported in.
func queryGroup(q string) string {
	if strings.ContainsAny(q, "abcdefghijklmnopqrstuvwxyz") {
		return "en"
	}
	if strings.Contains(q, " ") {
		return "zh multi"
	}
	n := utf8.RuneCountInString(q)
	if n > 4 {
		n = 4
	}
	return fmt.Sprintf("zh %d", n)
}

// TestRelevanceDev compares meetscan's analyzer with bleve's cjk bigram
// analyzer on the judged dev queries. Run with -v to see the table.
func TestRelevanceDev(t *testing.T) {
	arts := devArticles(t)
	judged := loadJudgments(t)
	if len(judged) < 20 {
		t.Fatalf("only %d judged queries", len(judged))
	}
	ctx := context.Background()

	ix := openTest(t, filepath.Join(t.TempDir(), "index"), Config{AnalyzerVersion: "eval"})
	docs := make([]Doc, len(arts))
	for i, a := range arts {
		docs[i] = Doc{Article: a}
	}
	if err := ix.Add(ctx, docs); err != nil {
		t.Fatal(err)
	}

	// The baseline: the same fields with bleve's built-in cjk analyzer.
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = cjk.AnalyzerName
	cj, err := bleve.New(filepath.Join(t.TempDir(), "cjk"), m)
	if err != nil {
		t.Fatal(err)
	}
	defer cj.Close()
	b := cj.NewBatch()
	for _, a := range arts {
		b.Index(a.ID, map[string]string{"title": a.Title, "body": a.Body})
	}
	if err := cj.Batch(b); err != nil {
		t.Fatal(err)
	}
	cjkSearch := func(q query.Query) []string {
		sr := bleve.NewSearchRequestOptions(q, 10, 0, false)
		sr.SortBy([]string{"-_score", "_id"})
		res, err := cj.Search(sr)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range res.Hits {
			out = append(out, h.ID)
		}
		return out
	}

	systems := []string{"meetscan", "meetscan exact", "cjk (query string)", "cjk (AND)"}
	run := func(sys, q string) []string {
		switch sys {
		case "meetscan", "meetscan exact":
			res, err := ix.Search(ctx, Request{Query: q, Limit: 10, NoSnippets: true, Exact: sys == "meetscan exact"})
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, h := range res.Hits {
				out = append(out, h.ID)
			}
			return out
		case "cjk (query string)":
			return cjkSearch(query.NewQueryStringQuery(q))
		default:
			mq := query.NewMatchQuery(q)
			mq.SetOperator(query.MatchQueryOperatorAnd)
			return cjkSearch(mq)
		}
	}

	type agg struct {
		n                 int
		r, ndcg, p        float64
		perQueryRecallSum map[string]float64
	}
	sums := map[string]map[string]*agg{} // system -> group -> agg
	var rows []string
	for _, sys := range systems {
		sums[sys] = map[string]*agg{}
	}
	for _, jq := range judged {
		row := fmt.Sprintf("%-22s", jq.Q)
		for _, sys := range systems {
			mt := score(run(sys, jq.Q), jq.Rel)
			for _, g := range []string{queryGroup(jq.Q), "all"} {
				a := sums[sys][g]
				if a == nil {
					a = &agg{}
					sums[sys][g] = a
				}
				a.n++
				a.r += mt.recall
				a.ndcg += mt.ndcg
				a.p += mt.precision
			}
			row += fmt.Sprintf(" | R %.2f nDCG %.2f P %.2f", mt.recall, mt.ndcg, mt.precision)
		}
		rows = append(rows, row)
	}
	t.Logf("per query (%s):\n%s", strings.Join(systems, " | "), strings.Join(rows, "\n"))
	groups := []string{"zh 1", "zh 2", "zh 3", "zh 4", "zh multi", "en", "all"}
	var table strings.Builder
	fmt.Fprintf(&table, "| group | n | %s |\n|---|---|---|---|---|---|\n", strings.Join(systems, " | "))
	for _, g := range groups {
		fmt.Fprintf(&table, "| %s | %d |", g, sums["meetscan"][g].n)
		for _, sys := range systems {
			a := sums[sys][g]
			fmt.Fprintf(&table, " R@10 %.3f, nDCG@10 %.3f, P %.3f |", a.r/float64(a.n), a.ndcg/float64(a.n), a.p/float64(a.n))
		}
		table.WriteString("\n")
	}
	t.Logf("mean over queries:\n%s", table.String())

	// The claims: with partial matches filling a page, no recall lost
	// on short queries and no worse ranking than cjk; the full matches
	// (what Total counts and the exact mode returns) more precise.
	mine, exact, base := sums["meetscan"], sums["meetscan exact"], sums["cjk (query string)"]
	for _, g := range []string{"zh 1", "zh 2", "zh 3", "zh 4"} {
		if mine[g].r+1e-9 < base[g].r {
			t.Errorf("%s: recall@10 %.3f below cjk's %.3f", g, mine[g].r/float64(mine[g].n), base[g].r/float64(base[g].n))
		}
	}
	if exact["all"].p <= base["all"].p {
		t.Errorf("precision of full matches %.3f not above cjk's %.3f", exact["all"].p/float64(exact["all"].n), base["all"].p/float64(base["all"].n))
	}
	if mine["all"].ndcg < base["all"].ndcg {
		t.Errorf("nDCG@10 %.3f below cjk's %.3f", mine["all"].ndcg/float64(mine["all"].n), base["all"].ndcg/float64(base["all"].n))
	}
}
