package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"meetscan/data"
)

// A date written the Chinese or ISO way: 2024-01-04, 2024/1/4, 2024.01.04,
// 2024年1月4日, each optionally followed by a clock time.
var numDateRe = regexp.MustCompile(`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?(?:[T\s]*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?`)

// English dates: January 4, 2024 / Jan. 4 2024 / 4 January 2024, optional time.
var (
	mdyRe = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?`)
	dmyRe = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?`)
)

var months = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

// ParseDate finds the first date in s (Chinese, ISO or English notation)
// and returns it in Shanghai time; ok is false when s holds no valid date.
// Years outside 1949–2099 are rejected as noise (phone numbers, ids).
func ParseDate(s string) (data.PubTime, bool) {
	t, at := findDate(s)
	return t, at >= 0
}

// findDate returns the first valid date in s and its byte offset (-1: none).
func findDate(s string) (data.PubTime, int) {
	best, bestAt := data.PubTime{}, -1
	if m := numDateRe.FindStringSubmatchIndex(s); m != nil {
		if t, ok := build(s, m, 2, 4, 6, 8, 10, 12, nil); ok {
			best, bestAt = t, m[0]
		}
	}
	// The English patterns are costly on long text: run them only when a
	// month name can occur before the numeric date.
	head := s
	if bestAt >= 0 {
		head = s[:bestAt]
	}
	if !hasMonthName(head) {
		return best, bestAt
	}
	for _, re := range []*regexp.Regexp{mdyRe, dmyRe} {
		m := re.FindStringSubmatchIndex(s)
		if m == nil || (bestAt >= 0 && m[0] >= bestAt) {
			continue
		}
		var t data.PubTime
		var ok bool
		if re == mdyRe {
			t, ok = build(s, m, 6, 2, 4, 8, 10, -1, months)
		} else {
			t, ok = build(s, m, 6, 4, 2, 8, 10, -1, months)
		}
		if ok {
			best, bestAt = t, m[0]
		}
	}
	return best, bestAt
}

var monthPrefixes = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

func hasMonthName(s string) bool {
	l := asciiLower(s)
	for _, m := range monthPrefixes {
		if strings.Contains(l, m) {
			return true
		}
	}
	return false
}

// build assembles a time from submatch indexes (y, mo, d, h, mi, sec are
// offsets into m; -1 = absent). With names, the month group is a name.
func build(s string, m []int, y, mo, d, h, mi, sec int, names map[string]time.Month) (data.PubTime, bool) {
	group := func(i int) string {
		if i < 0 || m[i] < 0 {
			return ""
		}
		return s[m[i]:m[i+1]]
	}
	year, _ := strconv.Atoi(group(y))
	var month int
	if names != nil {
		month = int(names[strings.ToLower(group(mo))])
	} else {
		month, _ = strconv.Atoi(group(mo))
	}
	day, _ := strconv.Atoi(group(d))
	if year < 1949 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31 {
		return data.PubTime{}, false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, data.Shanghai)
	if t.Day() != day { // 2月30日
		return data.PubTime{}, false
	}
	if hs := group(h); hs != "" {
		hh, _ := strconv.Atoi(hs)
		mm, _ := strconv.Atoi(group(mi))
		ss, _ := strconv.Atoi(group(sec))
		if hh < 24 && mm < 60 && ss < 60 {
			return data.PubTime{Time: t.Add(time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute + time.Duration(ss)*time.Second), HasClock: true}, true
		}
	}
	return data.PubTime{Time: t}, true
}

// Dates in URL paths of Chinese CMSs: /202302/t20230216_123.html,
// /2023-02/16/c_1.htm, /2023/02/16/, /20230216/.
var urlDateRes = []*regexp.Regexp{
	regexp.MustCompile(`/t(\d{4})(\d{2})(\d{2})_`),
	regexp.MustCompile(`/(\d{4})-(\d{2})/(\d{2})/`),
	regexp.MustCompile(`/(\d{4})/(\d{2})/(\d{2})/`),
	regexp.MustCompile(`/(\d{4})-(\d{2})-(\d{2})/`),
	regexp.MustCompile(`/(\d{4})(\d{2})(\d{2})/`),
	regexp.MustCompile(`[/_](\d{4})(\d{2})(\d{2})[_.]`),
}

// DateFromURL returns the publication day encoded in a URL path, if any.
func DateFromURL(u string) (data.PubTime, bool) {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	for _, re := range urlDateRes {
		if m := re.FindStringSubmatchIndex(u); m != nil {
			if t, ok := build(u, m, 2, 4, 6, -1, -1, -1, nil); ok {
				return t, true
			}
		}
	}
	return data.PubTime{}, false
}

// LabelledDate returns the date following a publication label on a line
// ("发布时间：2024-01-04 21:12", "Release time: 2023-05-12").
func LabelledDate(line string) (data.PubTime, bool) { return labelledDate(line) }

// StartsWithDate reports whether s begins with a date.
func StartsWithDate(s string) bool {
	_, at := findDate(strings.TrimSpace(s))
	return at == 0
}
