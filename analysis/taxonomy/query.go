package taxonomy

import (
	"sort"
	"strings"
	"unicode"
)

// queryIndex matches theme names in search queries: every term, both
// labels and the id of each theme, Chinese matched as substrings (a query
// has no segmenter and is short).
type queryIndex struct {
	m *Matcher
}

func (t *Taxonomy) queryIndex() *queryIndex {
	t.queryOnce.Do(func() {
		q := &Taxonomy{themes: make([]Theme, len(t.themes)), byID: t.byID}
		for i, th := range t.themes {
			th = cloneTheme(th)
			th.TermsEN = append(th.TermsEN, th.ID, th.LabelEN)
			if th.LabelZH != "" {
				th.TermsZH = append(th.TermsZH, th.LabelZH)
			}
			q.themes[i] = th
		}
		t.query = &queryIndex{m: NewMatcher(q, nil)}
	})
	return t.query
}

// ThemesInQuery returns the themes a search query names, in either language
// and in either script: "高质量发展", "高質量發展", "high-quality development"
// and "High Quality Development" all name high_quality_development, as do
// its id and labels. Clauses excluded with a leading "-" name nothing; a
// field prefix ("title:…", "theme:…") is ignored. Themes come in the order
// the query names them.
func (t *Taxonomy) ThemesInQuery(q string) []Theme {
	q = queryText(q)
	if q == "" || t == nil {
		return nil
	}
	qi := t.queryIndex()
	ids := qi.m.appendIDs(nil, q)
	type found struct{ theme, pos int }
	var hits []found
	seen := map[int32]bool{}
	qi.m.walk(ids, func(o occurrence) {
		for _, th := range qi.m.terms[o.term].themes {
			if !seen[th] {
				seen[th] = true
				hits = append(hits, found{int(th), o.pos})
			}
		}
	})
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].pos < hits[j].pos })
	out := make([]Theme, len(hits))
	for i, h := range hits {
		out[i] = cloneTheme(t.themes[h.theme])
	}
	return out
}

// queryText keeps the searchable text of a query-string query: clauses
// with a leading "-" are dropped (they exclude, they do not name), a
// leading "+" and a "field:" prefix are removed, quoted phrases stay
// together. Clauses are joined with spaces, which do not break term
// matching, so "high quality development" typed unquoted still names the
// theme.
func queryText(q string) string {
	var parts []string
	for _, c := range clauses(q) {
		if strings.HasPrefix(c, "-") {
			continue
		}
		c = strings.TrimPrefix(c, "+")
		if k := strings.IndexByte(c, ':'); k > 0 && isFieldName(c[:k]) {
			c = c[k+1:]
		}
		c = strings.Trim(c, "\"“”")
		if c != "" {
			parts = append(parts, c)
		}
	}
	return strings.Join(parts, " ")
}

// clauses splits a query at white space outside double quotes.
func clauses(q string) []string {
	var out []string
	var cur strings.Builder
	inQuote := false
	for _, r := range q {
		switch {
		case r == '"' || r == '“' || r == '”':
			inQuote = !inQuote
			cur.WriteRune(r)
		case unicode.IsSpace(r) && !inQuote:
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteRune(r)
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

func isFieldName(s string) bool {
	for _, r := range s {
		if !(r == '_' || r == '.' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return false
		}
	}
	return s != ""
}
