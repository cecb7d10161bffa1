package keywords

import (
	"strconv"
	"strings"
	"testing"

	"github.com/go-ego/gse"

	"meetscan/analysis/internal/corpustest"
	"meetscan/analysis/segment"
	"meetscan/analysis/text"
	"meetscan/data/gen"
)

// BenchmarkArticle runs the package the way the analysis does: one
// counter per article fed each paragraph's gse cut, the slogans of each
// paragraph, then the top 10 keywords.
func BenchmarkArticle(b *testing.B) {
	seg, err := segment.Default()
	if err != nil {
		b.Fatal(err)
	}
	idf := Default()
	arts := corpustest.Articles(b, "..")
	folded := make([][]string, len(arts))
	cuts := make([][][]int, len(arts))
	size := int64(0)
	for a, paras := range arts {
		for _, p := range paras {
			f := text.Simplify(p)
			var ends []int
			for _, sg := range seg.Segment([]byte(f)) {
				ends = append(ends, sg.End())
			}
			folded[a] = append(folded[a], f)
			cuts[a] = append(cuts[a], ends)
			size += int64(len(p))
		}
	}
	stops := NewStops(seg.StopWordMap)
	// The analysis excludes the names of the article's people.
	names := map[string]bool{"张三": true, "志远": true}
	b.ReportAllocs()
	cpu0 := gen.CPUTime()
	b.SetBytes(size)
	for i := 0; i < b.N; i++ {
		for a, paras := range arts {
			c := NewCounter(stops, names)
			for k, p := range paras {
				c.TokenizeCut(folded[a][k], cuts[a][k])
				Slogans(p)
			}
			c.Top(idf, 10)
		}
	}
	b.ReportMetric(float64(gen.CPUTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

// TestCounterStops checks that a counter skips exactly the built-in stop
// words, gse's and the excluded ones, on every token of the corpus.
func TestCounterStops(t *testing.T) {
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	stops := NewStops(seg.StopWordMap)
	for _, paras := range corpustest.Articles(t, "..") {
		names := map[string]bool{}
		var toks []string
		for _, p := range paras {
			for k, sg := range seg.Segment([]byte(text.Simplify(p))) {
				tok := strings.ToLower(sg.Token().Text())
				if k < 3 { // a few words of the article, as names would be
					names[tok] = true
				}
				toks = append(toks, tok)
			}
		}
		c := NewCounter(stops, names)
		for _, tok := range toks {
			want := zhStop.has(tok) || enStop.has(tok) || seg.IsStop(tok) || names[tok]
			if got := c.isStop(tok); got != want {
				t.Fatalf("isStop(%q) = %v, want %v", tok, got, want)
			}
		}
	}
}

// TestIDFTable checks the IDF table against a plain map of gse's table
// (a later line of the same word wins, as in a map).
func TestIDFTable(t *testing.T) {
	want := map[string]float64{}
	for _, line := range strings.Split(gse.ZhIdf, "\n") {
		sp := strings.LastIndexByte(line, ' ')
		if sp <= 0 {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(line[sp+1:]), 64)
		if err != nil {
			continue
		}
		want[line[:sp]] = v
	}
	idf := Default()
	for w, v := range want {
		if got := idf.Weight(w); got != v {
			t.Fatalf("Weight(%q) = %v, want %v", w, got, v)
		}
	}
	for _, w := range []string{"", "党建品牌", "一岗双责", "xyzzy", strings.Repeat("长", 30000)} {
		if _, ok := want[w]; !ok && idf.Weight(w) != idf.Median() {
			t.Errorf("Weight(%q) = %v, want the median", w, idf.Weight(w))
		}
	}
}

// BenchmarkWeight looks up the words of the corpus, as Top does.
func BenchmarkWeight(b *testing.B) {
	seg, err := segment.Default()
	if err != nil {
		b.Fatal(err)
	}
	idf := Default()
	var words []string
	for _, paras := range corpustest.Articles(b, "..") {
		for _, p := range paras {
			for _, sg := range seg.Segment([]byte(p)) {
				words = append(words, sg.Token().Text())
			}
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, w := range words {
			idf.Weight(w)
		}
	}
}
