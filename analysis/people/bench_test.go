package people

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"meetscan/analysis/segment"
	"meetscan/analysis/text"
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

// benchDocs returns the dev corpus and the analysis fixtures as Extract
// sees them: trimmed non-empty lines, and the same folded.
func benchDocs(b *testing.B) (folded, orig [][]string) {
	for _, dir := range []string{filepath.Join("..", "..", "..", "shared", "corpus", "dev"), filepath.Join("..", "testdata")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			body, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			var o, fo []string
			for _, p := range strings.Split(string(body), "\n") {
				p = strings.TrimSpace(strings.ToValidUTF8(p, "\uFFFD"))
				if p != "" {
					o = append(o, p)
					fo = append(fo, text.Simplify(p))
				}
			}
			orig = append(orig, o)
			folded = append(folded, fo)
		}
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
	for i := 0; i < b.N; i++ {
		for k := range folded {
			Extract(folded[k], orig[k], lex)
		}
	}
}
