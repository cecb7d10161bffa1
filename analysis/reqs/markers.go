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
	zhOrd = map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
	// 一是 / 一要 / 一则 / 一方面, 第一，/ 第一是, （一）, 1. / 1、 / （1）
	zhShi    = regexp.MustCompile(`([一二三四五六七八九十])(是|要|则|方面|抓|看|讲|靠)`)
	zhDi     = regexp.MustCompile(`第([一二三四五六七八九十])(?:[，,、：:]|是|要|条|点[，,：:])`)
	zhParen  = regexp.MustCompile(`[（(]([一二三四五六七八九十])[）)]`)
	// 一、 headings: only at the start of a paragraph or after ：。；.
	zhDun = regexp.MustCompile(`(?:^|[：:。；;])\s*([一二三四五六七八九十])、`)
	digitMk  = regexp.MustCompile(`(?:^|[\s：:；;。])[（(]?([1-9])[)）.、．]`)
	zhSeq    = regexp.MustCompile(`首先|其次|再次|然后|最后`)
	enOrd    = regexp.MustCompile(`(?i)\b(first(?:ly)?|first of all|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|sixth(?:ly)?|seventh|finally|lastly)\s*[,，:]`)
	enCount  = regexp.MustCompile(`\b(One|Two|Three|Four|Five|Six|Seven)(?:\s*[,，:]|\s+(?:must|is|are|should|we|to)(?:\b|[A-Z])|[A-Z])`)
	enOrdNum = map[string]int{"first": 1, "firstly": 2 - 1, "first of all": 1, "second": 2, "secondly": 2, "third": 3, "thirdly": 3, "fourth": 4, "fourthly": 4, "fifth": 5, "fifthly": 5, "sixth": 6, "sixthly": 6, "seventh": 7, "finally": 0, "lastly": 0}
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
	for _, m := range digitMk.FindAllStringSubmatchIndex(p, -1) {
		ms = append(ms, marker{"digit", int(p[m[2]] - '0'), m[2], m[1]})
	}
	if latin > 0 {
		ms = enMarkers(p, ms)
	}
	sortMarkers(ms)
	return ms
}

func zhMarkers(p string, ms []marker) []marker {
	for _, m := range zhShi.FindAllStringSubmatchIndex(p, -1) {
		if !atBoundary(p, m[0]) {
			continue
		}
		fam := "shi"
		switch p[m[4]:m[5]] {
		case "要":
			fam = "yao"
		case "方面":
			fam = "fangmian"
		}
		ms = append(ms, marker{fam, zhOrd[p[m[2]:m[3]]], m[0], m[1]})
	}
	for _, m := range zhDi.FindAllStringSubmatchIndex(p, -1) {
		if atBoundary(p, m[0]) {
			ms = append(ms, marker{"di", zhOrd[p[m[2]:m[3]]], m[0], m[1]})
		}
	}
	for _, m := range zhParen.FindAllStringSubmatchIndex(p, -1) {
		ms = append(ms, marker{"paren", zhOrd[p[m[2]:m[3]]], m[0], m[1]})
	}
	for _, m := range zhDun.FindAllStringSubmatchIndex(p, -1) {
		ms = append(ms, marker{"dun", zhOrd[p[m[2]:m[3]]], m[2], m[1]})
	}
	for _, m := range zhSeq.FindAllStringIndex(p, -1) {
		if !atBoundary(p, m[0]) {
			continue
		}
		ord := map[string]int{"首先": 1, "其次": 2, "再次": 3, "然后": 3, "最后": 0}[p[m[0]:m[1]]]
		ms = append(ms, marker{"seq", ord, m[0], m[1]})
	}
	return ms
}

func enMarkers(p string, ms []marker) []marker {
	for _, m := range enOrd.FindAllStringSubmatchIndex(p, -1) {
		if !atBoundary(p, m[0]) {
			continue
		}
		ms = append(ms, marker{"en", enOrdNum[strings.ToLower(p[m[2]:m[3]])], m[0], m[1]})
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
