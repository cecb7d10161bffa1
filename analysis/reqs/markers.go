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

var (
	digitMk    = regexp.MustCompile(`(?:^|[\s：:；;。])[（(]?([1-9])[)）.、．]`)
	enOrd      = regexp.MustCompile(`(?i)\b(first(?:ly)?|first of all|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|sixth(?:ly)?|seventh|finally|lastly)\s*[,，:]`)
	enCount    = regexp.MustCompile(`\b(One|Two|Three|Four|Five|Six|Seven)(?:\s*[,，:]|\s+(?:must|is|are|should|we|to)(?:\b|[A-Z])|[A-Z])`)
	enOrdNum   = map[string]int{"first": 1, "firstly": 2 - 1, "first of all": 1, "second": 2, "secondly": 2, "third": 3, "thirdly": 3, "fourth": 4, "fourthly": 4, "fifth": 5, "fifthly": 5, "sixth": 6, "sixthly": 6, "seventh": 7, "finally": 0, "lastly": 0}
	enCountNum = map[string]int{"One": 1, "Two": 2, "Three": 3, "Four": 4, "Five": 5, "Six": 6, "Seven": 7}
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

// findMarkers returns the enumeration markers of a paragraph.
func findMarkers(p string) []marker {
	var ms []marker
	han, latin := text.Counts(p)
	if han > 0 {
		ms = zhMarkers(p, ms)
	}
	if digitMarkable(p) {
		for _, m := range digitMk.FindAllStringSubmatchIndex(p, -1) {
			ms = append(ms, marker{"digit", int(p[m[2]] - '0'), m[2], m[1]})
		}
	}
	if latin > 0 {
		ms = enMarkers(p, ms)
	}
	sortMarkers(ms)
	return ms
}

// digitMarkable is a pre-check for digitMk: a digit 1-9 followed by one
// of the marks it needs, ) ） . 、 ．
func digitMarkable(p string) bool {
	for i := 0; i+1 < len(p); i++ {
		if c := p[i]; c >= '1' && c <= '9' {
			rest := p[i+1:]
			if rest[0] == ')' || rest[0] == '.' || strings.HasPrefix(rest, "）") || strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, "．") {
				return true
			}
		}
	}
	return false
}

// zhMarkers scans for Chinese markers by hand: a numeral 一…十 with the
// word after it (一是, 二要, 第三，, （四）, 五、), and 首先/其次/再次/最后.
func zhMarkers(p string, ms []marker) []marker {
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		ord, isNum := zhOrdRune[r]
		if !isNum {
			i += n
			continue
		}
		after := p[i+n:]
		switch {
		case strings.HasSuffix(p[:i], "第"):
			s := i - len("第")
			if atBoundary(p, s) && diNext(after) {
				ms = append(ms, marker{"di", ord, s, i + n})
			}
		case (strings.HasSuffix(p[:i], "（") || strings.HasSuffix(p[:i], "(")) && (strings.HasPrefix(after, "）") || strings.HasPrefix(after, ")")):
			_, pn := utf8.DecodeLastRuneInString(p[:i])
			_, an := utf8.DecodeRuneInString(after)
			ms = append(ms, marker{"paren", ord, i - pn, i + n + an})
		case strings.HasPrefix(after, "、"):
			if dunBoundary(p, i) {
				ms = append(ms, marker{"dun", ord, i, i + n + len("、")})
			}
		default:
			if !atBoundary(p, i) {
				break
			}
			for _, w := range shiWords {
				if strings.HasPrefix(after, w.word) {
					ms = append(ms, marker{w.family, ord, i, i + n + len(w.word)})
					break
				}
			}
		}
		i += n
	}
	for _, w := range []string{"首先", "其次", "再次", "然后", "最后"} {
		for off := 0; ; {
			k := strings.Index(p[off:], w)
			if k < 0 {
				break
			}
			s := off + k
			off = s + len(w)
			if atBoundary(p, s) {
				ms = append(ms, marker{"seq", seqOrd[w], s, off})
			}
		}
	}
	return ms
}

var (
	zhOrdRune = map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9, '十': 10}
	seqOrd    = map[string]int{"首先": 1, "其次": 2, "再次": 3, "然后": 3, "最后": 0}
	shiWords  = []struct{ word, family string }{{"是", "shi"}, {"要", "yao"}, {"则", "shi"}, {"方面", "fangmian"}, {"抓", "shi"}, {"看", "shi"}, {"讲", "shi"}, {"靠", "shi"}}
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

func enMarkers(p string, ms []marker) []marker {
	for _, m := range enOrdIndex(p) {
		if !atBoundary(p, m[0]) {
			continue
		}
		ms = append(ms, marker{"en", enOrdNum[strings.ToLower(p[m[2]:m[3]])], m[0], m[1]})
	}
	if !strings.Contains(p, "One") {
		return ms
	}
	for _, m := range enCount.FindAllStringSubmatchIndex(p, -1) {
		if m[0] > 0 && !atBoundary(p, m[0]) && !endsSentence(p[:m[0]]) {
			continue
		}
		ms = append(ms, marker{"count", enCountNum[p[m[2]:m[3]]], m[0], m[3]})
	}
	return ms
}

// endsSentence: "…improvement.TwoGive" glues the marker to the previous
// sentence's full stop.
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

// enOrdWords are the first words of enOrd's alternatives.
var enOrdWords = []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "finally", "lastly"}

// enOrdIndex returns enOrd.FindAllStringSubmatchIndex(p, -1), running the
// pattern only from the first place an ordinal word can start (foldStart).
func enOrdIndex(p string) [][]int {
	// (?i) also folds ſ into s, which the ASCII scan does not.
	if strings.Contains(p, "ſ") || strings.Contains(p, "\u212a") {
		return enOrd.FindAllStringSubmatchIndex(p, -1)
	}
	e := foldStart(p, enOrdWords)
	if e < 0 {
		return nil
	}
	ms := enOrd.FindAllStringSubmatchIndex(p[e:], -1)
	for _, m := range ms {
		for k := range m {
			if m[k] >= 0 {
				m[k] += e
			}
		}
	}
	return ms
}
