package dates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"meetscan/analysis/text"
)

// benchDoc is one article as the analysis hands it over: folded
// paragraphs, the title guess and the body without metadata lines.
type benchDoc struct {
	title       string
	paras, body []string
}

func benchDocs(b *testing.B) []benchDoc {
	var docs []benchDoc
	for _, dir := range []string{filepath.Join("..", "..", "..", "shared", "corpus", "dev"), filepath.Join("..", "testdata")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			var d benchDoc
			for _, p := range strings.Split(string(raw), "\n") {
				if p = strings.TrimSpace(strings.ToValidUTF8(p, "\uFFFD")); p != "" {
					d.paras = append(d.paras, text.Simplify(p))
				}
			}
			if len(d.paras) == 0 {
				continue
			}
			d.title = d.paras[0]
			for _, p := range d.paras[1:] {
				if !IsMetaLine(p) {
					d.body = append(d.body, p)
				}
			}
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		b.Skip("no corpus")
	}
	return docs
}

// BenchmarkDates runs the package's entry points as one analysis does.
func BenchmarkDates(b *testing.B) {
	docs := benchDocs(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			for _, p := range d.paras {
				IsMetaLine(p)
			}
			Published(d.paras)
			Meeting(d.body)
			for _, p := range d.body {
				Years(p)
			}
			PeriodYear(d.title, d.body)
		}
	}
}
