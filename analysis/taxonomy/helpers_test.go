package taxonomy

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/go-ego/gse"

	"meetscan/analysis/segment"
)

// Loading gse costs ~2 s and 300 MB: load it once for the whole package.
var (
	segOnce   sync.Once
	segShared *gse.Segmenter
	segErr    error
)

func testSeg(tb testing.TB) *gse.Segmenter {
	tb.Helper()
	segOnce.Do(func() { segShared, segErr = segment.Default() })
	if segErr != nil {
		tb.Fatalf("load segmenter: %v", segErr)
	}
	return segShared
}

var (
	matcherOnce sync.Once
	matcherDef  *Matcher
)

// testMatcher is the matcher of the embedded taxonomy with the shared gse.
func testMatcher(tb testing.TB) *Matcher {
	tb.Helper()
	seg := testSeg(tb)
	tax := embeddedTax(tb)
	matcherOnce.Do(func() { matcherDef = NewMatcher(tax, seg) })
	return matcherDef
}

func embeddedTax(tb testing.TB) *Taxonomy {
	tb.Helper()
	t, err := Default()
	if err != nil {
		tb.Fatalf("Default: %v", err)
	}
	return t
}

// corpusDir finds ../shared/corpus relative to the module root, or skips.
func corpusDir(tb testing.TB) string {
	tb.Helper()
	dir, ok := locateCorpus()
	if !ok {
		tb.Skip("shared corpus not found")
	}
	return dir
}

// locateCorpus looks for shared/corpus beside the module or in any parent
// of this package's directory.
func locateCorpus() (string, bool) {
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Dir(file)
	for i := 0; i < 6; i++ {
		for _, c := range []string{filepath.Join(dir, "shared", "corpus"), filepath.Join(dir, "..", "shared", "corpus")} {
			if st, err := os.Stat(c); err == nil && st.IsDir() {
				return c, true
			}
		}
		dir = filepath.Dir(dir)
	}
	return "", false
}

// keyPhrases extracts the key_phrases list of one gold.jsonl line.
func keyPhrases(line string) []string {
	var rec struct {
		KeyPhrases []string `json:"key_phrases"`
	}
	if json.Unmarshal([]byte(line), &rec) != nil {
		return nil
	}
	return rec.KeyPhrases
}
