package meeting

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"meetscan/analysis/text"
)

var (
	zhNum = `([0-9０-９]+|[一二两三四五六七八九十百千]+)`
	// 共21人参加会议, 共计50余人参会, 参会人员100余人, 200多名党员参加
	zhAttend = regexp.MustCompile(zhNum + `\s*(余|多)?\s*(?:人|名)[^，。；,;]{0,12}?(?:参加|出席|参会|与会|到会|列席|参与)(?:了)?(?:会议|大会|本次|此次|活动|学习|现场|$|[，。；,;])`)
	// 应到会党员35名，实到会党员32名 (elections state both; 实到 counts).
	zhActual  = regexp.MustCompile(`实到(?:会)?(?:会议)?(?:党员|代表|人员)?(?:共)?` + zhNum + `\s*(余|多)?\s*(?:人|名)`)
	zhAttend2 = regexp.MustCompile(`(?:参会|与会|参加会议|出席会议)(?:人员|人数|党员)?(?:共|达|约|近)?(?:计)?` + zhNum + `\s*(余|多)?\s*(?:人|名)`)
	// A total of 21 people ... attended; More than 40 members ... attended;
	// 19 party members ... attended.
	enAttend = regexp.MustCompile(`(?i)\b(?:a total of|more than|over|nearly|about|around|some|approximately)?\s*([0-9]{1,5})\s+(?:people|persons|participants|attendees|members|party members|representatives|cadres|delegates|staff|employees|teachers|students|comrades)\b`)
	enVerb   = regexp.MustCompile(`(?i)\b(?:attend|attended|participat|present\b|took part|joined)`)
	// A head count of the people reporting is not attendance.
	notAttend = regexp.MustCompile(`参加述职|进行述职|作述职|述职|汇报|发言|当选|候选`)
)

// Attendance returns the number of attendees stated in the report, 0 when
// none is stated. "100余人" and "More than 40" count as 100 and 40.
func Attendance(paras []string) int {
	for _, p := range paras {
		if n := attendZh(p); n > 0 {
			return n
		}
		if n := attendEn(p); n > 0 {
			return n
		}
	}
	return 0
}

func attendZh(p string) int {
	// strings.ContainsAny walks non-ASCII sets rune by rune; Contains per
	// character uses the fast byte search.
	if !containsAnyOf(p, personChars) || !containsAnyOf(p, verbChars) || !numPerson(p) {
		return 0
	}
	if strings.Contains(p, "实到") {
		if m := zhActual.FindStringSubmatch(p); m != nil {
			if n, ok := text.Number(m[1]); ok && n >= 1 && n < 100000 {
				return n
			}
		}
	}
	// Both patterns need one of the verbs: skip them when none is there.
	if !containsAnyOf(p, attendVerbs) {
		return 0
	}
	for _, re := range []*regexp.Regexp{zhAttend, zhAttend2} {
		for _, m := range re.FindAllStringSubmatchIndex(p, -1) {
			whole := p[m[0]:m[1]]
			if notAttend.MatchString(tail(p, m[1], 9)) && !strings.Contains(whole, "会议") {
				continue
			}
			if n, ok := text.Number(p[m[2]:m[3]]); ok && n >= 2 && n < 100000 {
				return n
			}
		}
	}
	return 0
}

// tail returns up to n runes of p after byte offset i.
func tail(p string, i, n int) string {
	r := []rune(p[i:])
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

func attendEn(p string) int {
	if !strings.ContainsAny(p, "0123456789") || !hasASCIILetter(p) {
		return 0
	}
	for _, s := range strings.Split(p, ". ") {
		for _, s2 := range strings.Split(s, "。") {
			if n := attendEnSentence(s2); n > 0 {
				return n
			}
		}
	}
	return 0
}

// attendEnSentence reads the head count of one sentence: the count
// closest before the verb ("Of the 35 members, 32 party members were
// present" -> 32), else the first after it ("attended by 30 people").
func attendEnSentence(s string) int {
	if !strings.ContainsAny(s, "0123456789") {
		return 0
	}
	v := enVerb.FindStringIndex(s)
	if v == nil {
		return 0
	}
	best := ""
	for _, m := range enAttend.FindAllStringSubmatchIndex(s, -1) {
		num := s[m[2]:m[3]]
		if n, _ := text.Number(num); isYear(n) || n < 2 {
			continue
		}
		if m[0] < v[0] || best == "" {
			best = num
		}
		if m[0] >= v[0] {
			break
		}
	}
	if n, ok := text.Number(best); ok && n < 100000 {
		return n
	}
	return 0
}

func isYear(n int) bool { return n >= 1990 && n <= 2039 }

// hasASCIILetter: the English patterns need English words.
func hasASCIILetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

// attendVerbs holds the verbs of zhAttend; zhAttend2's (参会, 与会,
// 参加会议, 出席会议) each contain one of them.
var attendVerbs = []string{"参加", "出席", "参会", "与会", "到会", "列席", "参与"}

func containsAnyOf(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// numPerson reports whether s has a count of people, the part
// `zhNum\s*(余|多)?\s*(?:人|名)` that zhAttend, zhAttend2 and zhActual all
// need: a 人 or 名 with a numeral before it, across spaces and one 余/多.
// Most paragraphs have none, and the patterns, which start with a
// numeral class, would otherwise be tried at every numeral (一 is common).
func numPerson(s string) bool {
	for _, c := range personChars {
		for off := 0; off < len(s); {
			k := strings.Index(s[off:], c)
			if k < 0 {
				break
			}
			i := off + k
			off = i + len(c)
			if numBefore(s, i) {
				return true
			}
		}
	}
	return false
}

var (
	personChars = []string{"人", "名"}
	verbChars   = []string{"参", "出", "与", "到", "列"}
)

// numBefore reports whether `zhNum\s*(余|多)?\s*` ends at s[:i].
func numBefore(s string, i int) bool {
	j := skipSpaceBack(s, i)
	if strings.HasSuffix(s[:j], "余") || strings.HasSuffix(s[:j], "多") {
		j = skipSpaceBack(s, j-len("余"))
	}
	r, _ := utf8.DecodeLastRuneInString(s[:j])
	return j > 0 && isNumeral(r)
}

func skipSpaceBack(s string, j int) int {
	for j > 0 && (s[j-1] == ' ' || s[j-1] == '\t' || s[j-1] == '\n' || s[j-1] == '\f' || s[j-1] == '\r') {
		j--
	}
	return j
}

// isNumeral is zhNum's character class.
func isNumeral(r rune) bool {
	return r >= '0' && r <= '9' || r >= '０' && r <= '９' || strings.ContainsRune("一二两三四五六七八九十百千", r)
}
