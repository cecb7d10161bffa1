package people

import (
	"strings"
	"testing"

	"meetscan/analysis/internal/corpustest"
	"meetscan/analysis/segment"
	"meetscan/analysis/text"
	"meetscan/data/gen"
)

// gseLex is the analyzer's lexicon (analysis.lexicon), rebuilt here so the
// benchmark pays for the same dictionary look-ups as Analyze does.
type gseLex struct {
	find func(string) (float64, string, bool)
}

func (l gseLex) Common(w string) bool {
	f, pos, ok := l.find(w)
	if !ok || strings.HasPrefix(pos, "nr") {
		return false
	}
	return f >= 50
}

func benchLex(b *testing.B) Lexicon {
	dict, err := segment.EmbeddedDict()
	if err != nil {
		b.Fatal(err)
	}
	seg, err := segment.Shared(dict)
	if err != nil {
		b.Fatal(err)
	}
	return gseLex{seg.Find}
}

func benchDocs(b *testing.B) (folded, orig [][]string) {
	orig = corpustest.Articles(b, "..")
	for _, o := range orig {
		fo := make([]string, len(o))
		for i, p := range o {
			fo[i] = text.Simplify(p)
		}
		folded = append(folded, fo)
	}
	return folded, orig
}

// BenchmarkExtract runs Extract over the dev corpus and the fixtures with
// the gse dictionary as lexicon.
func BenchmarkExtract(b *testing.B) {
	lex := benchLex(b)
	folded, orig := benchDocs(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := gen.CPUTime()
	for i := 0; i < b.N; i++ {
		for k := range folded {
			Extract(folded[k], orig[k], lex)
		}
	}
	b.ReportMetric(float64(gen.CPUTime()-cpu0)/float64(b.N), "cpu-ns/op")
}
