// Package corpustest gives the analysis tests the text lines they check
// hand-written scanners against: the shared dev corpus (when it is there)
// and the analysis fixtures.
package corpustest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Lines returns every line of the dev corpus (../shared/corpus/dev beside
// the repository) and of analysis/testdata. analysisDir is the path from
// the test's package directory to the analysis directory ("." or "..").
// Missing folders contribute nothing.
func Lines(t testing.TB, analysisDir string) []string {
	t.Helper()
	var lines []string
	for _, dir := range []string{
		filepath.Join(analysisDir, "..", "..", "shared", "corpus", "dev"),
		filepath.Join(analysisDir, "testdata"),
	} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, strings.Split(string(b), "\n")...)
		}
	}
	return lines
}
