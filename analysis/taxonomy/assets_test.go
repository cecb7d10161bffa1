package taxonomy

import (
	"io/fs"
	"strings"
	"testing"

	"meetscan/data"
)

// The stop-word lists are well-formed and never contain a theme term:
// keyword extraction and term trends must not drop the vocabulary the
// taxonomy is made of.
func TestStopWords(t *testing.T) {
	terms := map[string]string{}
	for _, th := range embeddedTax(t).Themes() {
		for _, term := range append(append([]string{}, th.TermsZH...), th.TermsEN...) {
			terms[Normalize(term)] = th.ID
		}
	}
	for _, name := range []string{"stopwords_zh.txt", "stopwords_en.txt"} {
		b, err := fs.ReadFile(data.Assets(), name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		seen := map[string]bool{}
		n := 0
		for i, line := range strings.Split(string(b), "\n") {
			w := strings.TrimSpace(line)
			if w == "" || strings.HasPrefix(w, "#") {
				continue
			}
			n++
			if strings.ContainsAny(w, " \t") {
				t.Errorf("%s line %d: %q: one word a line", name, i+1, w)
			}
			if seen[w] {
				t.Errorf("%s line %d: %q listed twice", name, i+1, w)
			}
			seen[w] = true
			if id, ok := terms[Normalize(w)]; ok {
				t.Errorf("%s line %d: %q is a term of theme %s", name, i+1, w, id)
			}
		}
		if n < 100 {
			t.Errorf("%s: %d words, want a real list", name, n)
		}
		for _, must := range map[string][]string{
			"stopwords_zh.txt": {"要", "进一步", "加强", "积极", "认真", "开展", "工作"},
			"stopwords_en.txt": {"strengthen", "further", "the", "and"},
		}[name] {
			if !seen[must] {
				t.Errorf("%s: missing %q", name, must)
			}
		}
	}
}
