package trends

import (
	"strings"

	"meetscan/analysis/recurring"
	"meetscan/analysis/taxonomy"
)

// TaxonomyThemes lists the taxonomy's themes for Themes' labels (nil
// taxonomy: none).
func TaxonomyThemes(t *taxonomy.Taxonomy) []Theme {
	if t == nil {
		return nil
	}
	var out []Theme
	for _, th := range t.Themes() {
		out = append(out, Theme{ID: th.ID, LabelEN: th.LabelEN, LabelZH: th.LabelZH})
	}
	return out
}

// TermStopWords is the stop list of `trends --by term`: function words and
// directive boilerplate (recurring.DefaultStopWords, which includes the
// embedded stop-word files) plus, when t is given, every taxonomy term, so
// that the term view shows vocabulary outside the taxonomy.
func TermStopWords(t *taxonomy.Taxonomy) map[string]bool {
	stop := recurring.DefaultStopWords()
	if t != nil {
		for _, th := range t.Themes() {
			for _, w := range append(append([]string(nil), th.TermsZH...), th.TermsEN...) {
				stop[strings.ToLower(w)] = true
			}
		}
	}
	return stop
}

// AlsoForms returns the terms, in both languages, of the taxonomy themes a
// context query names: the index finds articles tagged with such a theme
// in the other language, and these forms let Context locate the words
// there (ContextOptions.Also).
func AlsoForms(t *taxonomy.Taxonomy, term string) []string {
	if t == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{strings.ToLower(unquote(term)): true}
	for _, th := range t.ThemesInQuery(term) {
		for _, w := range append(append([]string(nil), th.TermsZH...), th.TermsEN...) {
			if k := strings.ToLower(w); !seen[k] {
				seen[k] = true
				out = append(out, w)
			}
		}
	}
	return out
}
