package reqs

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"meetscan/analysis/text"
)

// marker is one enumeration marker found in a paragraph.
type marker struct {
	family  string // markers of one family form one enumeration
	ordinal int    // 1, 2, 3… ; 0 = "finally" (continues any sequence)
	start   int    // byte offset of the marker
	end     int    // byte offset after the marker
}

// The markers are found by hand-written scanners; the tests hold them to
// the patterns they stand for (scan_test.go).

var (
	// enOrd is the pattern enOrdAt matches; it is only run on text holding
	// ſ or the Kelvin sign, which (?i) folds into s and k.
	enOrd    = regexp.MustCompile(`(?i)\b(first(?:ly)?|first of all|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|sixth(?:ly)?|seventh|finally|lastly)\s*[,，:]`)
	enOrdNum = map[string]int{"first": 1, "firstly": 2 - 1, "first of all": 1, "second": 2, "secondly": 2, "third": 3, "thirdly": 3, "fourth": 4, "fourthly": 4, "fifth": 5, "fifthly": 5, "sixth": 6, "sixthly": 6, "seventh": 7, "finally": 0, "lastly": 0}
)

// atBoundary reports whether byte i of p starts a clause: the start, or
// after punctuation or white space.
func atBoundary(p string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(p[:i])
	return strings.ContainsRune("，,。；;：:！!？?、 \u00a0\u3000\t“\"（(）)", r)
}

// scan is what one pass over a paragraph finds.
type scan struct {
	markers []marker // its enumeration markers, in text order
	// zhDir and enDir are what zhDirective and enDirective return for
	// the paragraph.
	zhDir, enDir int
}

// scanParagraph scans a paragraph. One pass over its bytes hands each byte
// that may start a marker or a directive to the scanner of its kind:
// Chinese numerals, sequence words and directive words (three-byte
// characters), digits, and English ordinals, numbers and modal words
// (letters starting a word). No two markers start at the same byte.
func scanParagraph(p string) scan {
	var ms []marker
	demand := -1 // as in zhDirective
	sc := scan{zhDir: -1, enDir: -1}
	// The digit and English scanners stand for patterns found with
	// FindAll, which resumes after each match.
	digitNext, ordNext, countNext := 0, 0, 0
	plain := !foldsToASCII(p) // else the English patterns run below
	countScan := strings.Contains(p, "One")
	for i := zhScanned.next(p, 0, &asciiScanned); i < len(p); i = zhScanned.next(p, i+1, &asciiScanned) {
		switch c := p[i]; {
		case c >= 0x80:
			r, n := han3(p, i)
			if n == 0 {
				continue
			}
			if sc.zhDir < 0 {
				switch zhCueAt(p, i, r) {
				case directiveCue:
					sc.zhDir = i
				case demandCue:
					if demand < 0 {
						demand = i
					}
				}
			}
			if ord := zhOrd(r); ord > 0 {
				if m, ok := numeralMarker(p, i, ord); ok {
					ms = append(ms, m)
				}
			} else if w := seqWord(r, p[i:]); w != "" {
				if atBoundary(p, i) {
					ms = append(ms, marker{"seq", seqOrd[w], i, i + len(w)})
				}
				n = len(w)
			}
			i += n - 1 // nothing starts inside a character
		case c >= '1' && c <= '9': // after a word byte it cannot match
			if start, end := digitMatch(p, i); start >= digitNext {
				ms = append(ms, marker{"digit", int(c - '0'), i, end})
				digitNext = end
			}
		default: // a letter starting a word
			if plain && sc.enDir < 0 && modalFirst[c] && modalAt(p[i:]) {
				sc.enDir = i
			}
			if plain && i >= ordNext {
				if _, end, ord := enOrdAt(p, i); end >= 0 {
					ordNext = end
					if atBoundary(p, i) {
						ms = append(ms, marker{"en", ord, i, end})
					}
				}
			}
			if countScan && isUpper(c) && i >= countNext {
				if word, end := enCountAt(p, i); end >= 0 {
					countNext = end
					// endsSentence: "…improvement.TwoGive" glues the
					// marker to the previous sentence's full stop.
					if atBoundary(p, i) || endsSentence(p[:i]) {
						ms = append(ms, marker{"count", enCountNum[p[i:word]], i, word})
					}
				}
			}
		}
	}
	if !plain {
		for _, m := range enOrd.FindAllStringSubmatchIndex(p, -1) {
			if atBoundary(p, m[0]) {
				ms = append(ms, marker{"en", enOrdNum[strings.ToLower(p[m[2]:m[3]])], m[0], m[1]})
			}
		}
		sc.enDir = enDirective(p)
	}
	sortMarkers(ms)
	sc.markers = ms
	if sc.zhDir < 0 {
		sc.zhDir = demand
	}
	return sc
}

// digitMatch matches the digit pattern
//
//	(?:^|[\s：:；;。])[（(]?([1-9])[)）.、．]
//
// around the digit at byte k of p: it returns the start and end of the
// match, or -1, -1. A digit has at most one place its match can start
// (white space or punctuation, then an optional opening bracket, just
// before it), and no match can hold another's digit, so the matches of
// the digits taken in order, each starting after the one before, are the
// pattern's.
func digitMatch(p string, k int) (start, end int) {
	end = k + 1
	switch {
	case end < len(p) && (p[end] == ')' || p[end] == '.'):
		end++
	case strings.HasPrefix(p[end:], "）") || strings.HasPrefix(p[end:], "、") || strings.HasPrefix(p[end:], "．"):
		end += 3
	default:
		return -1, -1
	}
	s := k
	if strings.HasSuffix(p[:k], "(") {
		s = k - 1
	} else if strings.HasSuffix(p[:k], "（") {
		s = k - 3
	}
	switch {
	case s == 0: // ^
	case strings.ContainsRune("\t\n\f\r :;", rune(p[s-1])):
		s--
	case strings.HasSuffix(p[:s], "：") || strings.HasSuffix(p[:s], "；") || strings.HasSuffix(p[:s], "。"):
		s -= 3
	default:
		return -1, -1
	}
	return s, end
}

// numeralMarker returns the marker made by the numeral 一…十 (value ord,
// three bytes) at byte i of p, if any.
func numeralMarker(p string, i, ord int) (marker, bool) {
	const n = len("一")
	after := p[i+n:]
	switch {
	case strings.HasSuffix(p[:i], "第"):
		s := i - len("第")
		if atBoundary(p, s) && diNext(after) {
			return marker{"di", ord, s, i + n}, true
		}
	case (strings.HasSuffix(p[:i], "（") || strings.HasSuffix(p[:i], "(")) && (strings.HasPrefix(after, "）") || strings.HasPrefix(after, ")")):
		_, pn := utf8.DecodeLastRuneInString(p[:i])
		_, an := utf8.DecodeRuneInString(after)
		return marker{"paren", ord, i - pn, i + n + an}, true
	case strings.HasPrefix(after, "、"):
		if dunBoundary(p, i) {
			return marker{"dun", ord, i, i + n + len("、")}, true
		}
	default:
		if !atBoundary(p, i) {
			break
		}
		for _, w := range shiWords {
			if strings.HasPrefix(after, w.word) {
				return marker{w.family, ord, i, i + n + len(w.word)}, true
			}
		}
	}
	return marker{}, false
}

// asciiScanned holds the bytes scanParagraph stops at when they start a
// word: the digits and the first letters of enOrd's, enCount's and
// enModal's words.
var asciiScanned = newByteSet("123456789FLSTflstO" + "ACDEHIMNORSUWacdehimnorsuw")

// zhScanned holds the characters scanParagraph stops at: the numerals,
// the first characters of the sequence words and zhDirectives.
var zhScanned = newLeadSet("一二三四五六七八九十首其再然最要必务应不严希")

// leadSet holds the first two bytes of a few characters of U+4000…U+9FFF
// (three bytes each): a cheap test for whether one of them is at a given
// byte before decoding it.
type leadSet [6][64]bool

func newLeadSet(chars string) (set leadSet) {
	for _, r := range chars {
		b := string(r)
		if len(b) != 3 || b[0] < 0xE4 || b[0] > 0xE9 {
			panic("leadSet: " + b + " is not in U+4000…U+9FFF")
		}
		set[b[0]-0xE4][b[1]&0x3F] = true
	}
	return set
}

// next returns the first byte of s at or after i where one of the
// characters may start, or a byte of ascii starts a word (\b before it);
// len(s) if there is none. It is the scanners' inner loop, so it steps
// over whole characters (which decoding rune by rune would start at the
// same bytes: a lead byte is never part of another character).
func (set *leadSet) next(s string, i int, ascii *byteSet) int {
	for ; i < len(s); i++ {
		c := s[i]
		if c < 0x80 {
			if ascii[c] && (i == 0 || !isWordByte(s[i-1])) {
				return i
			}
			continue
		}
		// One unsigned comparison for E4…E9; other bytes step one.
		if c-0xE4 > 0xE9-0xE4 || i+2 >= len(s) {
			continue
		}
		if c1 := s[i+1]; c1&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			if set[c-0xE4][c1&0x3F] {
				return i
			}
			i += 2
		}
	}
	return len(s)
}

// han3 decodes the character at byte i of s when it is one of U+4000…
// U+9FFF (three bytes, lead byte E4…E9), which holds every Chinese word
// the scanners look for; otherwise it returns 0, 0.
func han3(s string, i int) (r rune, n int) {
	if c := s[i]; c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return 0, 0
}

// zhOrd returns the value of a numeral 一…十, or -1.
func zhOrd(r rune) int {
	switch r {
	case '一':
		return 1
	case '二':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	case '十':
		return 10
	}
	return -1
}

// seqWord returns the sequence word that s, starting with r, starts with,
// or "".
func seqWord(r rune, s string) string {
	w := ""
	switch r {
	case '首':
		w = "首先"
	case '其':
		w = "其次"
	case '再':
		w = "再次"
	case '然':
		w = "然后"
	case '最':
		w = "最后"
	}
	if w != "" && strings.HasPrefix(s, w) {
		return w
	}
	return ""
}

var (
	seqOrd   = map[string]int{"首先": 1, "其次": 2, "再次": 3, "然后": 3, "最后": 0}
	shiWords = []struct{ word, family string }{{"是", "shi"}, {"要", "yao"}, {"则", "shi"}, {"方面", "fangmian"}, {"抓", "shi"}, {"看", "shi"}, {"讲", "shi"}, {"靠", "shi"}}
)

// diNext: what may follow 第一 as a marker ("第一，", "第一是", "第一要",
// "第一条", "第一点，") and not as 第一次 / 第一责任人.
func diNext(after string) bool {
	for _, w := range []string{"，", ",", "、", "：", ":", "是", "要", "条", "点，", "点,", "点："} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// dunBoundary: 一、 headings start a paragraph or follow ：。；.
func dunBoundary(p string, i int) bool {
	before := strings.TrimRight(p[:i], " \u3000\u00a0\t")
	if before == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune("：:。；;", r)
}

// endsSentence reports whether s ends with a full stop or a closing
// quote.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '。' || r == '"' || r == '”'
}

func sortMarkers(ms []marker) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].start < ms[j-1].start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// enumeration is a run of markers 1, 2, 3… of one family.
type enumeration struct{ markers []marker }

// enumerations picks, per family, runs that start at 1 and count up by one
// (an optional "finally"/最后 closes a run); runs of one marker are not
// enumerations.
func enumerations(ms []marker) []enumeration {
	var out []enumeration
	used := make([]bool, len(ms))
	for i, m := range ms {
		if used[i] || m.ordinal != 1 {
			continue
		}
		run := []marker{m}
		used[i] = true
		next := 2
		for j := i + 1; j < len(ms); j++ {
			n := ms[j]
			if used[j] || n.family != m.family {
				continue
			}
			if n.ordinal == next {
				run = append(run, n)
				used[j] = true
				next++
			} else if n.ordinal == 0 && next > 2 {
				run = append(run, n)
				used[j] = true
				break
			}
		}
		if len(run) >= 2 {
			out = append(out, enumeration{run})
		}
	}
	return out
}

// enOrdWords are enOrd's ordinal words, lower case, each in the order the
// pattern tries it, with its value.
var enOrdWords = []ordWord{
	{"firstly", 1}, {"first", 1}, {"first of all", 1},
	{"secondly", 2}, {"second", 2}, {"thirdly", 3}, {"third", 3},
	{"fourthly", 4}, {"fourth", 4}, {"fifthly", 5}, {"fifth", 5},
	{"sixthly", 6}, {"sixth", 6}, {"seventh", 7}, {"finally", 0}, {"lastly", 0},
}

type ordWord struct {
	word string
	ord  int
}

// enOrdByLetter holds enOrdWords by first letter, in the same order.
var enOrdByLetter = func() (t [26][]ordWord) {
	for _, w := range enOrdWords {
		t[w.word[0]-'a'] = append(t[w.word[0]-'a'], w)
	}
	return t
}()

// enOrdAt matches enOrd at byte i of p, a letter starting a word, for p
// without ſ and the Kelvin sign: it returns the end of the ordinal word
// (group 1), the end of the match and the word's value; end is -1 when
// there is no match.
func enOrdAt(p string, i int) (word, end, ord int) {
	for _, w := range enOrdByLetter[p[i]|0x20-'a'] {
		if !text.HasPrefixFold(p[i:], w.word) {
			continue
		}
		if e := punctAfter(p, i+len(w.word)); e >= 0 {
			return i + len(w.word), e, w.ord
		}
	}
	return -1, -1, 0
}

// punctAfter matches \s*[,，:] at byte i of p and returns the end of the
// match, or -1.
func punctAfter(p string, i int) int {
	i = skipSpace(p, i)
	switch {
	case i < len(p) && (p[i] == ',' || p[i] == ':'):
		return i + 1
	case strings.HasPrefix(p[i:], "，"):
		return i + len("，")
	}
	return -1
}

// skipSpace skips \s, that is [\t\n\f\r ], from byte i of p.
func skipSpace(p string, i int) int {
	for i < len(p) && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\f' || p[i] == '\r') {
		i++
	}
	return i
}

var enCountNum = map[string]int{"One": 1, "Two": 2, "Three": 3, "Four": 4, "Five": 5, "Six": 6, "Seven": 7}

// enCountAt matches
//
//	\b(One|Two|Three|Four|Five|Six|Seven)(?:\s*[,，:]|\s+(?:must|is|are|should|we|to)(?:\b|[A-Z])|[A-Z])
//
// at byte i of p, a letter starting a word: it returns the end of the
// number word (group 1) and the end of the match; end is -1 when there is
// no match. The pattern is case sensitive, so no folding.
func enCountAt(p string, i int) (word, end int) {
	for _, w := range []string{"One", "Two", "Three", "Four", "Five", "Six", "Seven"} {
		if !strings.HasPrefix(p[i:], w) {
			continue
		}
		j := i + len(w)
		if e := punctAfter(p, j); e >= 0 {
			return j, e
		}
		if k := skipSpace(p, j); k > j {
			for _, v := range []string{"must", "is", "are", "should", "we", "to"} {
				if !strings.HasPrefix(p[k:], v) {
					continue
				}
				e := k + len(v)
				if e == len(p) || !isWordByte(p[e]) {
					return j, e
				}
				if isUpper(p[e]) {
					return j, e + 1
				}
			}
		}
		if j < len(p) && isUpper(p[j]) {
			return j, j + 1
		}
	}
	return -1, -1
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
