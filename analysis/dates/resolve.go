package dates

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"meetscan/analysis/internal/wordscan"
)

// Resolve completes a meeting date written without a year.
//
// With a reference (publication) date the meeting is the latest such day
// not after publication: "December 28" published 2024-01-04 is 2023-12-28.
// Without one the year comes from the work year the report is about:
// reviews and democratic-life meetings held in the first half of a year
// look back at the previous year ("2022年度" reviewed in April 2023), other
// meetings are in their work year; failing that, the latest year the text
// mentions. With no year at all the result keeps Year 0 (--MM-DD).
func Resolve(md Date, ref Date, period int, backward bool, years []int) Date {
	if md.IsZero() || md.Year != 0 {
		return md
	}
	switch {
	case ref.Year != 0:
		md.Year = ref.Year
		if md.Month*100+md.Day > ref.Month*100+ref.Day+1 {
			md.Year--
		}
	case period != 0:
		md.Year = period
		if backward && md.Month <= 6 {
			md.Year++
		}
	default:
		for _, y := range years {
			if y > md.Year {
				md.Year = y
			}
		}
	}
	return md
}

var (
	// 2023 annual, 2023 Annual, annual … of 2021
	annualEn = regexp.MustCompile(`(?i)\b((?:19|20)\d\d)\s+annual\b|\bannual\s+(?:[a-z]+\s+){0,3}(?:of|for)\s+((?:19|20)\d\d)\b`)
	// "the 2020 Party Building Work Promotion Meeting": a year right before
	// capitalised words or party vocabulary.
	yearEn = regexp.MustCompile(`(?i)\b((?:19|20)\d\d)\s+(?:party|branch|work|democratic|review|secretary|theme)`)
)

// Years returns the plausible years a text mentions.
func Years(s string) []int {
	var out []int
	// The matches of yearRe are the non-overlapping 19dd/20dd runs from
	// the left; keep those not inside a longer number.
	for i := 0; i+4 <= len(s); {
		// A year needs four digits: where s[i+3] is none, no year
		// starts at i to i+3 (most places in Chinese text).
		if !isDigit(s[i+3]) {
			i += 4
			continue
		}
		if !yearAt(s, i) {
			i++
			continue
		}
		if !(i > 0 && isDigit(s[i-1]) || i+4 < len(s) && isDigit(s[i+4])) {
			out = append(out, atoi(s[i:i+4]))
		}
		i += 4
	}
	return out
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// PeriodYear returns the work year a report is about, looking in order at
// the title, the sentence that says the meeting was held, then the rest of
// the text; in each, "2018年度"/"2023 Annual" first, then a year used as a
// modifier ("2022年党建工作", "the 2019 Party Branch Secretary Report").
// Years that are part of a full date, and years of plans ("对2022年度…提出要
// 求"), do not count. 0 when none is stated.
// planBefore reports whether a plan verb ends s (planYear); only the
// last bytes can match, and an anchored pattern run over a whole
// paragraph prefix would retry at every position.
func planBefore(s string) bool {
	if len(s) > 96 {
		i := len(s) - 96
		for i < len(s) && !utf8.RuneStart(s[i]) {
			i++
		}
		s = s[i:]
	}
	return planEnds(s)
}

func hasLatinLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

func PeriodYear(title string, paras []string) int {
	var body []string
	held := ""
	for _, p := range paras {
		if IsMetaLine(p) || p == title {
			continue
		}
		body = append(body, p)
		// A sentence's verb is the paragraph's (no verb holds a
		// sentence end, which is no word byte): most paragraphs have
		// none, and one pass over them tells.
		if held == "" && mayHoldMeeting(p) {
			eachSentence(p, func(s string) bool {
				if MeetingSentence(s) {
					held = s
				}
				return held == ""
			})
		}
	}
	annual := func(s string) int {
		if !hasDigit(s) {
			return 0
		}
		var zh [][]int
		if strings.Contains(s, "年度") {
			zh = findAnnualZh(s)
		}
		for _, m := range zh {
			if !planBefore(s[:m[0]]) || !planFollows(s[m[1]:]) {
				return atoi(s[m[2]:m[3]])
			}
		}
		// No rune but ASCII letters lower-cases into "annual".
		if !hasLatinLetter(s) || !containsFold(s, "annual") {
			return 0
		}
		if m := annualEn.FindStringSubmatch(s); m != nil {
			if m[1] != "" {
				return atoi(m[1])
			}
			return atoi(m[2])
		}
		return 0
	}
	weak := func(s string, en bool) int {
		if !hasDigit(s) {
			return 0
		}
		var zh [][]int
		if strings.Contains(s, "年") {
			zh = findYearZh(s)
		}
		for _, m := range zh {
			if isDateTail(s[m[3]:]) || planBefore(s[:m[2]]) && planFollows(s[m[3]:]) || isSessionNumber(s[m[4]:]) {
				continue
			}
			return atoi(s[m[2]:m[3]])
		}
		if en {
			if y := findYearEn(s); y != 0 {
				return y
			}
			if y := theYearEn(s); y != 0 {
				return y
			}
		}
		return 0
	}
	type look struct {
		s  string
		en bool
	}
	order := []look{{title, true}, {held, true}}
	for _, l := range order {
		if l.s == "" {
			continue
		}
		if y := annual(l.s); y != 0 {
			return y
		}
		if y := weak(l.s, l.en); y != 0 {
			return y
		}
	}
	for _, p := range body {
		if y := annual(p); y != 0 {
			return y
		}
	}
	for _, p := range body {
		// English body text mentions years loosely ("in 2022"); only
		// title-like phrases count there, which weak's en pattern is.
		if y := weak(p, false); y != 0 {
			return y
		}
	}
	return 0
}

// mayHoldMeeting reports whether MeetingSentence may hold for a sentence
// of p.
func mayHoldMeeting(p string) bool {
	pos, _, sure := meetTable.First(p)
	return !sure || pos >= 0
}

// planFollows reports whether the clause after a year speaks of plans or
// requirements for it.
func planFollows(rest string) bool {
	if i := strings.IndexAny(rest, "，。；,;"); i >= 0 {
		rest = rest[:i]
	}
	return strings.Contains(rest, "提出") || strings.Contains(rest, "要求") || strings.Contains(rest, "计划") || strings.Contains(rest, "打算") || strings.Contains(rest, "工作")
}

// isDateTail reports whether text after "YYYY年" continues a date
// ("1月", "12月", "7日").
func isDateTail(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	i := 0
	for i < len(rest) && i < 2 && isDigit(rest[i]) {
		i++
	}
	return i > 0 && (strings.HasPrefix(rest[i:], "月") || strings.HasPrefix(rest[i:], "日"))
}

// isSessionNumber reports whether the text after "YYYY年" numbers a
// session of that year ("2024年第六次集体学习", "第3期"): the year counts
// the sessions, it does not say which year's work the meeting is about.
// (第一季度 names a period and is not a session number.)
func isSessionNumber(rest string) bool {
	rest, ok := strings.CutPrefix(rest, "第")
	if !ok {
		return false
	}
	n := 0
	for rest != "" {
		r, size := utf8.DecodeRuneInString(rest)
		if !strings.ContainsRune("0123456789一二三四五六七八九十百", r) {
			break
		}
		rest = rest[size:]
		n++
	}
	return n > 0 && (strings.HasPrefix(rest, "次") || strings.HasPrefix(rest, "期") || strings.HasPrefix(rest, "批") || strings.HasPrefix(rest, "轮"))
}

// theYearEn returns the year of "the YYYY <word>" in s, or 0: in a title
// or the sentence that holds the meeting, "held the 2018 grassroots party
// organization secretary … meeting" names the meeting by its work year,
// which outranks the years the report mentions later ("the annual
// assessment of 2019"). A year after a date ("January 23, 2019") has no
// "the" before it.
func theYearEn(s string) int {
	for i := 4; i+5 < len(s); i++ {
		if !yearAt(s, i) || s[i+4] != ' ' {
			continue
		}
		if w := s[i-4 : i]; w != "the " && w != "The " || i > 4 && wordscan.IsWordByte(s[i-5]) {
			continue
		}
		if c := s[i+5] | 0x20; c >= 'a' && c <= 'z' {
			return atoi(s[i : i+4])
		}
	}
	return 0
}
