package web

import (
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"

	"meetscan/data"
)

// safeSnippet turns a highlighted fragment from the index into HTML in which
// the only markup is <mark> and </mark>. The index escapes the text it
// highlights, but fragments come from crawled pages, so nothing is trusted:
// every other '<' and '>' is escaped, and '&' survives only as the start of
// a well-formed entity. Unbalanced <mark> tags are closed.
func safeSnippet(s string) template.HTML {
	var b strings.Builder
	b.Grow(len(s) + 16)
	open := 0
	for i := 0; i < len(s); {
		switch c := s[i]; c {
		case '<':
			switch {
			case strings.HasPrefix(s[i:], "<mark>"):
				b.WriteString("<mark>")
				open++
				i += len("<mark>")
				continue
			case strings.HasPrefix(s[i:], "</mark>"):
				if open > 0 {
					b.WriteString("</mark>")
					open--
				}
				i += len("</mark>")
				continue
			}
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			if n := entityLen(s[i:]); n > 0 {
				b.WriteString(s[i : i+n])
				i += n
				continue
			}
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		default:
			if c < 0x20 && c != '\t' && c != '\n' {
				b.WriteByte(' ')
			} else {
				b.WriteByte(c)
			}
		}
		i++
	}
	for ; open > 0; open-- {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String())
}

// entityLen returns the length of the character reference at the start of
// s (&amp; &#39; &#x27;), or 0 when s does not start with one.
func entityLen(s string) int {
	if len(s) < 3 || s[0] != '&' {
		return 0
	}
	i := 1
	switch {
	case s[1] == '#' && len(s) > 2 && (s[2] == 'x' || s[2] == 'X'):
		i = 3
		for i < len(s) && i < 12 && isHex(s[i]) {
			i++
		}
		if i == 3 {
			return 0
		}
	case s[1] == '#':
		i = 2
		for i < len(s) && i < 12 && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 2 {
			return 0
		}
	default:
		for i < len(s) && i < 32 && isAlnum(s[i]) {
			i++
		}
		if i == 1 {
			return 0
		}
	}
	if i < len(s) && s[i] == ';' {
		return i + 1
	}
	return 0
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// Kinds of marked text in the article view, as bits so one run of text can
// be both inside a requirement and a person's name.
const (
	markReq = 1 << iota
	markPerson
	markTheme
)

// textSeg is a run of paragraph text with the same marks. Text is plain and
// escaped by the template.
type textSeg struct {
	Text  string
	Class string // CSS classes: "req", "person", "theme"
	Title string // tooltip: the theme label or the person's roles
}

// markParagraph splits a paragraph into segments marking the requirements,
// people and theme terms the analysis found in it.
func markParagraph(p string, an *data.Analysis, themeTitle func(data.ThemeHit) string) []textSeg {
	if p == "" {
		return nil
	}
	if an == nil {
		return []textSeg{{Text: p}}
	}
	marks := make([]uint8, len(p))
	titles := make([]string, len(p))
	apply := func(needle string, bit uint8, title string, fold bool) {
		// An invalid needle could match inside a character and cut it.
		if len(needle) < 2 || !utf8.ValidString(needle) {
			return
		}
		hay := p
		if fold {
			hay, needle = asciiLower(p), asciiLower(needle)
		}
		for off := 0; off < len(hay); {
			i := strings.Index(hay[off:], needle)
			if i < 0 {
				return
			}
			start, end := off+i, off+i+len(needle)
			for j := start; j < end; j++ {
				marks[j] |= bit
				if title != "" && titles[j] == "" {
					titles[j] = title
				}
			}
			off = end
		}
	}
	for _, r := range an.Requirements {
		apply(strings.TrimSpace(r.Text), markReq, "", false)
	}
	for _, person := range an.People {
		apply(person.Name, markPerson, strings.Join(person.Roles, "、"), false)
	}
	for _, t := range an.Themes {
		title := themeTitle(t)
		for _, term := range t.Terms {
			apply(term, markTheme, title, isASCII(term))
		}
	}
	var segs []textSeg
	start := 0
	for i := 1; i <= len(p); i++ {
		if i < len(p) && marks[i] == marks[start] && titles[i] == titles[start] {
			continue
		}
		segs = append(segs, textSeg{Text: p[start:i], Class: markClass(marks[start]), Title: titles[start]})
		start = i
	}
	return segs
}

func markClass(m uint8) string {
	var cs []string
	if m&markReq != 0 {
		cs = append(cs, "req")
	}
	if m&markPerson != 0 {
		cs = append(cs, "person")
	}
	if m&markTheme != 0 {
		cs = append(cs, "theme")
	}
	return strings.Join(cs, " ")
}

// asciiLower lower-cases ASCII letters only, keeping byte offsets intact.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func isASCII(s string) bool {
	return !slices.ContainsFunc([]byte(s), func(c byte) bool { return c >= 0x80 })
}
