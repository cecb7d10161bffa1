package reqs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"meetscan/analysis/text"
)

// benchDocs returns the dev corpus and the analysis fixtures as Extract
// sees them: one entry per article, trimmed non-empty paragraphs folded to
// simplified characters. Missing folders contribute nothing.
func benchDocs(b *testing.B) [][]string {
	var docs [][]string
	for _, dir := range []string{
		filepath.Join("..", "..", "..", "shared", "corpus", "dev"),
		filepath.Join("..", "testdata"),
	} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			body, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			var paras []string
			for _, p := range strings.Split(string(body), "\n") {
				if p = strings.TrimSpace(strings.ToValidUTF8(p, "\uFFFD")); p != "" {
					paras = append(paras, text.Simplify(p))
				}
			}
			docs = append(docs, paras)
		}
	}
	if len(docs) == 0 {
		b.Skip("no corpus")
	}
	return docs
}

func BenchmarkExtract(b *testing.B) {
	docs := benchDocs(b)
	size := 0
	for _, d := range docs {
		for _, p := range d {
			size += len(p)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			Extract(d, nil)
		}
	}
}
