package meeting

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"meetscan/analysis/text"
)

// benchDocs returns the dev corpus and the fixtures as folded paragraphs,
// the first one taken as the title.
func benchDocs(b *testing.B) (titles []string, bodies [][]string) {
	for _, dir := range []string{filepath.Join("..", "..", "..", "shared", "corpus", "dev"), filepath.Join("..", "testdata")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			var paras []string
			for _, p := range strings.Split(string(raw), "\n") {
				if p = strings.TrimSpace(strings.ToValidUTF8(p, "\uFFFD")); p != "" {
					paras = append(paras, text.Simplify(p))
				}
			}
			if len(paras) == 0 {
				continue
			}
			titles = append(titles, paras[0])
			bodies = append(bodies, paras[1:])
		}
	}
	if len(titles) == 0 {
		b.Skip("no corpus")
	}
	return titles, bodies
}

// BenchmarkMeeting runs the package's entry points as one analysis does.
func BenchmarkMeeting(b *testing.B) {
	titles, bodies := benchDocs(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, body := range bodies {
			Type(titles[k], body)
			Attendance(body)
			Org(titles[k], body)
		}
	}
}
