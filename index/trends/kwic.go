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
	forms := queryForms(term)
	for _, a := range opt.Also {
		if a = strings.TrimSpace(a); a != "" {
			forms = append(forms, a)
		}
	}
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
		for _, para := range strings.Split(art.Body, "\n") {
			for _, m := range Locate(para, forms, opt.Width) {
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

// KWIC is one occurrence located in a text.
type KWIC struct {
	Left, Match, Right string
	Offset             int // byte offset of Match in the text
}

// Locate returns the occurrences of any of the forms in text (left to
// right, non-overlapping, the longest form winning at a position), each
// with width units of context on both sides (see ContextOptions.Width).
func Locate(text string, forms []string, width int) []KWIC {
	lower := strings.ToLower(text)
	// ToLower may change byte lengths for a few scripts; fall back to exact
	// matching then so offsets stay valid.
	fold := len(lower) == len(text)
	if !fold {
		lower = text
	}
	var out []KWIC
	pos := 0
	for pos < len(text) {
		best, bestLen := -1, 0
		for _, f := range forms {
			if f == "" {
				continue
			}
			lf := f
			if fold {
				lf = strings.ToLower(f)
			}
			for from := pos; ; {
				i := strings.Index(lower[from:], lf)
				if i < 0 {
					break
				}
				at := from + i
				if best >= 0 && at > best {
					break
				}
				if end, ok := accept(lower, at, len(lf)); ok {
					if best < 0 || at < best || end-at > bestLen {
						best, bestLen = at, end-at
					}
					break
				}
				from = at + 1 // a form starts with a lead byte, so it never matches mid-rune
			}
		}
		if best < 0 {
			break
		}
		end := best + bestLen
		out = append(out, KWIC{
			Left:   leftContext(text[:best], width),
			Match:  text[best:end],
			Right:  rightContext(text[end:], width),
			Offset: best,
		})
		pos = end
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
