package dates

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"meetscan/analysis/internal/wordscan"
	"meetscan/analysis/text"
)

// Hand-written matchers of the package's patterns. Go's regexp has no
// literal to look for in most of them and tries them at every position
// of every paragraph; these only look where a match can start. Each
// returns what the pattern would (the tests compare them on the corpus
// and by fuzzing), as submatch indexes where the callers use them.

// digitRun returns the number of ASCII digits at s[i:].
func digitRun(s string, i int) int {
	n := 0
	for i+n < len(s) && isDigit(s[i+n]) {
		n++
	}
	return n
}

// skipSpace skips `\s*` (Perl spaces) from s[i].
func skipSpace(s string, i int) int {
	for i < len(s) && isPerlSpace(s[i]) {
		i++
	}
	return i
}

// yearAt reports whether `(?:19|20)\d\d` matches at s[i:].
func yearAt(s string, i int) bool {
	return i+4 <= len(s) && (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3])
}

// boundaryAt reports whether \b holds at s[i] (ASCII word bytes).
func boundaryAt(s string, i int) bool {
	before := i > 0 && wordscan.IsWordByte(s[i-1])
	after := i < len(s) && wordscan.IsWordByte(s[i])
	return before != after
}

// dayNum matches `(\d{1,2})` followed by what a non-digit must follow:
// with greedy \d{1,2}, three digits in a row cannot be followed by
// anything but a digit, so a run longer than two fails where a non-digit
// is needed next. It returns the end of the run, or -1.
func dayNum(s string, i int) int {
	n := digitRun(s, i)
	if n == 0 || n > 2 {
		return -1
	}
	return i + n
}

// isoAt matches isoDate, `((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})`,
// at s[i:], returning its submatch indexes or nil.
func isoAt(s string, i int) []int {
	if !yearAt(s, i) || i+4 >= len(s) || !isSep(s[i+4]) {
		return nil
	}
	m := i + 5
	me := dayNum(s, m)
	if me < 0 || me >= len(s) || !isSep(s[me]) {
		return nil
	}
	d := me + 1
	n := min(digitRun(s, d), 2)
	if n == 0 {
		return nil
	}
	return []int{i, d + n, i, i + 4, m, me, d, d + n}
}

func isSep(c byte) bool { return c == '-' || c == '/' || c == '.' }

// findISO is isoDate.FindAllStringSubmatchIndex(s, -1).
func findISO(s string) [][]int {
	var out [][]int
	for i := 0; i+4 < len(s); {
		if m := isoAt(s, i); m != nil {
			out = append(out, m)
			i = m[1]
			continue
		}
		i++
	}
	return out
}

// hasISO is isoDate.MatchString(s).
func hasISO(s string) bool {
	for i := 0; i+4 < len(s); i++ {
		if isoAt(s, i) != nil {
			return true
		}
	}
	return false
}

// zhDateAt matches zhDate at s[i:]:
// `(?:((?:19|20)\d\d)\s*年\s*)?(\d{1,2})\s*[月日]\s*(\d{1,2})\s*[日号]`,
// the year group first, as the greedy ? tries it.
func zhDateAt(s string, i int) []int {
	if yearAt(s, i) {
		j := skipSpace(s, i+4)
		if strings.HasPrefix(s[j:], "年") {
			if m := zhMonthDay(s, skipSpace(s, j+len("年"))); m != nil {
				return []int{i, m[1], i, i + 4, m[2], m[3], m[4], m[5]}
			}
		}
	}
	if m := zhMonthDay(s, i); m != nil {
		return []int{i, m[1], -1, -1, m[2], m[3], m[4], m[5]}
	}
	return nil
}

// zhMonthDay matches `(\d{1,2})\s*[月日]\s*(\d{1,2})\s*[日号]` at s[i:].
func zhMonthDay(s string, i int) []int {
	me := dayNum(s, i)
	if me < 0 {
		return nil
	}
	j := skipSpace(s, me)
	if !strings.HasPrefix(s[j:], "月") && !strings.HasPrefix(s[j:], "日") {
		return nil
	}
	d := skipSpace(s, j+len("月"))
	de := dayNum(s, d)
	if de < 0 {
		return nil
	}
	k := skipSpace(s, de)
	if !strings.HasPrefix(s[k:], "日") && !strings.HasPrefix(s[k:], "号") {
		return nil
	}
	return []int{i, k + len("日"), i, me, d, de}
}

// findZhDates is zhDate.FindAllStringSubmatchIndex(s, -1).
func findZhDates(s string) [][]int {
	var out [][]int
	for i := 0; i < len(s); {
		if isDigit(s[i]) {
			if m := zhDateAt(s, i); m != nil {
				out = append(out, m)
				i = m[1]
				continue
			}
		}
		i++
	}
	return out
}

// monthForms are the spellings monthName matches.
var monthForms = map[string]int{
	"Jan": 1, "January": 1, "Feb": 2, "February": 2, "Mar": 3, "March": 3, "Apr": 4, "April": 4, "May": 5,
	"Jun": 6, "June": 6, "Jul": 7, "July": 7, "Aug": 8, "August": 8,
	"Sep": 9, "Sept": 9, "Sepember": 9, "September": 9, "Oct": 10, "October": 10, "Nov": 11, "November": 11, "Dec": 12, "December": 12,
}

// monthAt matches monthName at s[i:] where what follows must not be a
// lower-case letter (in enMD . , or a space, in enDM \b): every spelling
// is a capital and lower-case letters, so the match is the capital and
// the whole lower-case run after it, or nothing. It returns the end.
func monthAt(s string, i int) int {
	if i+3 > len(s) {
		return -1
	}
	switch s[i : i+3] {
	case "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec":
	default:
		return -1
	}
	j := i + 1
	for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
		j++
	}
	if monthForms[s[i:j]] == 0 {
		return -1
	}
	return j
}

// dayEnd matches `(?:st|nd|rd|th)?\b` after the day digits ending at e
// (the suffix first), returning the end or -1.
func dayEnd(s string, e int) int {
	if e+2 <= len(s) {
		switch s[e : e+2] {
		case "st", "nd", "rd", "th":
			if e+2 == len(s) || !wordscan.IsWordByte(s[e+2]) {
				return e + 2
			}
		}
	}
	if e == len(s) || !wordscan.IsWordByte(s[e]) {
		return e
	}
	return -1
}

// yearEnd matches `((?:19|20)\d\d)\b` at s[i:], returning the end or -1.
func yearEnd(s string, i int) int {
	if yearAt(s, i) && (i+4 == len(s) || !wordscan.IsWordByte(s[i+4])) {
		return i + 4
	}
	return -1
}

// enMDAt matches enMD at s[i:]: `\b` monthName `\.?,?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*((?:19|20)\d\d)\b)?`.
func enMDAt(s string, i int) []int {
	if i > 0 && wordscan.IsWordByte(s[i-1]) {
		return nil
	}
	me := monthAt(s, i)
	if me < 0 {
		return nil
	}
	j := me
	if j < len(s) && s[j] == '.' {
		j++
	}
	if j < len(s) && s[j] == ',' {
		j++
	}
	d := skipSpace(s, j)
	if d == j {
		return nil
	}
	de := dayNum(s, d)
	if de < 0 {
		return nil
	}
	end := dayEnd(s, de)
	if end < 0 {
		return nil
	}
	k := end
	if k < len(s) && s[k] == ',' {
		k++
	}
	k = skipSpace(s, k)
	if ye := yearEnd(s, k); ye >= 0 {
		return []int{i, ye, i, me, d, de, k, ye}
	}
	return []int{i, end, i, me, d, de, -1, -1}
}

// enDMAt matches enDM at s[i:]: `\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?`
// monthName `\b,?(?:\s*((?:19|20)\d\d)\b)?`.
func enDMAt(s string, i int) []int {
	if i > 0 && wordscan.IsWordByte(s[i-1]) {
		return nil
	}
	de := dayNum(s, i)
	if de < 0 {
		return nil
	}
	j := de
	if j+2 <= len(s) {
		switch s[j : j+2] {
		case "st", "nd", "rd", "th":
			j += 2
		}
	}
	k := skipSpace(s, j)
	if k == j {
		return nil
	}
	if strings.HasPrefix(s[k:], "of") {
		if k2 := skipSpace(s, k+2); k2 > k+2 {
			k = k2
		}
	}
	me := monthAt(s, k)
	if me < 0 || me < len(s) && wordscan.IsWordByte(s[me]) {
		return nil
	}
	end := me
	if end < len(s) && s[end] == ',' {
		end++
	}
	y := skipSpace(s, end)
	if ye := yearEnd(s, y); ye >= 0 {
		return []int{i, ye, i, de, k, me, y, ye}
	}
	return []int{i, end, i, de, k, me, -1, -1}
}

// findAllAt runs a matcher at every position from the left, like
// FindAllStringSubmatchIndex: after a match, from its end. first has the
// bytes a match can start with.
func findAllAt(s string, first *[256]bool, at func(s string, i int) []int) [][]int {
	var out [][]int
	for i := 0; i < len(s); {
		if first[s[i]] {
			if m := at(s, i); m != nil {
				out = append(out, m)
				i = m[1]
				continue
			}
		}
		i++
	}
	return out
}

// Byte classes for findAllAt.
var digits, uppers = byteClass(isDigit), byteClass(isUpper)

func byteClass(f func(c byte) bool) *[256]bool {
	var t [256]bool
	for c := range t {
		t[c] = f(byte(c))
	}
	return &t
}

// hasDigit is strings.ContainsAny(s, "0123456789"), without its
// rune-by-rune walk of non-ASCII text.
func hasDigit(s string) bool {
	for i := wordscan.SkipDigitFree(s); i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// labelTable holds the metadata labels: the Chinese ones as written, the
// English ones in the lower-cased text. The specials are the runes that
// strings.ToLower turns into ASCII letters (İ -> i, K -> k).
var labelTable = func() *wordscan.Table {
	t := wordscan.New(true, wordscan.Entry{Word: "\u0130", Special: true}, wordscan.Entry{Word: "\u212a", Special: true})
	for _, l := range pubLabelsZh {
		t.Add(wordscan.Entry{Word: l})
	}
	for _, l := range metaLabelsEn {
		t.Add(wordscan.Entry{Word: l})
	}
	return t
}()

// metaLabelsEn are the English labels IsMetaLine looks for.
var metaLabelsEn = append(pubLabelsEn[:len(pubLabelsEn):len(pubLabelsEn)], "date :", "source :")

// hasLabel reports whether p has a metadata label.
func hasLabel(p string) bool {
	pos, _, sure := labelTable.First(p)
	if sure {
		return pos >= 0
	}
	for _, l := range pubLabelsZh {
		if strings.Contains(p, l) {
			return true
		}
	}
	lp := strings.ToLower(p)
	for _, l := range metaLabelsEn {
		if strings.Contains(lp, l) {
			return true
		}
	}
	return false
}

// meetTable finds the meeting verbs of meetVerb: the Chinese ones as
// plain words, the English ones as meetVerb spells them ((?i), which
// also folds ſ to s: that rune sends the test to the pattern).
var meetTable = func() *wordscan.Table {
	t := wordscan.New(true, wordscan.Entry{Word: "\u017f", Special: true})
	for _, w := range []string{"召开", "举行", "举办", "开展", "组织", "主持"} {
		t.Add(wordscan.Entry{Word: w})
	}
	t.Add(wordscan.Entry{Word: "held", BoundBefore: true, BoundAfter: true})
	for _, w := range []string{"hold", "organised", "organized", "convened", "presided", "carried out"} {
		t.Add(wordscan.Entry{Word: w, BoundBefore: true})
	}
	return t
}()

// eachSentence calls f with each sentence of p, as splitSentences(p)
// would return them, until f returns false.
func eachSentence(p string, f func(s string) bool) {
	for p != "" {
		field := p
		if i := text.SentenceEnd(p); i >= 0 {
			field, p = p[:i], p[i+len("。"):]
		} else {
			p = ""
		}
		if field == "" {
			continue // strings.FieldsFunc drops empty fields
		}
		for {
			j := strings.Index(field, ". ")
			if j < 0 {
				if !f(field) {
					return
				}
				break
			}
			if !f(field[:j]) {
				return
			}
			field = field[j+len(". "):]
		}
	}
}

// findAnnualZh is annualZh.FindAllStringSubmatchIndex(s, -1):
// `((?:19|20)\d\d)\s*年度`.
func findAnnualZh(s string) [][]int {
	return findAllAt(s, digits, func(s string, i int) []int {
		if !yearAt(s, i) {
			return nil
		}
		j := skipSpace(s, i+4)
		if !strings.HasPrefix(s[j:], "年度") {
			return nil
		}
		return []int{i, j + len("年度"), i, i + 4}
	})
}

// findYearZh is yearZh.FindAllStringSubmatchIndex(s, -1):
// `((?:19|20)\d\d)\s*年([^度\d\s]|$)`.
func findYearZh(s string) [][]int {
	return findAllAt(s, digits, func(s string, i int) []int {
		if !yearAt(s, i) {
			return nil
		}
		j := skipSpace(s, i+4)
		if !strings.HasPrefix(s[j:], "年") {
			return nil
		}
		j += len("年")
		if j == len(s) {
			return []int{i, j, i, i + 4, j, j}
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if r == '度' || r < utf8.RuneSelf && (isDigit(byte(r)) || isPerlSpace(byte(r))) {
			return nil
		}
		return []int{i, j + n, i, i + 4, j, j + n}
	})
}

// yearEnWords are the words yearEn wants after the year.
var yearEnWords = []string{"party", "branch", "work", "democratic", "review", "secretary", "theme"}

// findYearEn returns the year yearEn's leftmost match captures, or 0:
// `(?i)\b((?:19|20)\d\d)\s+(?:party|branch|work|democratic|review|secretary|theme)`.
// (?i) folds K to k and ſ to s: texts with them go to the pattern.
func findYearEn(s string) int {
	if strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f") {
		if m := yearEn.FindStringSubmatch(s); m != nil {
			return atoi(m[1])
		}
		return 0
	}
	for i := 0; i+4 < len(s); i++ {
		if !yearAt(s, i) || i > 0 && wordscan.IsWordByte(s[i-1]) {
			continue
		}
		j := skipSpace(s, i+4)
		if j == i+4 {
			continue
		}
		for _, w := range yearEnWords {
			if text.HasPrefixFold(s[j:], w) {
				return atoi(s[i : i+4])
			}
		}
	}
	return 0
}

// containsFold reports whether s contains the lower-case ASCII w, ASCII
// letters compared case-insensitively.
func containsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if wordscan.LowerASCII(s[i]) == w[0] && text.HasPrefixFold(s[i:], w) {
			return true
		}
	}
	return false
}

// planVerbs are planYear's verbs.
var planVerbs = []string{"谋划", "规划", "部署", "安排", "计划", "展望", "对"}

// planEnds is planYear.MatchString(s):
// `(?:谋划|规划|部署|安排|计划|展望|对)\s*(?:好)?(?:\p{Han}{0,4})?$`. After
// the verb and its spaces, the text ends in at most four Han characters,
// or five when the first is 好; those are the last runes of s, so try
// each count of them from the end.
func planEnds(s string) bool {
	v := len(s)
	for k := 0; k <= 5; k++ {
		if k > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:v])
			if n == 0 || r == utf8.RuneError && n == 1 || !unicode.Is(unicode.Han, r) {
				return false
			}
			v -= n
			if k == 5 && r != '好' {
				return false
			}
		}
		u := v
		for u > 0 && isPerlSpace(s[u-1]) {
			u--
		}
		for _, w := range planVerbs {
			if strings.HasSuffix(s[:u], w) {
				return true
			}
		}
	}
	return false
}
