package trends

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"meetscan/data"
	"meetscan/index"
)

// Searcher streams the hits of a request; *index.Index satisfies it.
type Searcher interface {
	Each(ctx context.Context, req index.Request, fn func(index.Hit) error) error
}

// ArticleLoader loads an article body; *data.Store satisfies it.
type ArticleLoader interface {
	Article(id string) (*data.Article, error)
}

// Line is one keyword-in-context line.
type Line struct {
	ArticleID string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Year      int    `json:"year,omitempty"`
	Date      string `json:"date,omitempty"` // meeting date, else published date
	Org       string `json:"org"`
	Left      string `json:"left"`
	Match     string `json:"match"`
	Right     string `json:"right"`
}

// ContextOptions tune Context.
type ContextOptions struct {
	// Width is the context on each side, in units of one Han character or
	// half a Latin word (default 24: 24 characters or 12 words).
	Width int
	// Limit is the most lines returned (default 200); PerArticle the most
	// per article (default 5).
	Limit, PerArticle int
	// Also lists further forms to locate, e.g. a theme's terms in the other
	// language when the query names a theme (the index matches those
	// articles through their theme ids, so the term itself may be absent).
	Also []string
	// Sort is passed to the index (default newest first).
	Sort string
}

// ErrNoTerm is returned by Context for an empty term.
var ErrNoTerm = errors.New("trends: empty context term")

// Context finds the meetings matching term within the filter through the
// index, loads their bodies from the store and returns keyword-in-context
// lines: the term as written, with neighbouring words. Up to Limit lines
// are collected from the matching articles in index order (at most
// PerArticle each), then shown newest first, in reading order within an
// article. Chinese is matched as a substring (no spaces to split on);
// Latin-script terms case-insensitively at a word start, with common
// English endings allowed (strengthen, strengthening).
func Context(ctx context.Context, ix Searcher, store ArticleLoader, term string, f Filter, opt ContextOptions) ([]Line, error) {
	term = strings.TrimSpace(term)
	if term == "" {
		return nil, ErrNoTerm
	}
	if opt.Width <= 0 {
		opt.Width = 24
	}
	if opt.Limit <= 0 {
		opt.Limit = 200
	}
	if opt.PerArticle <= 0 {
		opt.PerArticle = 5
	}
	tiers := formTiers(term, opt.Also)
	req := f.Request()
	req.Query = joinQuery(f.Query, term)
	req.NoSnippets = true
	if f.From != 0 && f.From == f.To {
		req.Year = f.From // let the index filter; ranges are filtered below
	}
	req.Sort = opt.Sort
	if req.Sort == "" {
		req.Sort = index.SortDate
	}
	var lines []Line
	errEnough := errors.New("enough")
	err := ix.Each(ctx, req, func(h index.Hit) error {
		if (f.From != 0 && h.Year != 0 && h.Year < f.From) || (f.To != 0 && h.Year > f.To) {
			return nil
		}
		art, err := store.Article(h.ID)
		if err != nil {
			if errors.Is(err, data.ErrNotFound) {
				return nil // index ahead of the store; skip, do not fail the listing
			}
			return fmt.Errorf("context: load %s: %w", h.ID, err)
		}
		date := h.MeetingDate
		if date == "" || date[0] == '-' {
			date = h.Published
			if len(date) > 10 {
				date = date[:10]
			}
		}
		n := 0
		paras := strings.Split(art.Body, "\n")
		for _, para := range paras {
			for _, m := range locateTiers(paras, para, tiers, opt.Width) {
				url := h.URL
				if url == "" {
					url = art.URL
				}
				title := h.Title
				if title == "" {
					title = art.Title
				}
				lines = append(lines, Line{ArticleID: h.ID, URL: url, Title: title, Year: h.Year, Date: date,
					Org: h.Org, Left: m.Left, Match: m.Match, Right: m.Right})
				n++
				if len(lines) >= opt.Limit {
					return errEnough
				}
				if n >= opt.PerArticle {
					return nil
				}
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return nil, fmt.Errorf("context %q: %w", term, err)
	}
	sort.SliceStable(lines, func(i, j int) bool {
		if lines[i].Date != lines[j].Date {
			return lines[i].Date > lines[j].Date
		}
		return lines[i].ArticleID < lines[j].ArticleID
	})
	return lines, nil
}

// unquote strips query syntax around a term: quotes, + prefixes.
func unquote(s string) string {
	s = strings.TrimLeft(s, "+")
	s = strings.Trim(s, `"“”`)
	return strings.TrimSpace(s)
}

// queryForms returns what to locate for a query: its quoted phrases and
// bare words, without field clauses (org:…, year:>=2020), excluded words
// (-x) or boosts and fuzziness (^2, ~1). A query that is all syntax yields
// itself, unquoted.
func queryForms(q string) []string {
	var forms []string
	for i := 0; i < len(q); {
		switch c := q[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '"':
			end := strings.IndexByte(q[i+1:], '"')
			if end < 0 {
				end = len(q) - i - 1
			}
			if p := strings.TrimSpace(q[i+1 : i+1+end]); p != "" {
				forms = append(forms, p)
			}
			i += end + 2
		default:
			end := strings.IndexAny(q[i:], " \t")
			if end < 0 {
				end = len(q) - i
			}
			w := q[i : i+end]
			i += end
			if strings.HasPrefix(w, "-") || strings.Contains(w, ":") {
				continue
			}
			w = strings.TrimLeft(w, "+")
			if k := strings.IndexAny(w, "^~"); k >= 0 {
				w = w[:k]
			}
			if w != "" {
				forms = append(forms, w)
			}
		}
	}
	if len(forms) == 0 {
		forms = []string{unquote(q)}
	}
	return forms
}

// formTiers orders what Context locates. A tier is a list of form groups;
// an article uses the first tier that occurs in it, and within a tier the
// earlier group claims its occurrences first (longest form first), later
// groups only where they do not overlap. The tiers are:
//  1. the whole term, when it has several words (a bare high-quality
//     development is one phrase, not two words), with the Also forms
//     unrelated to the term (e.g. its theme's terms in the other language);
//  2. its quoted phrases and words, with the same unrelated Also forms;
//  3. the Also forms that share a word or a Han bigram with the term
//     (书记述职 and 述职 for 述职评议): parts and neighbours of the term
//     that would otherwise cut its occurrences apart.
func formTiers(term string, also []string) [][][]string {
	forms := queryForms(term)
	var unrelated, related []string
	for _, a := range also {
		if a = strings.TrimSpace(a); a == "" {
			continue
		}
		if sharesPart(a, forms) {
			related = append(related, a)
		} else {
			unrelated = append(unrelated, a)
		}
	}
	var tiers [][][]string
	if len(forms) > 1 {
		tiers = append(tiers, [][]string{{strings.Join(forms, " ")}, unrelated})
	}
	tiers = append(tiers, [][]string{forms, unrelated})
	if len(related) > 0 {
		tiers = append(tiers, [][]string{related})
	}
	return tiers
}

// sharesPart reports whether a shares a Latin word or two adjacent Han
// characters with any of forms.
func sharesPart(a string, forms []string) bool {
	parts := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isLatin(r) && !unicode.IsDigit(r) }) {
			m[w] = true
		}
		rs := []rune(s)
		for i := 0; i+1 < len(rs); i++ {
			if !isLatin(rs[i]) && !isLatin(rs[i+1]) && unicode.IsLetter(rs[i]) && unicode.IsLetter(rs[i+1]) {
				m[string(rs[i:i+2])] = true
			}
		}
		return m
	}
	pa := parts(a)
	for _, f := range forms {
		for p := range parts(f) {
			if pa[p] {
				return true
			}
		}
	}
	return false
}

// locateTiers locates in para the forms of the first tier that occurs
// anywhere in the article (its paragraphs).
func locateTiers(paras []string, para string, tiers [][][]string, width int) []KWIC {
	for _, groups := range tiers {
		for _, p := range paras {
			if len(locateGroups(p, groups, 0)) > 0 {
				return locateGroups(para, groups, width)
			}
		}
	}
	return nil
}

// KWIC is one occurrence located in a text.
type KWIC struct {
	Left, Match, Right string
	Offset             int // byte offset of Match in the text
}

// Locate returns the occurrences of any of the forms in text, left to
// right and never overlapping, each with width units of context on both
// sides (see ContextOptions.Width). Longer forms are located first, so an
// occurrence of 从严治党 is one match even when 从严 is also a form, and a
// shorter form only matches where no longer one did.
func Locate(text string, forms []string, width int) []KWIC {
	return locateGroups(text, [][]string{forms}, width)
}

// locateGroups is Locate over groups of forms in priority order: a group
// only matches where earlier groups did not.
func locateGroups(text string, groups [][]string, width int) []KWIC {
	lower := strings.ToLower(text)
	// ToLower may change byte lengths for a few scripts; fall back to exact
	// matching then so offsets stay valid.
	fold := len(lower) == len(text)
	if !fold {
		lower = text
	}
	var order []string
	for _, forms := range groups {
		n := len(order)
		for _, f := range forms {
			if f != "" {
				if fold {
					f = strings.ToLower(f)
				}
				order = append(order, f)
			}
		}
		g := order[n:]
		sort.SliceStable(g, func(i, j int) bool { return len(g[i]) > len(g[j]) })
	}
	type span struct{ at, end int }
	var spans []span
	overlaps := func(at, end int) bool {
		for _, s := range spans {
			if at < s.end && s.at < end {
				return true
			}
		}
		return false
	}
	for _, lf := range order {
		for from := 0; from < len(lower); {
			i := strings.Index(lower[from:], lf)
			if i < 0 {
				break
			}
			at := from + i
			from = at + 1 // a form starts with a lead byte, so it never matches mid-rune
			end, ok := accept(lower, at, len(lf))
			if !ok || overlaps(at, end) {
				continue
			}
			spans = append(spans, span{at, end})
			from = end
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].at < spans[j].at })
	var out []KWIC
	for _, sp := range spans {
		out = append(out, KWIC{
			Left:   leftContext(text[:sp.at], width),
			Match:  text[sp.at:sp.end],
			Right:  rightContext(text[sp.end:], width),
			Offset: sp.at,
		})
	}
	return out
}

// accept checks word boundaries for Latin-script matches and returns the
// end of the match, extended over an English ending (s, es, ed, ing, 's).
func accept(s string, at, n int) (int, bool) {
	first, _ := utf8.DecodeRuneInString(s[at:])
	last, _ := utf8.DecodeLastRuneInString(s[at : at+n])
	end := at + n
	if isWordRune(first) && at > 0 {
		prev, _ := utf8.DecodeLastRuneInString(s[:at])
		if isWordRune(prev) || unicode.IsDigit(prev) {
			return 0, false
		}
	}
	if isWordRune(last) {
		rest := s[end:]
		for _, suf := range []string{"ing", "es", "ed", "'s", "’s", "s", "d"} {
			if strings.HasPrefix(rest, suf) {
				after, _ := utf8.DecodeRuneInString(rest[len(suf):])
				if len(rest) == len(suf) || !isWordRune(after) {
					end += len(suf)
					rest = rest[len(suf):]
					break
				}
			}
		}
		if next, _ := utf8.DecodeRuneInString(rest); rest != "" && isWordRune(next) {
			return 0, false
		}
	}
	return end, true
}

// isWordRune is a letter of an alphabetic script: where words have edges.
func isWordRune(r rune) bool {
	return r < 0x2E80 && unicode.IsLetter(r)
}

// isLatin also keeps hyphenated words together in the context.
func isLatin(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || r == '-')
}

// unit is the context cost of a token: a Han (or other wide) character
// costs 1, a Latin word 2, spaces and punctuation nothing.
func leftContext(s string, width int) string {
	used, i := 0, len(s)
	for i > 0 && used < width {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		switch {
		case isLatin(r) || unicode.IsDigit(r):
			j := i
			for j > 0 {
				r2, s2 := utf8.DecodeLastRuneInString(s[:j])
				if !(isLatin(r2) || unicode.IsDigit(r2)) {
					break
				}
				j -= s2
			}
			if used+2 > width {
				return strings.TrimSpace(s[i:])
			}
			used += 2
			i = j
		case unicode.IsSpace(r) || unicode.IsPunct(r):
			i -= size
		default:
			used++
			i -= size
		}
	}
	return strings.TrimSpace(s[i:])
}

func rightContext(s string, width int) string {
	used, i := 0, 0
	for i < len(s) && used < width {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isLatin(r) || unicode.IsDigit(r):
			j := i
			for j < len(s) {
				r2, s2 := utf8.DecodeRuneInString(s[j:])
				if !(isLatin(r2) || unicode.IsDigit(r2)) {
					break
				}
				j += s2
			}
			if used+2 > width {
				return strings.TrimSpace(s[:i])
			}
			used += 2
			i = j
		case unicode.IsSpace(r) || unicode.IsPunct(r):
			i += size
		default:
			used++
			i += size
		}
	}
	return strings.TrimSpace(s[:i])
}
