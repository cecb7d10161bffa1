package dates

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"meetscan/analysis/internal/corpustest"
)

// yearIndex must find what yearRe finds.
func TestYearIndexLikeYearRe(t *testing.T) {
	cases := append(corpustest.Lines(t, ".."), "", "2019", "201", "19201", "192019", "2020年度", "20202021", "1999-2000", "x1900y", "２０２０", "\xff2001")
	for _, s := range cases {
		if got, want := yearIndex(s), yearRe.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("yearIndex(%q) = %v, yearRe %v", s, got, want)
		}
	}
}

func FuzzYearIndex(f *testing.F) {
	f.Add("2019年至2020年")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := yearIndex(s), yearRe.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("yearIndex(%q) = %v, yearRe %v", s, got, want)
		}
	})
}

// refIsMetaLine is IsMetaLine as it was before labelTable.
func refIsMetaLine(p string) bool {
	if len(p) > 4*120 {
		return false
	}
	n := utf8.RuneCountInString(p)
	if n > 120 {
		return false
	}
	for _, l := range pubLabelsZh {
		if strings.Contains(p, l) {
			return true
		}
	}
	if hasLatin(p) {
		lp := strings.ToLower(p)
		for _, l := range pubLabelsEn {
			if strings.Contains(lp, l) {
				return true
			}
		}
		if strings.Contains(lp, "date :") || strings.Contains(lp, "source :") {
			return true
		}
	}
	return n <= 40 && strings.ContainsAny(p, "0123456789") && isoDate.MatchString(p)
}

// refMeetingSentence is MeetingSentence by its pattern.
func refMeetingSentence(s string) bool { return meetVerb.MatchString(s) }

func sameAll(t *testing.T, name, s string, got, want [][]int) {
	t.Helper()
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("%s on %q: %v, pattern %v", name, s, got, want)
	}
}

// refSentenceAround is sentenceAround as it was, by strings.LastIndex.
func refSentenceAround(p string, pos int) string {
	start := 0
	for _, sep := range []string{"。", ". ", "！", "？"} {
		if i := strings.LastIndex(p[:pos], sep); i >= 0 && i+len(sep) > start {
			start = i + len(sep)
		}
	}
	end := len(p)
	for _, sep := range []string{"。", ". ", "！", "？"} {
		if i := strings.Index(p[pos:], sep); i >= 0 && pos+i < end {
			end = pos + i
		}
	}
	return p[start:end]
}

// checkMatchers compares every hand-written matcher with its pattern.
func checkMatchers(t *testing.T, s string) {
	t.Helper()
	sameAll(t, "zhDate", s, findZhDates(s), zhDate.FindAllStringSubmatchIndex(s, -1))
	sameAll(t, "isoDate", s, findISO(s), isoDate.FindAllStringSubmatchIndex(s, -1))
	sameAll(t, "enMD", s, findAllAt(s, uppers, enMDAt), enMD.FindAllStringSubmatchIndex(s, -1))
	sameAll(t, "enDM", s, findAllAt(s, digits, enDMAt), enDM.FindAllStringSubmatchIndex(s, -1))
	sameAll(t, "annualZh", s, findAnnualZh(s), annualZh.FindAllStringSubmatchIndex(s, -1))
	sameAll(t, "yearZh", s, findYearZh(s), yearZh.FindAllStringSubmatchIndex(s, -1))
	var years []int
	for _, m := range yearRe.FindAllStringIndex(s, -1) {
		if m[0] > 0 && isDigit(s[m[0]-1]) || m[1] < len(s) && isDigit(s[m[1]]) {
			continue
		}
		years = append(years, atoi(s[m[0]:m[1]]))
	}
	if got := Years(s); !slices.Equal(got, years) {
		t.Errorf("Years(%q) = %v, yearRe %v", s, got, years)
	}
	if got, want := hasISO(s), isoDate.MatchString(s); got != want {
		t.Errorf("hasISO(%q) = %v, isoDate %v", s, got, want)
	}
	want := 0
	if m := yearEn.FindStringSubmatch(s); m != nil {
		want = atoi(m[1])
	}
	if got := findYearEn(s); got != want {
		t.Errorf("findYearEn(%q) = %d, yearEn %d", s, got, want)
	}
	if got, want := planEnds(s), planYear.MatchString(s); got != want {
		t.Errorf("planEnds(%q) = %v, planYear %v", s, got, want)
	}
	if got, want := containsFold(s, "annual"), strings.Contains(strings.ToLower(s), "annual"); got != want {
		t.Errorf("containsFold(%q) = %v, want %v", s, got, want)
	}
	if got, want := IsMetaLine(s), refIsMetaLine(s); got != want {
		t.Errorf("IsMetaLine(%q) = %v, reference %v", s, got, want)
	}
	if got, want := MeetingSentence(s), refMeetingSentence(s); got != want {
		t.Errorf("MeetingSentence(%q) = %v, reference %v", s, got, want)
	}
	for _, m := range MentionsIn(s) {
		if got, want := sentenceAround(s, m.Pos), refSentenceAround(s, m.Pos); got != want {
			t.Errorf("sentenceAround(%q, %d) = %q, reference %q", s, m.Pos, got, want)
		}
	}
	var sents []string
	eachSentence(s, func(x string) bool { sents = append(sents, x); return true })
	if want := splitSentences(s); !slices.Equal(sents, want) {
		t.Errorf("eachSentence(%q) = %q, splitSentences %q", s, sents, want)
	}
}

var matcherCases = []string{
	"", "2018年7日3日", "2023年 1 月 10 日", "123月4日", "2023年度", "2023 年度", "2022年党建", "2022年", "2022年1月", "2022年\xff", "2022年 度",
	"2024-01-04", "2019/12/30", "2019.123.4", "12019-1-2", "2019-1-234",
	"December 28", "Dec. 28, 2021", "February, 1, 2021", "Sept 3", "Sep.,\t4th", "xMay 1", "_Jan 2", "Mayday 3", "May\n1", "Jun", "in May",
	"2 Mar 2020", "28 December 2023", "3rd of May, 2019", "3rdx May", "12 Junee", "1st  of  June,2020", "123 May", "May 123", "May 5th2020", "Sepember 9",
	"the 2020 Party Building", "2021 WORK", "2021 wor\u212a", "2021 ſecretary", "x2021 party", "2021party",
	"对2022年度党建工作", "谋划好2020年", "部署 好一二三四", "对一二三四五", "对好一二三四五", "计划\xe4\xb8", "展望",
	"发布时间：2023-01-01", "Source: Xinhua", "DATE : 2020", "SOURCE：x", "publİshed: 2020", "2020-1-1 12:00",
	"The branch HELD a meeting", "Held", "Held on May 5, the meeting", "Convened by the branch", "ORGANIZED", "household", "organiſed", "preſided over", "carried out", "withheld", "召开",
	"a。b！c？d. e. ", "。。", "x. ",
}

func TestMatchersLikePatterns(t *testing.T) {
	cases := append(corpustest.Lines(t, ".."), matcherCases...)
	for _, s := range cases {
		checkMatchers(t, s)
		// Suffixes test the end-anchored planYear at every place.
		for i := range s {
			if i > 0 && utf8.RuneStart(s[i]) && len(s)-i < 40 {
				if got, want := planEnds(s[i:]), planYear.MatchString(s[i:]); got != want {
					t.Errorf("planEnds(%q) = %v, planYear %v", s[i:], got, want)
				}
			}
		}
	}
}

func FuzzMatchers(f *testing.F) {
	for _, s := range matcherCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkMatchers(t, s) })
}

// yearIndex returns what yearRe.FindAllStringIndex(s, -1) returns, by a
// plain byte scan: the pattern is four ASCII bytes, so its matches are
// the non-overlapping 19dd/20dd runs from the left.
func yearIndex(s string) [][]int {
	var out [][]int
	for i := 0; i+4 <= len(s); {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) {
			out = append(out, []int{i, i + 4})
			i += 4
			continue
		}
		i++
	}
	return out
}

// splitSentences splits p as PeriodYear did before eachSentence.
func splitSentences(p string) []string {
	f := func(r rune) bool { return r == '。' || r == '！' || r == '？' }
	var out []string
	for _, s := range strings.FieldsFunc(p, f) {
		out = append(out, strings.Split(s, ". ")...)
	}
	return out
}
