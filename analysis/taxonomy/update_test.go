package taxonomy

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"meetscan/analysis/segment"
)

var updateUserDict = flag.Bool("update-userdict", false,
	"rewrite the generated part of data/assets/userdict.txt from taxonomy.yaml")

// userDictMarker starts the generated part of userdict.txt; everything
// above it (job titles, meeting words) is written by hand.
const userDictMarker = "# Every Chinese taxonomy term (generated from taxonomy.yaml; keep in sync: TestUserDictCoversTaxonomy)"

// TestUpdateUserDict regenerates the taxonomy part of userdict.txt after
// taxonomy.yaml changed:
//
//	go test ./analysis/taxonomy -run TestUpdateUserDict -update-userdict
//
// Each Chinese term (each separator-free part of two or more characters)
// gets DictFreq of its length, or gse's own frequency when higher, and gse's
// POS unless that is a person-name tag; then the usual traditional form of
// every term that has one.
func TestUpdateUserDict(t *testing.T) {
	if !*updateUserDict {
		t.Skip("run with -update-userdict to regenerate data/assets/userdict.txt")
	}
	_, file, _, _ := runtime.Caller(0)
	path := filepath.Join(filepath.Dir(file), "..", "..", "data", "assets", "userdict.txt")
	old, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	hand, _, found := strings.Cut(string(old), userDictMarker)
	if !found {
		t.Fatalf("%s: marker line %q not found", path, userDictMarker)
	}
	// gse's own entries, without ours: frequencies and POS to start from.
	plain, err := segment.Load("")
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, line := range strings.Split(hand, "\n") {
		if f := strings.Fields(line); len(f) > 0 && !strings.HasPrefix(f[0], "#") {
			have[f[0]] = true
		}
	}
	entry := func(w, like string) string {
		freq := DictFreq(utf8.RuneCountInString(like))
		pos := "n"
		if f, p, ok := plain.Find(like); ok {
			freq = max(freq, int(f))
			if p != "" && p != "x" && !strings.HasPrefix(p, "nr") {
				pos = p
			}
		}
		return fmt.Sprintf("%s %d %s\n", w, freq, pos)
	}
	var words []string
	for _, th := range embeddedTax(t).Themes() {
		for _, term := range append(th.TermsZH, th.LabelZH) {
			for _, p := range hanParts(FoldTraditional(term)) {
				if utf8.RuneCountInString(p) >= 2 && !have[p] {
					have[p] = true
					words = append(words, p)
				}
			}
		}
	}
	var b strings.Builder
	b.WriteString(hand + userDictMarker + "\n")
	for _, w := range words {
		b.WriteString(entry(w, w))
	}
	inv := usualTraditional()
	first := true
	for _, w := range words {
		tr := []rune(w)
		for i, r := range tr {
			if x, ok := inv[r]; ok {
				tr[i] = x
			}
		}
		if s := string(tr); s != w && !have[s] {
			if first {
				b.WriteString("\n# traditional forms of the above\n")
				first = false
			}
			have[s] = true
			b.WriteString(entry(s, w))
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s: %d taxonomy words", path, len(words))
}
