package taxonomy

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// DictEntries returns gse user-dictionary lines ("word freq n") for the
// Chinese terms of t that dict (a user dictionary text) does not list yet,
// one per separator-free part of two or more characters, in taxonomy
// order. Appending them to the user dictionary makes gse keep terms added
// in a data-dir taxonomy.yaml whole, so they match on word boundaries
// without the user editing userdict.txt as well.
//
// Frequencies follow the embedded userdict.txt: 2,000 for two characters,
// 3,000 for three, 5,000 for longer words, enough for a term to win over
// its parts without stealing characters from a stronger neighbouring word.
func DictEntries(t *Taxonomy, dict string) string {
	have := map[string]bool{}
	for _, line := range strings.Split(dict, "\n") {
		if f := strings.Fields(line); len(f) > 0 && !strings.HasPrefix(f[0], "#") {
			have[f[0]] = true
		}
	}
	var b strings.Builder
	for _, th := range t.themes {
		for _, term := range append(append([]string{}, th.TermsZH...), th.LabelZH) {
			for _, part := range strings.FieldsFunc(FoldTraditional(term), func(r rune) bool { return !isHan(r) }) {
				n := utf8.RuneCountInString(part)
				if n < 2 || have[part] {
					continue
				}
				have[part] = true
				fmt.Fprintf(&b, "%s %d n\n", part, DictFreq(n))
			}
		}
	}
	return b.String()
}

// DictFreq is the user-dictionary frequency meetscan gives a term of n
// characters.
func DictFreq(n int) int {
	switch {
	case n <= 2:
		return 2000
	case n == 3:
		return 3000
	}
	return 5000
}
