package taxonomy

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestScratchReview(t *testing.T) {
	m := testMatcher(t)
	dir := corpusDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		var all [][]string
		hits := m.Match("")
		_ = all
		for _, p := range strings.Split(string(b), "\n") {
			hits = MergeHits(hits, m.Match(p))
		}
		fmt.Printf("%s: %s\n", filepath.Base(filepath.Dir(f))+"/"+filepath.Base(f), hitString(hits))
	}
}
