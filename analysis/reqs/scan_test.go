package reqs

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"meetscan/analysis/internal/corpustest"
	"meetscan/analysis/text"
)

func modalRegexp(s string) int {
	if m := enModal.FindStringIndex(s); m != nil {
		return m[0]
	}
	return -1
}

// enDirective must find what enModal finds, on every corpus sentence
// and on edge cases.
func TestEnDirectiveLikeEnModal(t *testing.T) {
	cases := []string{
		"", "We should", "this is required to", "It is necessary to", "MUST", "amust be", "_must", "the required party members to",
		"Asked all members to", "calls on", "hoped", "it is hoped", "we will continue to", "We Will Further", "ſhould do", "\u212a", "thesis are required to",
		"Is Required To", "urged", "encouraged all the cadres to", "needs to", "ought to", "He hopes that", "1must", "中文must",
		"asked to", "asked  to", "asked x to", "Asked x tomorrow", "asked x to_", "asked x to2", "asked x To.", "it is important that", "it is important thatx", "it is essential toward",
		"we will firmly", "we will firmlyx", "We will  further", "demands that", "demandsthat", "requires that", "required that", "require  that", "called on", "calls onward",
	}
	for _, verb := range []string{"required ", "asked ", "encourages ", "Encouraged "} {
		for _, obj := range []string{"", "all ", "each ", "EVERY ", "the ", "them "} {
			for _, n := range []int{55, 56, 59, 60, 61, 63, 64, 65, 66} {
				run := obj + strings.Repeat("a' ", n)[:n-len(obj)]
				cases = append(cases, verb+run+" to", verb+run+" to.", verb+run+" tox", "x "+verb+run+" too to")
			}
		}
	}
	for _, p := range corpustest.Lines(t, "..") {
		cases = append(cases, p)
		for _, s := range strings.Split(p, ". ") {
			cases = append(cases, s)
		}
	}
	for _, s := range cases {
		if got, want := enDirective(s), modalRegexp(s); got != want {
			t.Errorf("enDirective(%q) = %d, enModal %d", s, got, want)
		}
	}
}

func FuzzEnDirective(f *testing.F) {
	f.Add("The secretary asked all party members to study")
	f.Add("It is hoped that we will continue to")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := enDirective(s), modalRegexp(s); got != want {
			t.Errorf("enDirective(%q) = %d, enModal %d", s, got, want)
		}
	})
}

// scanAll runs a matcher "at" a letter starting a word the way
// scanParagraph does: from every such letter, resuming after each match. It
// returns the matches as FindAllStringSubmatchIndex does (one group).
func scanAll(p string, at func(p string, i int) (word, end int)) [][]int {
	var out [][]int
	for i, next := 0, 0; i < len(p); i++ {
		if i < next || !isLetter(p[i]) || i > 0 && isWordByte(p[i-1]) {
			continue
		}
		if word, end := at(p, i); end >= 0 {
			out = append(out, []int{i, end, i, word})
			next = end
		}
	}
	return out
}

// enOrdAt must find what enOrd finds (on text without ſ and the Kelvin
// sign, which take the pattern), with the value of the word.
func checkEnOrd(t *testing.T, s string) {
	if foldsToASCII(s) {
		return
	}
	got := scanAll(s, func(p string, i int) (int, int) {
		word, end, ord := enOrdAt(p, i)
		if end >= 0 {
			if want := enOrdNum[strings.ToLower(p[i:word])]; ord != want {
				t.Errorf("enOrdAt(%q, %d): %q is %d, want %d", p, i, p[i:word], ord, want)
			}
		}
		return word, end
	})
	if want := enOrd.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("enOrdAt on %q: %v, enOrd %v", s, got, want)
	}
}

var (
	enCount = regexp.MustCompile(`\b(One|Two|Three|Four|Five|Six|Seven)(?:\s*[,，:]|\s+(?:must|is|are|should|we|to)(?:\b|[A-Z])|[A-Z])`)
	digitMk = regexp.MustCompile(`(?:^|[\s：:；;。])[（(]?([1-9])[)）.、．]`)
)

func checkEnCount(t *testing.T, s string) {
	if got, want := scanAll(s, enCountAt), enCount.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("enCountAt on %q: %v, enCount %v", s, got, want)
	}
}

func checkDigitMk(t *testing.T, s string) {
	var got [][]int
	for k, next := 0, 0; k < len(s); k++ {
		if s[k] < '1' || s[k] > '9' {
			continue
		}
		if start, end := digitMatch(s, k); start >= next {
			got = append(got, []int{start, end, k, k + 1})
			next = end
		}
	}
	if want := digitMk.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("digitMatch on %q: %v, digitMk %v", s, got, want)
	}
}

// findMarkersRef finds the markers of scanParagraph the plain way: the
// patterns, and a separate pass for each Chinese word.
func findMarkersRef(p string) []marker {
	var ms []marker
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		if ord := zhOrd(r); ord > 0 {
			if m, ok := numeralMarker(p, i, ord); ok {
				ms = append(ms, m)
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
	for _, m := range digitMk.FindAllStringSubmatchIndex(p, -1) {
		ms = append(ms, marker{"digit", int(p[m[2]] - '0'), m[2], m[1]})
	}
	for _, m := range enOrd.FindAllStringSubmatchIndex(p, -1) {
		if atBoundary(p, m[0]) {
			ms = append(ms, marker{"en", enOrdNum[strings.ToLower(p[m[2]:m[3]])], m[0], m[1]})
		}
	}
	if !strings.Contains(p, "One") {
		sortMarkers(ms)
		return ms
	}
	for _, m := range enCount.FindAllStringSubmatchIndex(p, -1) {
		if m[0] > 0 && !atBoundary(p, m[0]) && !endsSentence(p[:m[0]]) {
			continue
		}
		ms = append(ms, marker{"count", enCountNum[p[m[2]:m[3]]], m[0], m[3]})
	}
	sortMarkers(ms)
	return ms
}

func checkScanParagraph(t *testing.T, s string) {
	sc := scanParagraph(s)
	if want := findMarkersRef(s); !slices.Equal(sc.markers, want) {
		t.Errorf("scanParagraph(%q) markers %v, want %v", s, sc.markers, want)
	}
	if want := zhDirective(s); sc.zhDir != want {
		t.Errorf("scanParagraph(%q) zhDirective %d, want %d", s, sc.zhDir, want)
	}
	if want := modalRegexp(s); sc.enDir != want {
		t.Errorf("scanParagraph(%q) enDirective %d, enModal %d", s, sc.enDir, want)
	}
}

// The paragraph scanner must find what the patterns and zhDirective find.
func TestMarkerScansLikePatterns(t *testing.T) {
	cases := append(corpustest.Lines(t, ".."), "", "First, we", "firstly:", "First of all，", "xfirst, no", "_second,", "Secondly ,", "ſecond,", "thirds,", "FINALLY:", "Finally the", "1first,",
		"First of all ,", "first  \t,", "first of all:", "FIRSTLY，", "seventhly,", "Lastly: x. Fourthly , y",
		"One mustDeeply. TwoGive.ThreeToStrive", "One, Two: Three，", "One must", "One mustn't", "One  is_", "One isA", "One are", "Ones", "xOne,", "One\nwe", "Onewe", "One to1", "SixSeven,",
		"一是，二是", "第一，第二要", "（一）(二)", "一、二、", "首先，其次，最后", "其次首先", "\xe4一是", "1.一是First,One,",
		"1.", "(1)", "（1）", "：1、", "a 1) b 2) c", " 1.(2)", "x(1)", "。（3）．", "((1)", "1.2.", "：（1）", "\xef\xbc(1)", ":1.:2.", " 0.", "：\u00a01.")
	for _, s := range cases {
		checkEnOrd(t, s)
		checkEnCount(t, s)
		checkDigitMk(t, s)
		checkScanParagraph(t, s)
	}
}

func FuzzMarkerScans(f *testing.F) {
	f.Add("First, study. Second, act. Finally: report")
	f.Add("One mustA.TwoB.Three, C")
	f.Add("：（1）x。2、y (3)z")
	f.Fuzz(func(t *testing.T, s string) {
		checkEnOrd(t, s)
		checkEnCount(t, s)
		checkDigitMk(t, s)
		checkScanParagraph(t, s)
	})
}

var (
	enImperative = regexp.MustCompile(`^(?:Focus|Strengthen|Adhere|Promote|Improve|Deepen|Implement|Carry|Insist|Build|Give|Do|Pay|Take|Continue|Further|Earnestly|Effectively|Persist|Enhance|Consolidate|Establish|Strive|Make|Keep|Always|Resolutely|Firmly|Actively|Conscientiously|Solidly|Vigorously|Comprehensively|Thoroughly|Accelerate|Ensure|Grasp|Uphold|Stick|Study)\b`)
	zhCue        = regexp.MustCompile(`(?:强调|指出|要求|表示|认为|提出|说|意见|建议)[，,：:]`)
)

// checkCues holds the sentence scanners to their patterns.
func checkCues(t *testing.T, s string) {
	if got, want := enAnnounces(s), enAnnounce.MatchString(s); got != want {
		t.Errorf("enAnnounces(%q) = %v, enAnnounce %v", s, got, want)
	}
	want := -1
	if m := enColonCue.FindStringIndex(s); m != nil {
		want = m[1]
	}
	if got := colonCueEnd(s); got != want {
		t.Errorf("colonCueEnd(%q) = %d, enColonCue %d", s, got, want)
	}
	if got, want := imperative(s), enImperative.MatchString(s); got != want {
		t.Errorf("imperative(%q) = %v, enImperative %v", s, got, want)
	}
	// cueEnd(s[:d]) is the end of the last zhCue match ending by d.
	for _, d := range []int{len(s), len(s) / 2, len(s) / 3} {
		want := -1
		for _, m := range zhCue.FindAllStringIndex(s, -1) {
			if m[1] <= d {
				want = m[1]
			}
		}
		if got := cueEnd(s[:d]); got != want {
			t.Errorf("cueEnd(%q) = %d, zhCue %d", s[:d], got, want)
		}
	}
}

func TestCuesLikePatterns(t *testing.T) {
	cases := []string{"", "The requirements: a b c", "Three points :", "SUGGESTIONS：x:", "task" + strings.Repeat("中", 40) + ":", "tasks" + strings.Repeat("中", 40) + ":",
		"tasks" + strings.Repeat("中", 41) + ":", "task" + strings.Repeat("x", 41) + ": point:", "direction\xff:", "ſuggestion:", "Ta\u212a:", "put forward", "Put  forward", "called on", "CALLS ON",
		"Focus", "Focusing", "Do.", "Do中", "focus", "Study_", "他强调，要", "说：说:", "要求说，", "意见,建议：", "提出\xef，"}
	for _, p := range corpustest.Lines(t, "..") {
		cases = append(cases, p)
		for _, s := range text.Sentences(p) {
			cases = append(cases, p[s.Start:s.End])
		}
	}
	for _, s := range cases {
		checkCues(t, s)
	}
}

func FuzzCues(f *testing.F) {
	f.Add("He put forward three requirements: study, act, report")
	f.Add("会议强调，要学习；他说：要落实")
	f.Fuzz(checkCues)
}

// zhDirectiveRef is the plain form of zhDirective: the earliest modal word
// or directive 要, else the first 要求 followed by its content.
func zhDirectiveRef(s string) int {
	best := -1
	for _, w := range []string{"必须", "务必", "一定要", "应当", "应该", "不得", "严禁", "希望"} {
		if k := strings.Index(s, w); k >= 0 && (best < 0 || k < best) {
			best = k
		}
	}
	for off := 0; ; {
		k := strings.Index(s[off:], "要")
		if k < 0 || best >= 0 && off+k > best {
			break
		}
		if isDirectiveYao(s, off+k) {
			best = off + k
			break
		}
		off += k + len("要")
	}
	if best >= 0 {
		return best
	}
	for off := 0; ; {
		k := strings.Index(s[off:], "要求")
		if k < 0 {
			return -1
		}
		if demandDirective(s, off+k) {
			return off + k
		}
		off += k + len("要求")
	}
}

func TestZhDirectiveLikeRef(t *testing.T) {
	cases := []string{"", "要", "重要求", "会议要求，", "按照要求开展", "他要求以学习为本", "一定要必须", "不要", "党要管党", "要求的", "\xe8\xa6要求学习"}
	for _, p := range corpustest.Lines(t, "..") {
		for _, s := range text.Split(p, text.Span{Start: 0, End: len(p)}, "，,；;。") {
			cases = append(cases, p[s.Start:s.End])
		}
		cases = append(cases, p)
	}
	for _, s := range cases {
		if got, want := zhDirective(s), zhDirectiveRef(s); got != want {
			t.Errorf("zhDirective(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzZhDirective(f *testing.F) {
	f.Add("会议要求，全体党员要坚持学习；必须落实")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := zhDirective(s), zhDirectiveRef(s); got != want {
			t.Errorf("zhDirective(%q) = %d, want %d", s, got, want)
		}
	})
}

// checkMayDirect: a sentence holds a cue only if its paragraph does.
func checkMayDirect(t *testing.T, p string) {
	if mayDirect(p, scanParagraph(p)) {
		return
	}
	for _, s := range text.Sentences(p) {
		sent := p[s.Start:s.End]
		if zhDirective(sent) >= 0 || enDirective(sent) >= 0 || strings.Contains(sent, ":") {
			t.Errorf("mayDirect(%q) is false, but sentence %q has a cue", p, sent)
		}
	}
}

func TestMayDirect(t *testing.T) {
	for _, p := range append(corpustest.Lines(t, ".."), "重。要学习", "他要求。学习", "重 要", "He must.", "x.Must", "学习。 要求以学习为本") {
		checkMayDirect(t, p)
	}
}

func FuzzMayDirect(f *testing.F) {
	f.Add("他强调。要学习；会议要求，大家学习。We must. It is hoped.")
	f.Fuzz(func(t *testing.T, p string) {
		if utf8.ValidString(p) { // as Extract's paragraphs are
			checkMayDirect(t, p)
		}
	})
}
