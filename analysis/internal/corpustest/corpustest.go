// Package corpustest gives the analysis tests and benchmarks the real text
// they run on: the shared dev corpus (when it is there) and the analysis
// fixtures.
package corpustest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Texts returns every file of the dev corpus (../shared/corpus/dev beside
// the repository) and of analysis/testdata, whole. analysisDir is the path
// from the test's package directory to the analysis directory ("." or
// ".."). Missing folders contribute nothing.
func Texts(t testing.TB, analysisDir string) []string {
	t.Helper()
	var texts []string
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
			texts = append(texts, string(b))
		}
	}
	return texts
}

// Lines returns every line of Texts, as written.
func Lines(t testing.TB, analysisDir string) []string {
	t.Helper()
	var lines []string
	for _, s := range Texts(t, analysisDir) {
		lines = append(lines, strings.Split(s, "\n")...)
	}
	return lines
}

// Articles returns the paragraphs of each of Texts as the analysis sees
// them (valid UTF-8, trimmed, no empty ones). A benchmark without any text
// is skipped.
func Articles(t testing.TB, analysisDir string) [][]string {
	t.Helper()
	var arts [][]string
	for _, s := range Texts(t, analysisDir) {
		var paras []string
		for _, p := range strings.Split(s, "\n") {
			if p = strings.TrimSpace(strings.ToValidUTF8(p, "\uFFFD")); p != "" {
				paras = append(paras, p)
			}
		}
		arts = append(arts, paras)
	}
	if len(arts) == 0 {
		t.Skip("no corpus text")
	}
	return arts
}

// Paragraphs returns the paragraphs of all Articles in one list.
func Paragraphs(t testing.TB, analysisDir string) []string {
	t.Helper()
	var paras []string
	for _, a := range Articles(t, analysisDir) {
		paras = append(paras, a...)
	}
	return paras
}
