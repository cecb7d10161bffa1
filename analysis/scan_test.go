package analysis

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func presideRegexp(s string) int {
	if loc := presideRe.FindStringIndex(s); loc != nil {
		return loc[0]
	}
	return -1
}

// presideIndex must find what presideRe finds, on the corpus lines and
// fixtures and on edge cases.
func TestPresideIndexLikePresideRe(t *testing.T) {
	cases := []string{"", "李友生主持会议", "presided over by", "PRESIDENT", "Chaired by Wang", "chairedthe", "chaired  by", "CHAIR THE", "chai", "\xe4主持", "preſided", "主", "meeting was chaired the"}
	for _, dir := range []string{filepath.Join("..", "..", "shared", "corpus", "dev"), "testdata"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			cases = append(cases, strings.Split(string(b), "\n")...)
		}
	}
	for _, s := range cases {
		if got, want := presideIndex(s), presideRegexp(s); got != want {
			t.Errorf("presideIndex(%q) = %d, presideRe %d", s, got, want)
		}
	}
}

func FuzzPresideIndex(f *testing.F) {
	f.Add("The meeting was chaired by Secretary Liu")
	f.Add("党委书记李友生主持会议")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := presideIndex(s), presideRegexp(s); got != want {
			t.Errorf("presideIndex(%q) = %d, presideRe %d", s, got, want)
		}
	})
}
