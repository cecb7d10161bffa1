package meeting

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"meetscan/analysis/internal/wordscan"
	"meetscan/analysis/text"
)

var (
	zhNum = `([0-9０-９]+|[一二两三四五六七八九十百千]+)`
	// 共21人参加会议, 共计50余人参会, 参会人员100余人, 200多名党员参加;
	// the meeting may be a 座谈 (forum), a signing 仪式 or a 党课.
	zhAttend = regexp.MustCompile(zhNum + `\s*(余|多)?\s*(?:人|名)[^，。；,;]{0,12}?(?:参加|出席|参会|与会|到会|列席|参与)(?:了)?(?:会议|大会|本次|此次|活动|学习|现场|座谈|仪式|党课|$|[，。；,;])`)
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
	if !personAndVerb(p) || !numPerson(p) {
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
	// The patterns have no anchor, \b or look-behind: run from where
	// their first match can start, they find the same matches.
	for k, re := range []*regexp.Regexp{zhAttend, zhAttend2} {
		off := countStart(p)
		if k == 1 {
			off = attend2Start(p)
		}
		if off < 0 || k == 0 && !countThenVerb(p) || k == 1 && !verbThenNumeral(p) {
			continue
		}
		for _, m := range re.FindAllStringSubmatchIndex(p[off:], -1) {
			for j := range m {
				if m[j] >= 0 {
					m[j] += off
				}
			}
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

// countStart returns a place no match of zhAttend starts before: one
// starts with a count of people, `zhNum\s*(余|多)?\s*(?:人|名)`, so at
// or after the numerals before the first 人 or 名 that has them (see
// numPerson). -1 when there is none.
func countStart(s string) int {
	start := -1
	for _, c := range personChars {
		for off := 0; off < len(s); {
			k := strings.Index(s[off:], c)
			if k < 0 {
				break
			}
			i := off + k
			off = i + len(c)
			if start >= 0 && i >= start {
				break
			}
			if numBefore(s, i) {
				j := skipSpaceBack(s, i)
				if strings.HasSuffix(s[:j], "余") || strings.HasSuffix(s[:j], "多") {
					j = skipSpaceBack(s, j-len("余"))
				}
				for j > 0 {
					r, n := utf8.DecodeLastRuneInString(s[:j])
					if !isNumeral(r) {
						break
					}
					j -= n
				}
				if start < 0 || j < start {
					start = j
				}
				break
			}
		}
	}
	return start
}

// countThenVerb reports whether a count of people in s has one of
// attendVerbs after it as zhAttend needs: a 人 or 名 with numerals before
// it (numBefore), then up to 12 runes none of ，。；,; and the verb. Most
// counts ("三名同志发言") have none, and the pattern is then not run.
func countThenVerb(s string) bool {
	found := false
	eachCount(s, func(i int) bool {
		for j, n := i+len("人"), 0; j < len(s); n++ {
			for _, v := range attendVerbs {
				if strings.HasPrefix(s[j:], v) {
					found = true
					return false
				}
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if n == 12 || strings.ContainsRune("，。；,;", r) {
				break
			}
			j += size
		}
		return true
	})
	return found
}

// verbThenNumeral reports whether a numeral (isNumeral) follows one of
// zhAttend2's verbs within five runes: its optional words between them
// (人员, 共, 计…) are at most four runes. Without one the pattern cannot
// match.
func verbThenNumeral(s string) bool {
	for _, w := range []string{"参会", "与会", "参加会议", "出席会议"} {
		for off := 0; off < len(s); {
			k := strings.Index(s[off:], w)
			if k < 0 {
				break
			}
			off += k + len(w)
			for j, n := off, 0; j < len(s) && n < 5; n++ {
				r, size := utf8.DecodeRuneInString(s[j:])
				if isNumeral(r) {
					return true
				}
				j += size
			}
		}
	}
	return false
}

// attend2Start returns where zhAttend2's first match can start: its
// leftmost verb, or -1.
func attend2Start(s string) int {
	start := -1
	for _, w := range []string{"参会", "与会", "参加会议", "出席会议"} {
		if i := strings.Index(s, w); i >= 0 && (start < 0 || i < start) {
			start = i
		}
	}
	return start
}

// tail returns up to n runes of p after byte offset i.
func tail(p string, i, n int) string {
	j := i
	for ; n > 0 && j < len(p); n-- {
		_, size := utf8.DecodeRuneInString(p[j:])
		j += size
	}
	return p[i:j]
}

func attendEn(p string) int {
	// enAttend needs digits and spaces after them (`[0-9]{1,5}\s+`):
	// Chinese text writes "2023年", "50余人" without.
	if !hasDigitSpace(p) || !hasASCIILetter(p) {
		return 0
	}
	// A sentence's verb is the paragraph's too (sentences end at
	// non-word bytes): most paragraphs have none.
	if _, ok := enVerbIndex(p); !ok {
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

// enVerbTable finds enVerb's words. (?i) folds ſ (U+017F) to s and K
// (U+212A) to k, which the table does not: their presence sends the
// search to the pattern.
var enVerbTable = wordscan.New(true,
	wordscan.Entry{Word: "attend", BoundBefore: true},
	wordscan.Entry{Word: "participat", BoundBefore: true},
	wordscan.Entry{Word: "present", BoundBefore: true, BoundAfter: true},
	wordscan.Entry{Word: "took part", BoundBefore: true},
	wordscan.Entry{Word: "joined", BoundBefore: true},
	wordscan.Entry{Word: "\u017f", Special: true},
	wordscan.Entry{Word: "\u212a", Special: true},
)

// enVerbIndex returns where enVerb's leftmost match in s starts.
func enVerbIndex(s string) (int, bool) {
	pos, _, sure := enVerbTable.First(s)
	if !sure {
		if v := enVerb.FindStringIndex(s); v != nil {
			return v[0], true
		}
		return -1, false
	}
	return pos, pos >= 0
}

// attendEnSentence reads the head count of one sentence: the count
// closest before the verb ("Of the 35 members, 32 party members were
// present" -> 32), else the first after it ("attended by 30 people").
func attendEnSentence(s string) int {
	if !hasDigit(s) {
		return 0
	}
	v0, ok := enVerbIndex(s)
	if !ok {
		return 0
	}
	best := ""
	for _, m := range findEnAttend(s) {
		num := s[m[2]:m[3]]
		if n, _ := text.Number(num); isYear(n) || n < 2 {
			continue
		}
		if m[0] < v0 || best == "" {
			best = num
		}
		if m[0] >= v0 {
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
	found := false
	eachCount(s, func(int) bool { found = true; return false })
	return found
}

// eachCount calls f with the byte offset of every 人 or 名 in s that has
// numerals before it (numBefore), all 人 first, until f returns false.
func eachCount(s string, f func(i int) bool) {
	for _, c := range personChars {
		for off := 0; off < len(s); {
			k := strings.Index(s[off:], c)
			if k < 0 {
				break
			}
			i := off + k
			off = i + len(c)
			if numBefore(s, i) && !f(i) {
				return
			}
		}
	}
}

// gateTable finds personChars (tag 0) and verbChars (tag 1).
var gateTable = func() *wordscan.Table {
	t := wordscan.New(false)
	for _, c := range personChars {
		t.Add(wordscan.Entry{Word: c})
	}
	for _, c := range verbChars {
		t.Add(wordscan.Entry{Word: c, Tag: 1})
	}
	return t
}()

// personAndVerb reports whether s has one of personChars and one of
// verbChars: one pass, where strings.Contains per character would pass
// over the paragraph for every absent one.
func personAndVerb(s string) bool {
	var seen [2]bool
	gateTable.Each(s, func(_ int, e *wordscan.Entry) bool {
		seen[e.Tag] = true
		return !(seen[0] && seen[1])
	})
	return seen[0] && seen[1]
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

// Words of enAttend.
var (
	enAttendLead  = []string{"a total of", "more than", "over", "nearly", "about", "around", "some", "approximately"}
	enAttendNouns = []string{"people", "persons", "participants", "attendees", "members", "party members", "representatives", "cadres", "delegates", "staff", "employees", "teachers", "students", "comrades"}
)

// findEnAttend is enAttend.FindAllStringSubmatchIndex(s, -1) (whole match
// and the number). (?i) folds ſ to s and K to k: texts with them go to the
// pattern.
func findEnAttend(s string) [][]int {
	if strings.Contains(s, "\u017f") || strings.Contains(s, "\u212a") {
		return enAttend.FindAllStringSubmatchIndex(s, -1)
	}
	var out [][]int
	for i := 0; i < len(s); {
		if m := enAttendAt(s, i); m != nil {
			out = append(out, m)
			i = m[1]
			continue
		}
		i++
	}
	return out
}

// enAttendAt matches enAttend at s[i:]: a word boundary, an optional
// lead-in, spaces, one to five digits, spaces and a noun ending a word.
// Only one lead-in can match at a place, and when it does, the match
// without it would need a digit where its letter is.
func enAttendAt(s string, i int) []int {
	before := i > 0 && wordscan.IsWordByte(s[i-1])
	if i < len(s) && before == wordscan.IsWordByte(s[i]) {
		return nil // no \b
	}
	if i == len(s) && !before {
		return nil
	}
	j := i
	for _, w := range enAttendLead {
		if text.HasPrefixFold(s[i:], w) {
			j = i + len(w)
			break
		}
	}
	k := j
	for k < len(s) && isPerlSpace(s[k]) {
		k++
	}
	e := k
	for e < len(s) && s[e] >= '0' && s[e] <= '9' {
		e++
	}
	if e == k || e-k > 5 {
		return nil
	}
	n := e
	for n < len(s) && isPerlSpace(s[n]) {
		n++
	}
	if n == e {
		return nil
	}
	for _, w := range enAttendNouns {
		if end := n + len(w); text.HasPrefixFold(s[n:], w) && (end == len(s) || !wordscan.IsWordByte(s[end])) {
			return []int{i, end, k, e}
		}
	}
	return nil
}

func isPerlSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// hasDigitSpace reports whether s has an ASCII digit followed by a Perl
// space (\s).
func hasDigitSpace(s string) bool {
	for i := wordscan.SkipDigitFree(s); i+1 < len(s); i++ {
		if s[i]-'0' <= 9 && isPerlSpace(s[i+1]) {
			return true
		}
	}
	return false
}

// hasDigit is strings.ContainsAny(s, "0123456789"), without its
// rune-by-rune walk of non-ASCII text.
func hasDigit(s string) bool {
	for i := wordscan.SkipDigitFree(s); i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}
