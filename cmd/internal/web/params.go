package web

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"meetscan/data"
)

// params reads and validates query parameters, collecting the first error
// so a handler can parse everything and answer 400 once.
type params struct {
	v   url.Values
	err error
}

func (p *params) fail(format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf("%w: %s", ErrBadQuery, fmt.Sprintf(format, args...))
	}
}

// str returns a trimmed text parameter, at most max bytes of valid UTF-8.
func (p *params) str(name string, max int) string {
	vs := p.v[name]
	if len(vs) == 0 {
		return ""
	}
	if len(vs) > 1 {
		p.fail("parameter %s given %d times", name, len(vs))
		return ""
	}
	s := strings.TrimSpace(vs[0])
	if len(s) > max {
		p.fail("parameter %s is too long (%d bytes, at most %d)", name, len(s), max)
		return ""
	}
	if !utf8.ValidString(s) {
		p.fail("parameter %s is not valid UTF-8", name)
		return ""
	}
	if strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\t' }) {
		p.fail("parameter %s contains control characters", name)
		return ""
	}
	return s
}

// list returns the non-empty values of a repeated parameter.
func (p *params) list(name string, maxN, maxLen int) []string {
	var out []string
	for _, s := range p.v[name] {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if len(s) > maxLen || !utf8.ValidString(s) {
			p.fail("parameter %s: value too long or not UTF-8", name)
			return nil
		}
		if slices.Contains(out, s) {
			continue
		}
		out = append(out, s)
	}
	if len(out) > maxN {
		p.fail("parameter %s given %d times (at most %d)", name, len(out), maxN)
		return nil
	}
	return out
}

// num returns an integer parameter in [lo, hi], or def when absent.
func (p *params) num(name string, def, lo, hi int) int {
	s := p.str(name, 20)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		p.fail("parameter %s=%q is not a number", name, s)
		return def
	}
	if n < lo || n > hi {
		p.fail("parameter %s=%d is out of range [%d, %d]", name, n, lo, hi)
		return def
	}
	return n
}

// oneOf returns a parameter that must be one of allowed (def when absent).
func (p *params) oneOf(name, def string, allowed ...string) string {
	s := p.str(name, 40)
	if s == "" {
		return def
	}
	if !slices.Contains(allowed, s) {
		p.fail("parameter %s=%q must be one of %s", name, s, strings.Join(allowed, ", "))
		return def
	}
	return s
}

const minYear, maxYear = 1949, 2100

// year reads a year parameter; 0 when absent.
func (p *params) year(name string) int { return p.num(name, 0, minYear, maxYear) }

// filter reads the shared filter parameters.
func (p *params) filter() Filter {
	f := Filter{
		Year:   p.year("year"),
		From:   p.year("from"),
		To:     p.year("to"),
		Org:    p.str("org", maxFieldLen),
		Person: p.str("person", maxFieldLen),
		Theme:  p.str("theme", maxFieldLen),
		Type:   p.str("type", maxFieldLen),
		Lang:   p.oneOf("doclang", "", "zh", "en", "mixed"),
	}
	if f.Type != "" && !slices.Contains(data.MeetingTypes, f.Type) {
		p.fail("meeting type %q unknown (one of %s)", f.Type, strings.Join(data.MeetingTypes, ", "))
	}
	if f.From != 0 && f.To != 0 && f.From > f.To {
		p.fail("year range %d–%d is empty", f.From, f.To)
	}
	return f
}

// searchRequest reads a search request from the query parameters.
func (p *params) searchRequest() SearchRequest {
	req := SearchRequest{
		Query:  p.str("q", maxQueryLen),
		Filter: p.filter(),
		Sort:   p.oneOf("sort", "relevance", "relevance", "date"),
		Limit:  p.num("limit", defaultLimit, 1, maxLimit),
	}
	req.Offset = p.num("offset", 0, 0, maxOffset)
	if page := p.num("page", 0, 0, maxOffset); page > 1 {
		req.Offset = (page - 1) * req.Limit
		if req.Offset > maxOffset {
			p.fail("page %d is beyond the last page served (%d results)", page, maxOffset)
		}
	}
	return req
}

// values returns the filter as query parameters, for links.
func (f Filter) values() url.Values {
	v := url.Values{}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	seti := func(k string, n int) {
		if n != 0 {
			v.Set(k, strconv.Itoa(n))
		}
	}
	seti("year", f.Year)
	seti("from", f.From)
	seti("to", f.To)
	set("org", f.Org)
	set("person", f.Person)
	set("theme", f.Theme)
	set("type", f.Type)
	set("doclang", f.Lang)
	return v
}
